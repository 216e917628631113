// Country names in a language, from the browser's own data (Intl.DisplayNames): no list of names to keep, but for
// a few common names the browser does not give (ALIASES).
import { locales } from '../../i18n/paraglide/runtime.js';

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

/** A name as compared: case, accents, apostrophes, hyphens and dots aside ("Cote d'Ivoire" is "Côte d’Ivoire"). */
const comparable = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[\s.\-‐‑–—]+/g, ' ')
    .trim();

/** Common English and French names the browser's lists lack (CLDR keeps one name per language). */
const ALIASES: Record<string, string> = {
  'ivory coast': 'CI',
  'dr congo': 'CD',
  drc: 'CD',
  'democratic republic of the congo': 'CD',
  'democratic republic of congo': 'CD',
  'rd congo': 'CD',
  rdc: 'CD',
  'republique democratique du congo': 'CD',
  'republic of the congo': 'CG',
  'republique du congo': 'CG',
  swaziland: 'SZ',
  'czech republic': 'CZ',
  'republique tcheque': 'CZ',
  macedonia: 'MK',
  macedoine: 'MK',
  turkey: 'TR',
  palestine: 'PS',
  'east timor': 'TL',
  'cabo verde': 'CV',
  'the gambia': 'GM',
  uk: 'GB',
  'great britain': 'GB',
  usa: 'US',
  'united states of america': 'US',
  vatican: 'VA',
};

/**
 * Every name a code is known by in the app's languages: each list's name, and a name's parts in brackets
 * ("Myanmar (Burma)": also "Myanmar" and "Burma"), then ALIASES. A name two countries have (in two languages)
 * counts for neither.
 */
const indexes = new Map<string, Map<string, string | null>>();
function otherNames(countries: Country[]): Map<string, string | null> {
  const codes = countries.map((c) => c.code);
  const key = codes.join(',');
  let index = indexes.get(key);
  if (index) return index;
  index = new Map<string, string | null>();
  const put = (name: string, code: string) => {
    const k = comparable(name);
    if (!k) return;
    const had = index!.get(k);
    index!.set(k, had === undefined || had === code ? code : null);
  };
  for (const locale of locales)
    for (const { code, name } of getCountries(locale, codes)) {
      put(name, code);
      const bracket = /^(.*)\((.*)\)\s*$/.exec(name);
      if (bracket) {
        put(bracket[1], code);
        put(bracket[2], code);
      }
    }
  for (const [name, code] of Object.entries(ALIASES)) if (codes.includes(code)) put(name, code);
  indexes.set(key, index);
  return index;
}

/**
 * The code of the country a text names (case and accents aside), or null. While typing, only a name of the UI
 * language's list counts; once the user is done (`done`), also another of its names (another app language's,
 * "Ivory Coast", "Burma") or its two-letter code. So "Uk" on the way to "Ukraine" is not the United Kingdom,
 * "Gu" on the way to "Guinea" not Guam; and nothing is guessed: a name is a country's or is reported.
 */
export function resolveCountry(text: string, countries: Country[], done = false): string | null {
  const t = comparable(text);
  if (!t) return null;
  const byName = countries.find((c) => comparable(c.name) === t);
  if (byName) return byName.code;
  if (!done) return null;
  const other = otherNames(countries).get(t);
  if (other) return other;
  const byCode = t.length === 2 ? countries.find((c) => c.code === t.toUpperCase()) : undefined;
  return byCode?.code ?? null;
}
