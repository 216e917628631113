import { afterEach, describe, expect, it } from 'vitest';
import { describeSource, describeSourceParts, sourceId } from '../../src/i18n/citations';
import { language } from '../../src/i18n/language.svelte';
import { SEED_2010, SEED_2018 } from '../../machines/rules/law';

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
const inEvery = (source: string) =>
  Object.fromEntries(LOCALES.map((locale) => (language.set(locale), [locale, describeSource(source)])));

describe('describeSource: citations in people’s words', () => {
  afterEach(() => language.set('en'));

  it('names the 2018 report with its line, and the project reference with its stage, in each language', () => {
    expect(inEvery(`${SEED_2018}:97; reference.md, Stage 8`)).toEqual({
      en: 'ECPAT Belgium report 2018, line 97; Project reference, Stage 8',
      fr: 'Rapport d’ECPAT Belgique 2018, ligne 97; Référence du projet, étape 8',
      nl: 'Rapport van ECPAT België 2018, regel 97; Projectreferentie, fase 8',
      de: 'Bericht von ECPAT Belgien 2018, Zeile 97; Projektreferenz, Phase 8',
    });
  });

  it('names the 2010 submission with a range of lines, and joins stages in the language', () => {
    expect(inEvery(`${SEED_2010}:52-55; reference.md, Stage 1 and Stage 4`)).toEqual({
      en: 'ECPAT International submission 2010, lines 52–55; Project reference, Stage 1 and Stage 4',
      fr: 'Contribution d’ECPAT International 2010, lignes 52–55; Référence du projet, étape 1 et étape 4',
      nl: 'Bijdrage van ECPAT International 2010, regels 52–55; Projectreferentie, fase 1 en fase 4',
      de: 'Eingabe von ECPAT International 2010, Zeilen 52–55; Projektreferenz, Phase 1 und Phase 4',
    });
  });

  it('names a seed cited without a line, or as "seed 000", by its title alone', () => {
    expect(describeSource(`${SEED_2010}; ${SEED_2018}; reference.md, Stages 0–12`)).toBe(
      'ECPAT International submission 2010; ECPAT Belgium report 2018; Project reference, Stages 0–12',
    );
    expect(describeSource('reference §(1) Stages 0, 3, 5–9; seed 000 (Nigerian girls)')).toBe(
      'Project reference §(1) Stages 0, 3, 5–9; ECPAT International submission 2010 (Nigerian girls)',
    );
  });

  it('names a code path by the rules it holds', () => {
    expect(inEvery('machines/rules/eea.ts (accession treaties)')).toEqual({
      en: 'EU and EEA accession treaties (membership dates)',
      fr: 'Traités d’adhésion à l’UE et à l’EEE (dates d’adhésion)',
      nl: 'Toetredingsverdragen van de EU en de EER (data van lidmaatschap)',
      de: 'Beitrittsverträge zu EU und EWR (Mitgliedschaftsdaten)',
    });
  });

  it('keeps notes and abbreviations as written, and the raw citation as the source id', () => {
    expect(describeSource(`${SEED_2018}:95, 101; reference.md, Stage 5 (ORIENT-SLIDES; MYRIA)`)).toBe(
      'ECPAT Belgium report 2018, lines 95, 101; Project reference, Stage 5 (ORIENT-SLIDES; MYRIA)',
    );
    expect(describeSource('GRETA-2017 on safe accommodation')).toBe('GRETA-2017 on safe accommodation');
    language.set('fr');
    expect(sourceId(`${SEED_2018}:97`)).toBe(`Identifiant de la source\u202f: ${SEED_2018}:97`);
  });

  it('marks the parts kept as written (English notes), apart from the names it gives', () => {
    language.set('de');
    const parts = describeSourceParts(`${SEED_2018}:91; reference.md, Stage 3 (VR-AGE; DQ-AGE; MEX-ID)`);
    expect(parts.filter((p) => !p.asWritten).map((p) => p.text)).toEqual(['Bericht von ECPAT Belgien 2018, Zeile 91', 'Projektreferenz', 'Phase']);
    expect(parts.filter((p) => p.asWritten).map((p) => p.text)).toEqual(['; ', ', ', ' 3 (VR-AGE; DQ-AGE; MEX-ID)']);
  });
});
