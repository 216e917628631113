// @vitest-environment jsdom
// Each act is decided under the rules of its own day: the cohort's date is the day the children are detected, and
// the cohort panel says so in the step view's words, not "rules as of".
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ConfigRow from '../../src/components/cohort/ConfigRow.svelte';
import { configLabel } from '../../src/components/cohort/format';
import { language } from '../../src/i18n/language.svelte';

afterEach(() => {
  cleanup();
  language.set('en');
});

const config = { asOf: '2016-03-01', practice: 'asWritten' as const, reforms: [] };
const noop = () => {};

describe('cohort detection date wording', () => {
  it('labels the date field "Detected on", like the step view', () => {
    const { getByLabelText } = render(ConfigRow, { props: { config, index: 0, removable: false, onupdate: noop, ontogglereform: noop, onremove: noop } });
    expect((getByLabelText('Detected on', { exact: false }) as HTMLInputElement).value).toBe('2016-03-01');
  });

  it('names each configuration by its detection date, written the way each of the four languages writes dates', () => {
    const expected = { en: 'detected on 1 March 2016', fr: 'détectés le 1 mars 2016', nl: 'gedetecteerd op 1 maart 2016', de: 'erkannt am 1. März 2016' };
    for (const [locale, words] of Object.entries(expected) as [keyof typeof expected, string][]) {
      language.set(locale);
      const text = configLabel(config);
      expect(text.startsWith(words), `${locale}: ${text}`).toBe(true);
    }
  });
});
