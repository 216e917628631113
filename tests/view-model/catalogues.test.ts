// Every UI string exists in all four languages with the same parameters (a missing key or placeholder would
// show an English fallback or a literal "{day}" to a Dutch-speaking trainer).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

const load = (locale: string) => JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
/** The texts of a message: itself, or every variant of a plural message (inlang's `match` form). */
const texts = (message: unknown): string[] =>
  typeof message === 'string'
    ? [message]
    : Array.isArray(message)
      ? message.flatMap(texts)
      : message && typeof message === 'object'
        ? Object.values((message as { match?: Record<string, unknown> }).match ?? {}).flatMap(texts)
        : [];
const params = (message: unknown) => [...new Set(texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
const en = load('en');

describe('message catalogues', () => {
  for (const locale of ['fr', 'nl', 'de']) {
    it(`${locale} has every key of en, with the same parameters`, () => {
      const other = load(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(texts(other[key]).length, key).toBeGreaterThan(0);
        expect(params(other[key]), key).toEqual(params(en[key]));
      }
    });
  }
});

describe('French typography', () => {
  // A label that ends with a colon is followed by its value: with a plain space the line can break before the
  // colon, leaving it alone at the start of the next line.
  it('a French string ending with a colon has a (narrow) no-break space before it', () => {
    const fr = load('fr');
    const bad = Object.entries(fr).flatMap(([key, message]) => texts(message).filter((t) => /:\s*$/.test(t) && !/[\u202F\u00A0]:\s*$/.test(t)).map(() => key));
    expect(bad).toEqual([]);
  });
});
