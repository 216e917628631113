// Cohort figures are read aloud and projected in the UI's language, not the browser's.
import { afterEach, describe, expect, it } from 'vitest';
import { count, deltaPoints, percent } from '../../src/components/cohort/format';
import { language } from '../../src/i18n/language.svelte';
import { m } from '../../src/i18n/messages';

afterEach(() => language.set('en'));

describe('cohort number formats', () => {
  it('groups thousands and writes percentages the English way in English', () => {
    language.set('en');
    expect(count(100000)).toBe('100,000');
    expect(percent(1, 3)).toBe('33.3%');
  });

  it('switches separators with the UI language', () => {
    language.set('fr');
    expect(count(100000).replace(/\s/g, ' ')).toBe('100 000');
    expect(percent(1, 3).replace(/\s/g, ' ')).toBe('33,3 %');
    language.set('de');
    expect(count(100000)).toBe('100.000');
    expect(percent(1, 3).replace(/\s/g, ' ')).toBe('33,3 %');
    language.set('nl');
    expect(count(100000)).toBe('100.000');
  });

  it('shows a dash, not NaN, for a share of an empty cohort', () => {
    expect(percent(0, 0)).toBe('–');
  });

  it('writes a difference in points with one sign, the arrow, the language’s decimal sign, and says it in words', () => {
    language.set('en');
    expect(deltaPoints(30, 10, 100, 100)).toMatchObject({ text: '▲ 20.0 pt', spoken: '20.0 percentage points more than A' });
    expect(deltaPoints(88, 100, 1000, 1000)).toMatchObject({ text: '▼ 1.2 pt', spoken: '1.2 percentage points fewer than A' });
    language.set('fr');
    expect(deltaPoints(105, 300, 1000, 1000)).toMatchObject({ text: '▼ 19,5 pt', spoken: '19,5 points de moins que A' });
    // French puts a quantity under 2 in the singular
    expect(deltaPoints(112, 100, 1000, 1000).spoken).toBe('1,2 point de plus que A');
    language.set('nl');
    expect(deltaPoints(88, 100, 1000, 1000)).toMatchObject({ text: '▼ 1,2 pt', spoken: '1,2 procentpunt minder dan A' });
    language.set('de');
    expect(deltaPoints(104, 100, 1000, 1000)).toMatchObject({ text: '▲ 0,4 pt', spoken: '0,4 Prozentpunkte mehr als A' });
    for (const locale of ['en', 'fr', 'nl', 'de'] as const) {
      language.set(locale);
      for (const d of [deltaPoints(105, 300, 1000, 1000), deltaPoints(300, 105, 1000, 1000)]) {
        expect(d.text, locale).not.toMatch(/[-−+]/);
        expect(d.spoken, locale).not.toMatch(/[-−+▲▼]/);
      }
    }
  });

  it('says "0.0 pt" ("same as A"), with no sign, for a difference that rounds to zero, never "▼ 0.0 pt"', () => {
    language.set('en');
    expect(deltaPoints(500, 500, 1000, 1000)).toMatchObject({ text: '0.0 pt', spoken: 'same as A', changed: false });
    // -0.03 points: rounds to zero
    expect(deltaPoints(4997, 5000, 10000, 10000).text).toBe('0.0 pt');
    expect(deltaPoints(4990, 5000, 10000, 10000).text).toBe('▼ 0.1 pt');
    const same = { fr: 'autant que A', nl: 'gelijk aan A', de: 'kein Unterschied zu A' } as const;
    for (const [locale, words] of Object.entries(same)) {
      language.set(locale as keyof typeof same);
      expect(deltaPoints(500, 500, 1000, 1000)).toMatchObject({ text: '0,0 pt', spoken: words });
    }
  });

  it('writes one child in the singular in all four languages, and more in the plural', () => {
    const singular = { en: '1 child,', fr: '1 enfant,', nl: '1 kind,', de: '1 Kind,' } as const;
    for (const [locale, text] of Object.entries(singular)) {
      language.set(locale as keyof typeof singular);
      const args = { milestone: 'x', letter: 'A', config: 'c', share: '1%' };
      expect(m.funnel_bar_label({ ...args, amount: 1, n: count(1) })).toContain(text);
      expect(m.funnel_bar_label({ ...args, amount: 2, n: count(2) })).not.toContain(text.replace(/^1/, '2'));
      expect(m.dfg_edge_label({ edge: 'e', amount: 1, count: count(1), share: '1%' })).toContain(text.slice(0, -1) + ' (');
    }
  });
});
