// Country names in a language, from the browser's own data (Intl.DisplayNames): no list of names to keep.
export interface Country {
  code: string;
  name: string;
}

const cache = new Map<string, Country[]>();
const displayNames = new Map<string, Intl.DisplayNames>();

/** One country's name in a language ("NG" → "Nigeria"), or the code where the browser has none. */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  return names.of(code) ?? code;
}

export function getCountries(locale: string, codes: string[]): Country[] {
  const key = `${locale}:${codes.length}`;
  let list = cache.get(key);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    list = codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(key, list);
  }
  return list;
}

/**
 * The code of the country a text names exactly (case and accents aside), or, with `codes`, that it is the code
 * of; else null. Codes only count once the user is done typing: "Gu" on the way to "Guinea" is not Guam.
 */
export function resolveCountry(text: string, countries: Country[], codes = false): string | null {
  const t = text.trim();
  if (!t) return null;
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
  const byName = countries.find((c) => same(c.name, t));
  if (byName) return byName.code;
  const byCode = codes && t.length === 2 ? countries.find((c) => c.code === t.toUpperCase()) : undefined;
  return byCode?.code ?? null;
}
