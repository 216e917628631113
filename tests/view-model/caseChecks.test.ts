import { describe, it, expect } from 'vitest';
import { checkCase } from '../../src/view-model/caseChecks';
import { findIssues, parseCaseJson } from '../../src/view-model/engine';
import { BLANK_CASE, SCENARIOS } from '../../src/scenarios';
import { setCaseField } from '../../machines/case/casePath';
import type { CaseFile } from '../../machines/case/types';

const good = (): CaseFile => structuredClone(SCENARIOS[0].case);
const pathsOf = (c: CaseFile) => checkCase(c).map((i) => i.path);

describe('field checks name the field that is wrong', () => {
  it('accepts every built-in scenario', () => {
    for (const s of SCENARIOS) expect(findIssues(s.case), s.id).toEqual([]);
  });
  it('refuses impossible ages', () => {
    expect(pathsOf(setCaseField(good(), 'person.declaredAge', -1))).toEqual(['person.declaredAge']);
    expect(pathsOf(setCaseField(good(), 'person.declaredAge', 15.5))).toEqual(['person.declaredAge']);
    expect(pathsOf(setCaseField(good(), 'person.declaredAge', 200))).toEqual(['person.declaredAge']);
    expect(pathsOf(setCaseField(good(), 'age.assessment', { low: 19, high: 17 }))).toEqual(['age.assessment.high']);
  });
  it('refuses dates outside the modelled period and impossible dates', () => {
    expect(pathsOf(setCaseField(good(), 'date', '1994-12-31'))).toEqual(['date']);
    expect(pathsOf(setCaseField(good(), 'date', '2031-01-01'))).toEqual(['date']);
    expect(pathsOf(setCaseField(good(), 'date', '2016-02-30'))).toEqual(['date']);
    expect(pathsOf(setCaseField(good(), 'date', '2030-12-31'))).toEqual([]);
  });
  it('refuses unknown nationalities', () => {
    expect(checkCase(setCaseField(good(), 'person.nationality', 'XX'))[0]).toMatchObject({ path: 'person.nationality', message: expect.stringContaining('XX') });
  });
  it("refuses a statement (or any event) before detection or more than 30 years after it", () => {
    expect(pathsOf(setCaseField(good(), 'cooperation.statementDay', -1))).toEqual(['cooperation.statementDay']);
    expect(pathsOf(setCaseField(good(), 'disappearsDay', 99999))).toEqual(['disappearsDay']);
  });
  it('a birth date after detection is refused', () => {
    const c = setCaseField(setCaseField(good(), 'person.declaredAge', undefined), 'person.declaredBirthDate', '2017-01-01');
    expect(pathsOf(c)).toEqual(['person.declaredBirthDate']);
  });
  it('the blank case asks for a nationality', () => {
    expect(findIssues(BLANK_CASE).map((i) => i.path)).toEqual(['person.nationality']);
  });
  it('adds the engine schema issues the form does not check itself', () => {
    const c = { ...good(), unexpected: 1 } as unknown as CaseFile;
    expect(findIssues(c).length).toBeGreaterThan(0);
  });
});

describe('opening a file', () => {
  it('reports JSON syntax errors', () => {
    const result = parseCaseJson('{ "format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('(file)');
  });
  it('lists every bad field of a parseable file', () => {
    const bad = { ...good(), date: '1990-01-01', person: { declaredAge: -3, nationality: 'QQ' } };
    const result = parseCaseJson(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['date', 'person.declaredAge', 'person.nationality']));
  });
  it('accepts a good file', () => {
    expect(parseCaseJson(JSON.stringify(good())).ok).toBe(true);
  });
});
