// Cohort figures are read aloud and projected in the UI's language, not the browser's.
import { afterEach, describe, expect, it } from 'vitest';
import { count, deltaPoints, percent } from '../../src/components/cohort/format';
import { language } from '../../src/i18n/language.svelte';

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

  it('writes a difference in points with the language’s decimal sign and an explicit sign', () => {
    language.set('en');
    expect(deltaPoints(30, 10, 100, 100).text).toBe('▲+20.0 pt');
    language.set('fr');
    expect(deltaPoints(105, 300, 1000, 1000).text).toBe('▼-19,5 pt');
  });
});
