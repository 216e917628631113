import { afterEach, describe, it, expect } from 'vitest';
import { fieldLabel, issueLine, namedField } from '../../src/components/builder/fieldLabels';
import { fromShareHash, toShareHash } from '../../src/share/link';
import { language } from '../../src/i18n/language.svelte';
import { parseCaseJson, findIssues } from '../../src/view-model/engine';
import { SCENARIOS } from '../../src/scenarios';
import { setCaseField } from '../../machines/case/casePath';
import type { CaseFile } from '../../machines/case/types';
import { readFileSync } from 'node:fs';

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
const catalogue = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;

describe('messages name fields as the builder labels them', () => {
  afterEach(() => language.set('en'));

  it('a refused file names each field by its label, the path in brackets', () => {
    const file = structuredClone(SCENARIOS[0].case) as Record<string, unknown>;
    (file.detection as Record<string, unknown>).place = 'airport';
    (file.age as Record<string, unknown>).assessment = { exams: [{ exam: 'wrist', low: 19, high: 17 }] };
    for (const locale of LOCALES) {
      language.set(locale);
      const parsed = parseCaseJson(JSON.stringify(file));
      if (parsed.ok) throw new Error('accepted');
      const named = parsed.issues.map((i) => namedField(i.path));
      const words = catalogue(locale);
      expect(named).toContain(`${words.builder_place} [detection.place]`);
      // the catalogue joins the label and its part (French puts a narrow no-break space before the colon)
      const part = words.label_value.replace('{label}', words.builder_assessment_exams).replace('{value}', words.builder_high);
      expect(named).toContain(`${part} [age.assessment.exams[0].high]`);
    }
  });
  it('a broken share link is said without the raw "(link)" placeholder; a bad field in it is named by its label', () => {
    const broken = fromShareHash('#share=not-lz-data');
    if (broken.ok) throw new Error('accepted');
    expect(broken.issues.map(issueLine)).toEqual(["The link's data is damaged or incomplete."]);
    const bad = fromShareHash(toShareHash({ case: setCaseField(structuredClone(SCENARIOS[0].case), 'cooperation.statementDay', -7), step: 0 }));
    if (bad.ok) throw new Error('accepted');
    expect(bad.issues.map(issueLine)).toEqual(['Statement or complaint on day [cooperation.statementDay]: This day is before detection (day 0).']);
  });
  it('every field the schema can refuse in a built-in scenario has a label', () => {
    const c = structuredClone(SCENARIOS[0].case) as CaseFile;
    const broken = [
      ['date', 'x'], ['horizonDays', 0], ['person.declaredAge', -1], ['person.nationality', 'Narnia'], ['cooperation.statementDay', -1],
      ['prosecution.day', -1], ['disappearsDay', -1], ['age.assessment', { low: 3, high: 1 }], ['tiesCut', { contactResumedDay: -1 }],
    ] as const;
    for (const [path, value] of broken)
      for (const issue of findIssues(setCaseField(c, path, value))) expect(fieldLabel(issue.path), issue.path).toBeTruthy();
  });
  it('an unknown country speaks of choosing a country, in all four languages', () => {
    const narnia = setCaseField(structuredClone(SCENARIOS[0].case), 'person.nationality', 'Narnia');
    const words = { en: /country.*pick one from the list/, fr: /Pays inconnu.*liste/, nl: /Onbekend land.*lijst/, de: /Unbekanntes Land.*Liste/ };
    for (const locale of LOCALES) {
      language.set(locale);
      const [issue] = findIssues(narnia);
      expect(issue.path).toBe('person.nationality');
      expect(issue.message).toMatch(words[locale]);
      expect(issue.message).toContain('Narnia');
    }
  });
});
