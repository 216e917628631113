import { afterEach, describe, it, expect } from 'vitest';
import { warnCase } from '../../src/view-model/caseWarnings';
import { findIssues } from '../../src/view-model/engine';
import { language } from '../../src/i18n/language.svelte';
import { SCENARIOS } from '../../src/scenarios';
import { setCaseField } from '../../machines/case/casePath';
import { stepCase } from '../../machines/case/run';
import type { CaseFile } from '../../machines/case/types';

// A 16-year-old detected in 2016 whose age is not doubted, statement on day 20, followed 1825 days.
const base = (): CaseFile => ({
  format: 'pathway-case/1',
  date: '2016-03-01',
  person: { declaredAge: 16, nationality: 'NG' },
  detection: { place: 'territory', region: 'brussels', exploitation: 'sexual', indicatorsRecognised: true },
  age: { doubted: false },
  cooperation: { statementDay: 20 },
});
const edit = (path: string, value: unknown, c = base()) => setCaseField(c, path, value);
const warned = (c: CaseFile) => warnCase(c).map((w) => w.path);

describe('implausible cases are warned about beside the field, never refused', () => {
  afterEach(() => language.set('en'));

  it('a plausible case gets no warning', () => {
    expect(warnCase(base())).toEqual([]);
  });
  it('declared 18 or over without a doubt: taken as an adult, and the run says so too', () => {
    const adult = edit('person.declaredAge', 25);
    expect(warnCase(adult)).toEqual([{ path: 'person.declaredAge', message: expect.stringMatching(/taken as an adult.*adult track/) }]);
    expect(findIssues(adult)).toEqual([]);
    // The warning is true of the run: the person goes to adult accommodation, not to a guardian.
    const states = stepCase(adult).steps.flatMap((s) => s.activeStateIds);
    expect(states.some((id) => id.endsWith('adultAccommodation'))).toBe(true);
    expect(warned(edit('person.declaredAge', 18))).toEqual(['person.declaredAge']);
    expect(warned(edit('person.declaredAge', 17))).toEqual([]);
  });
  it('a declared adult whose age is doubted: the note says the assessment decides, and the run does as it says', () => {
    const doubted = edit('age.doubted', true, edit('person.declaredAge', 40));
    expect(warnCase(doubted)).toEqual([{ path: 'person.declaredAge', message: expect.stringMatching(/40 years.*age is doubted.*Guardianship Service.*Found a minor.*found an adult/) }]);
    const reached = (c: CaseFile) => stepCase(c).trace.milestones.map((m) => m.id);
    // Assessed 16.5–18.5 the person is found a minor; with no result the declared age stands.
    expect(reached(edit('age.assessment', { low: 16.5, high: 18.5 }, doubted))).toEqual(expect.arrayContaining(['reportedToGuardianshipService', 'identifiedAsMinor']));
    expect(reached(doubted)).toEqual(expect.arrayContaining(['reportedToGuardianshipService', 'identifiedAsAdult', 'adultTrack']));
    // A birth date making an adult is noted on the birth date.
    const born = edit('person.declaredBirthDate', '1980-01-01', edit('person.declaredAge', undefined, doubted));
    expect(warnCase(born)).toEqual([{ path: 'person.declaredBirthDate', message: expect.stringContaining('Declared 36 years, an adult, but the age is doubted') }]);
    // Said in whole years: born 1 May 1980, the person is 35 on 1 March 2016, not "35.83".
    expect(warnCase(edit('person.declaredBirthDate', '1980-05-01', born))[0].message).toMatch(/^Declared 35 years/);
    expect(warnCase(edit('age.doubted', false, edit('person.declaredBirthDate', '1980-05-01', born)))[0].message).toMatch(/^Declared 35 years and/);
  });
  it('a birth date making the person 18 on the detection day warns on the birth date', () => {
    const c = edit('person.declaredBirthDate', '1998-03-01', edit('person.declaredAge', undefined));
    expect(warned(c)).toEqual(['person.declaredBirthDate']);
    expect(warned(edit('person.declaredBirthDate', '1998-03-02', c))).toEqual([]);
    expect(warned(edit('person.declaredBirthDate', '1990-01-01', c))).toEqual(['person.declaredBirthDate']);
  });
  it('the EEA vulnerability ticked for a child outside the EEA is said to change nothing, and it does not', () => {
    const ticked = edit('detection.vulnerable', true);
    expect(warnCase(ticked)).toEqual([{ path: 'detection.vulnerable', message: expect.stringContaining('EEA children only') }]);
    expect(stepCase(ticked).trace).toEqual(stepCase(base()).trace);
    // Romania is in the EEA from 2007: no warning then, and not before the date is known.
    expect(warned(edit('person.nationality', 'RO', ticked))).toEqual([]);
    expect(warned(edit('date', '2006-06-01', edit('person.nationality', 'RO', ticked)))).toEqual(['detection.vulnerable']);
  });
  it('a declared age under 10 asks to confirm', () => {
    expect(warnCase(edit('person.declaredAge', 0))).toEqual([{ path: 'person.declaredAge', message: expect.stringContaining('please confirm') }]);
    expect(warned(edit('person.declaredAge', 9))).toEqual(['person.declaredAge']);
    expect(warned(edit('person.declaredAge', 10))).toEqual([]);
  });
  it('a judgment before the statement warns on the judgment day', () => {
    const c = edit('prosecution', { outcome: 'conviction', day: 3 });
    expect(warnCase(c)).toEqual([{ path: 'prosecution.day', message: expect.stringMatching(/day 3.*day 20/) }]);
    expect(warned(edit('prosecution.day', 20, c))).toEqual([]);
    expect(warned(edit('cooperation.statementDay', null, c))).toEqual([]);
  });
  it('an event after the horizon will not be simulated: the day, the horizon and its field are named', () => {
    const late = edit('cooperation.statementDay', 5000);
    expect(warnCase(late)).toEqual([{ path: 'cooperation.statementDay', message: expect.stringMatching(/Day 5000.*day 1825.*not be simulated.*Follow the case for/) }]);
    expect(findIssues(late)).toEqual([]);
    expect(warned(edit('horizonDays', 6000, late))).toEqual([]);
    expect(warned(edit('disappearsDay', 101, edit('horizonDays', 100)))).toEqual(['disappearsDay']);
    expect(warned(edit('disappearsDay', 100, edit('horizonDays', 100)))).toEqual([]);
  });
  it('a birth date after detection is an error, not a warning', () => {
    const c = edit('person.declaredBirthDate', '2017-01-01', edit('person.declaredAge', undefined));
    expect(findIssues(c).map((i) => i.path)).toEqual(['person.declaredBirthDate']);
    expect(warnCase(c)).toEqual([]);
  });
  it('speaks the UI language', () => {
    language.set('fr');
    expect(warnCase(edit('person.declaredAge', 25))[0].message).toContain('majeure');
    language.set('nl');
    expect(warnCase(edit('person.declaredAge', 3))[0].message).toContain('bevestig');
    language.set('de');
    expect(warnCase(edit('cooperation.statementDay', 5000))[0].message).toContain('nicht simuliert');
    const doubtedAdult = edit('age.doubted', true, edit('person.declaredAge', 40));
    const service = { en: 'Guardianship Service', fr: 'Service des Tutelles', nl: 'Dienst Voogdij', de: 'Vormundschaftsdienst' } as const;
    for (const [locale, name] of Object.entries(service)) {
      language.set(locale as keyof typeof service);
      expect(warnCase(doubtedAdult)[0].message).toContain(name);
    }
  });
  it('never throws on a draft', () => {
    for (const draft of [{}, { person: null }, { person: { declaredAge: 'x' } }, { date: 5, cooperation: [] }, { horizonDays: -1, disappearsDay: 99999 }])
      expect(() => warnCase(draft as unknown as CaseFile)).not.toThrow();
  });
  it('no built-in scenario is implausible', () => {
    expect(SCENARIOS.flatMap((s) => warnCase(s.case).map((w) => `${s.id} ${w.path}`))).toEqual([]);
  });
});
