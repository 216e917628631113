import { afterEach, describe, it, expect } from 'vitest';
import { checkCase, localiseIssue } from '../../src/view-model/caseChecks';
import { readSession } from '../../src/share/storage';
import { language } from '../../src/i18n/language.svelte';
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
  it('names an unknown country whole as typed, shortened with an ellipsis only when far too long', () => {
    const say = (typed: string) => checkCase(setCaseField(good(), 'person.nationality', typed)).find((i) => i.path === 'person.nationality')!.message;
    expect(say('Republic of Narnia')).toContain('"Republic of Narnia"');
    const long = say('x'.repeat(5000));
    expect(long).toContain(`"${'x'.repeat(59)}…"`);
    expect(long.length).toBeLessThan(200);
  });
  it("refuses a statement (or any event) before detection or more than 30 years after it", () => {
    expect(pathsOf(setCaseField(good(), 'cooperation.statementDay', -1))).toEqual(['cooperation.statementDay']);
    expect(pathsOf(setCaseField(good(), 'disappearsDay', 99999))).toEqual(['disappearsDay']);
  });
  it('a birth date after detection is refused', () => {
    const c = setCaseField(setCaseField(good(), 'person.declaredAge', undefined), 'person.declaredBirthDate', '2017-01-01');
    expect(pathsOf(c)).toEqual(['person.declaredBirthDate']);
  });
  it('the blank case is blank: it asks for the date, the declared age, the nationality and the kind of exploitation', () => {
    const issues = findIssues(BLANK_CASE);
    expect([...new Set(issues.map((i) => i.path))].sort()).toEqual(['date', 'detection.exploitation', 'person.declaredAge', 'person.nationality']);
    // Empty fields are called missing, not wrong.
    const say = (path: string) => issues.find((i) => i.path === path)!.message;
    expect(say('date')).toBe('Missing: give the date.');
    expect(say('person.nationality')).toBe('Missing: type or choose the country.');
    expect(say('detection.exploitation')).toBe('Missing: choose one.');
  });
  it('names a declared age given together with a birth date in words, not field names', () => {
    const c = setCaseField(good(), 'person.declaredBirthDate', '2000-01-01');
    expect(findIssues(c)).toContainEqual({ path: 'person.declaredBirthDate', message: 'Give the declared age or the declared birth date, not both.' });
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

describe('problems no field check sees are worded in the user’s language', () => {
  const english = /unknown field|newer version|not valid JSON|missing field/i;
  afterEach(() => language.set('en'));
  const cases = {
    fr: { unknown: 'Champ inconnu', newer: 'version plus récente', json: 'JSON invalide', missing: 'Manquant' },
    nl: { unknown: 'Onbekend veld', newer: 'nieuwere versie', json: 'Geen geldige JSON', missing: 'Ontbreekt' },
    de: { unknown: 'Unbekanntes Feld', newer: 'neueren Version', json: 'Kein gültiges JSON', missing: 'Fehlt' },
  } as const;
  for (const [locale, words] of Object.entries(cases) as [keyof typeof cases, (typeof cases)[keyof typeof cases]][]) {
    it(`in ${locale}: an unknown field, a missing one, a case file or saved session of a newer version, broken JSON`, () => {
      language.set(locale);
      const unknown = findIssues({ ...good(), person: { ...good().person, eyes: 'blue' } } as unknown as CaseFile);
      expect(unknown).toEqual([{ path: 'person.eyes', message: expect.stringContaining(words.unknown) }]);
      const { detection: _dropped, ...noDetection } = good();
      const missing = parseCaseJson(JSON.stringify(noDetection));
      expect(!missing.ok && missing.issues).toEqual([{ path: 'detection', message: expect.stringContaining(words.missing) }]);
      const newer = parseCaseJson(JSON.stringify({ ...good(), format: 'pathway-case/7' }));
      expect(!newer.ok && newer.issues[0].message).toContain(words.newer);
      const json = parseCaseJson('{ "format": ');
      expect(!json.ok && json.issues[0].message).toMatch(new RegExp(`^${words.json}\\D+1\\D+13\\b`));
      const session = readSession(JSON.stringify({ version: 99, case: good(), step: 0 }));
      expect(!session.ok && session.issues.map(localiseIssue)).toEqual([expect.stringContaining(words.newer)]);
      for (const message of [unknown[0].message, newer.ok ? '' : newer.issues[0].message, json.ok ? '' : json.issues[0].message]) expect(message).not.toMatch(english);
    });
  }
});

describe('an uploaded file with a wrong kind of value is told so in the user’s language', () => {
  afterEach(() => language.set('en'));
  it('in German: a value outside its choices (listing them), a yes/no given as text, a number where an object belongs', () => {
    language.set('de');
    const bad = { ...good(), detection: { ...good().detection, place: 'moon', indicatorsRecognised: 'yes' }, cooperation: 20 };
    const result = parseCaseJson(JSON.stringify(bad));
    expect(!result.ok && result.issues).toEqual([
      { path: 'detection.place', message: 'Erwartet wird einer dieser Werte: "territory", "border".' },
      { path: 'detection.indicatorsRecognised', message: 'true oder false erwartet.' },
      { path: 'cooperation', message: 'Objekt erwartet.' },
    ]);
  });
});

