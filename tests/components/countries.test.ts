// A nationality typed by name: the names a Belgian frontline worker uses are taken (in any of the app's
// languages, and common English and French names the browser's list lacks), and nothing else is guessed.
import { describe, expect, it } from 'vitest';
import { getCountries, resolveCountry } from '../../src/components/builder/countries';
import { ISO_COUNTRIES } from '../../machines/rules/countries';

const list = (locale: string) => getCountries(locale, [...ISO_COUNTRIES]);

describe('a nationality typed by name', () => {
  it('takes common English and French names once the user is done, whatever the UI language', () => {
    for (const locale of ['en', 'fr', 'nl', 'de'])
      for (const name of ['Ivory Coast', "Côte d'Ivoire", 'Cote d’Ivoire', 'côte-d’ivoire']) expect(resolveCountry(name, list(locale), true), `${locale}: ${name}`).toBe('CI');
    expect(resolveCountry('Burma', list('en'), true)).toBe('MM');
    expect(resolveCountry('Birmanie', list('nl'), true)).toBe('MM');
    expect(resolveCountry('RDC', list('fr'), true)).toBe('CD');
    expect(resolveCountry('Turkey', list('de'), true)).toBe('TR');
    // Another app language's name: a Dutch name in the French UI.
    expect(resolveCountry('Ivoorkust', list('fr'), true)).toBe('CI');
  });
  it("while typing, only the UI language's names count: 'Uk' on the way to 'Ukraine' is not the United Kingdom", () => {
    expect(resolveCountry('Uk', list('en'))).toBeNull();
    expect(resolveCountry('Uk', list('en'), true)).toBe('GB');
    expect(resolveCountry('Ukraine', list('en'))).toBe('UA');
    expect(resolveCountry("cote d'ivoire", list('en'))).toBe('CI');
  });
  it('guesses nothing: a cut or made-up name is no country', () => {
    expect(resolveCountry('Ivory Coas', list('en'), true)).toBeNull();
    expect(resolveCountry('Narnia', list('en'), true)).toBeNull();
    expect(resolveCountry('Gu', list('en'))).toBeNull();
  });
});
