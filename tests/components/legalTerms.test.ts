// One legal term, one name per language: a trainee who reads "certificat d'inscription" (the A card in Belgian
// French) for the AI, or two German names for one document, learns the wrong procedure. Each concept's keys use the
// chosen name, and the variants a reviewer found never come back anywhere in the catalogue.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
type Locale = (typeof LOCALES)[number];
const load = (locale: Locale) => JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
/** Every text of a message, plural variants included. */
const texts = (message: unknown): string[] =>
  typeof message === 'string'
    ? [message]
    : message && typeof message === 'object'
      ? Object.values(message as Record<string, unknown>).flatMap(texts)
      : [];
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, load(l)])) as Record<Locale, Record<string, unknown>>;

/** Keys that name the concept, and the one name each language gives it (matched case-insensitively). */
const CONCEPTS: { keys: string[]; name: Record<Locale, RegExp> }[] = [
  {
    // the AI (attestation d'immatriculation), in both procedures that issue it
    keys: ['milestone_registrationCertificate', 'glossary_ai', 'deadline_registration', 'timer_registration_certificate', 'state_otherTracks_durableSolution_stay_certificate', 'plain_timer_durableSolutionCertificateValidity'],
    name: { en: /registration certificate/i, fr: /attestation d['’]immatriculation/i, nl: /attest van immatriculatie/i, de: /Immatrikulationsbescheinigung/i },
  },
  {
    keys: ['milestone_reflectionPeriod', 'deadline_reflection', 'term_reflection', 'timer_reflection', 'transition_when_reflection_ends', 'stagemap_stage_6'],
    name: { en: /reflection period/i, fr: /période de réflexion/i, nl: /bedenktijd/i, de: /Bedenkzeit/i },
  },
  {
    keys: ['term_triple_test', 'decision_age_result_q'],
    name: { en: /triple test/i, fr: /triple test/i, nl: /drievoudige test/i, de: /Dreifachtest/i },
  },
  {
    // the prosecutor's requisitions retain the qualification; only a judgment finds trafficking
    keys: ['attr_retains_yes', 'builder_requisitions', 'transition_on_requisitions_retaining', 'plain_guard_isTraffickingRetained', 'sens_param_requisitionsRetainTrafficking', 'glossary_b_card'],
    name: { en: /retain/i, fr: /reten|retien/i, nl: /weerh/i, de: /auf Menschenhandel lautend|lauten auf Menschenhandel|auf Menschenhandel lauten/i },
  },
];

/** Variant spellings that must not return. */
const FORBIDDEN: Record<Locale, RegExp[]> = {
  en: [/certificate of registration/i, /penal code/i],
  // "certificat" only in the A card's own name
  fr: [/certificat(?! d['’]inscription au registre des étrangers)/i, /réquisitoire/i],
  nl: [/reflectie/i],
  de: [/Eintragungsbescheinigung/i, /Registrierungsbescheinigung/i, /Dreifacher Test/i, /Menschenhandel (nicht )?festgestellt/i, /hält Menschenhandel/i, /Menschenhandel aufrecht/i, /Strafantrag/i],
};

describe('legal terms', () => {
  for (const locale of LOCALES)
    it(`${locale}: each concept has one name and no reviewed variant comes back`, () => {
      const catalogue = catalogues[locale];
      for (const { keys, name } of CONCEPTS)
        for (const key of keys) for (const text of texts(catalogue[key])) expect(text, `${locale} ${key}`).toMatch(name[locale]);
      const hits = Object.entries(catalogue).flatMap(([key, message]) =>
        texts(message).flatMap((text) => FORBIDDEN[locale].filter((re) => re.test(text)).map((re) => `${key}: ${re} in "${text}"`)),
      );
      expect(hits).toEqual([]);
    });

  it('the French catalogue keeps the AI and the A card apart', () => {
    expect(texts(catalogues.fr.glossary_ai).join()).toMatch(/^Attestation d’immatriculation/);
    expect(texts(catalogues.fr.glossary_a_card).join()).toMatch(/^Certificat d’inscription au registre des étrangers \(carte A\)/);
  });
});
