// Every legal basis the machine can show reads in French, Dutch and German (a French-speaking trainer reads the
// law in French), with its article numbers as the English gives them; a text the catalogue does not know stays
// in English, marked so, and English keeps the machine's text as is. A text added to the machine without its
// translation in messages/{en,fr,nl,de}.json fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { citationTexts, distinct, markerTexts, scenarioTexts, type BasisText } from './basisTexts';
import { legalBasis } from '../../src/view-model/legalBasis';
import { CITATIONS } from '../../machines/procedure/citations';

const LOCALES = ['fr', 'nl', 'de'] as const;
const untranslated = (texts: BasisText[], locale: (typeof LOCALES)[number]) =>
  texts
    .filter((t) => legalBasis(t.text, locale).parts.some((p) => p.asWritten))
    .map((t) => `${t.from}: ${legalBasis(t.text, locale).parts.filter((p) => p.asWritten).map((p) => p.text).join(' … ')}`);

const citations = distinct(citationTexts());
const scenarios = distinct(scenarioTexts());
const markers = distinct(markerTexts());

describe('every basis the machine writes has a French, Dutch and German rendering', () => {
  it('reads enough of the machine for the test to mean something', () => {
    // each citation at least once, the dated ones under several rules
    expect(citations.length).toBeGreaterThan(Object.keys(CITATIONS).length + 20);
    for (const id of Object.keys(CITATIONS)) expect(citations.some((t) => t.from.includes(`of ${id} on `)), id).toBe(true);
    expect(scenarios.length).toBeGreaterThan(30);
    expect(markers.length).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    it(`${locale}: the citations under every rules in force of the timeline, both practices, the reforms`, () => {
      expect(untranslated(citations, locale)).toEqual([]);
    });
    it(`${locale}: the milestones of the shipped scenarios, moved in time, under both practices`, () => {
      expect(untranslated(scenarios, locale)).toEqual([]);
    });
    it(`${locale}: the bases listed beside a period's dated changes`, () => {
      expect(untranslated(markers, locale)).toEqual([]);
    });
  }

  it('keeps every article, date and figure of the English', () => {
    // "61/2", "433quinquies", "91bis", "241.990", "2014"…: the reference a reader checks against the law
    const numbers = (text: string) => [...text.matchAll(/\d+(?:[/.]\d+)*(?:bis|ter|quater|quinquies)?/g)].map((m) => m[0]);
    const missing: string[] = [];
    for (const t of distinct([...citations, ...scenarios, ...markers]))
      for (const locale of LOCALES) {
        const shown = legalBasis(t.text, locale).text;
        for (const n of numbers(t.text))
          if (!new RegExp(`(?<![\\d/.])${n.replace(/[.]/g, '\\.')}(?![\\d/]|\\.\\d)`).test(shown)) missing.push(`${locale} ${n} in ${t.from}`);
      }
    expect(missing).toEqual([]);
  });

  it('French: a narrow no-break space before each colon and semicolon', () => {
    const bad = citations.concat(markers).map((t) => legalBasis(t.text, 'fr').text).filter((text) => /[^\u202f][:;]/.test(text));
    expect(bad).toEqual([]);
  });
});

describe('legalBasis', () => {
  it('English is the machine’s text, untouched', () => {
    const english = citations[5].text;
    expect(legalBasis(english, 'en')).toMatchObject({ english, text: english, translated: false, parts: [{ text: english, asWritten: false }] });
  });

  it('translates a known text whole, with the law’s proper name', () => {
    const basis = legalBasis('Aliens Act arts 61/2–61/5', 'fr');
    expect(basis.translated).toBe(true);
    expect(basis.text).toBe('Art. 61/2 à 61/5 de la loi du 15 décembre 1980 sur l’accès au territoire, le séjour, l’établissement et l’éloignement des étrangers');
    expect(legalBasis('Aliens Act arts 61/2–61/5', 'nl').text).toContain('wet van 15 december 1980 betreffende de toegang tot het grondgebied, het verblijf, de vestiging en de verwijdering van vreemdelingen');
    expect(legalBasis('Aliens Act arts 61/2–61/5', 'de').text).toContain('Gesetzes vom 15. Dezember 1980 über die Einreise ins Staatsgebiet, den Aufenthalt, die Niederlassung und das Entfernen von Ausländern');
    expect(legalBasis(CITATIONS.guardian.basis, 'fr').text).toContain('titre XIII, chapitre VI «\u202fTutelle des mineurs étrangers non accompagnés\u202f» de la loi-programme du 24 décembre 2002');
  });

  it('reads a basis built from the rules by its parts: a template and its slots, fragments joined with "; "', () => {
    expect(legalBasis('Appeal to the Council of State within 75 days of notification', 'nl').text).toBe('Beroep bij de Raad van State binnen 75 dagen na de kennisgeving');
    const scope = legalBasis('Guardianship scope: Guardianship law adopted 24 Dec 2002 but not yet operational; EEA/Swiss children: Guardianship law applies only to non-EEA children', 'de');
    expect(scope.text).toBe('Geltungsbereich der Vormundschaft: Vormundschaftsgesetz am 24. Dezember 2002 verabschiedet, aber noch nicht in Kraft gesetzt; Kinder aus dem EWR und der Schweiz: Das Vormundschaftsgesetz gilt nur für Kinder außerhalb des EWR');
    expect(legalBasis('COL 4/2011; circular of 26 Sep 2008', 'fr').text).toBe('circulaire COL 4/2011\u202f; circulaire du 26 septembre 2008');
  });

  it('keeps a part it does not know in English, marked as written, and the rest in the language', () => {
    const basis = legalBasis('Aliens Act arts 61/2–61/5; a text the catalogue does not know yet', 'fr');
    expect(basis.translated).toBe(true);
    expect(basis.parts.map((p) => p.asWritten)).toEqual([false, true]);
    expect(basis.parts[1].text).toBe('a text the catalogue does not know yet');
    const unknown = legalBasis('Some new article of some new law', 'de');
    expect(unknown).toMatchObject({ translated: false, parts: [{ text: 'Some new article of some new law', asWritten: true }] });
    // a template whose slot is unknown keeps its frame in the language and the slot in English
    const slot = legalBasis('Triple test (teeth, wrist, collarbone X-rays); decision: a method not yet translated', 'nl');
    expect(slot.parts).toEqual([
      { text: 'Drievoudige test (röntgenfoto’s van tanden, pols en sleutelbeen); beslissing: ', asWritten: false },
      { text: 'a method not yet translated', asWritten: true },
    ]);
  });

  it('each English text is one message: no two translations compete for it', () => {
    const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8')) as Record<string, string>;
    const texts = Object.entries(en).filter(([key]) => key.startsWith('legal_')).map(([, text]) => text);
    expect(texts.length).toBeGreaterThan(100);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
