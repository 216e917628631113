// @vitest-environment jsdom
// The period view names each rule change on its time axis in the UI language, in words (what changed, on a date
// written as people read it), never by a rule id or the model's English title; its legal basis in the UI language
// too; what stays in English (notes of a source, a basis with no translation) carries lang="en".
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TimeSeriesPanel from '../../src/components/cohort/TimeSeriesPanel.svelte';
import { describeChange } from '../../src/components/cohort/ruleChanges';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulatePeriod } from '../../src/engine/period';
import { getPeriodMarkers } from '../../src/engine/periodDates';
import { language } from '../../src/i18n/language.svelte';
import { MODELLED_PERIOD } from '../../machines/case/validate';
import { RULES } from '../../machines/rules/rules';
import './noResizeObserver';


afterEach(() => {
  cleanup();
  language.set('en');
});

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
// every change the model can mark: the whole modelled period, both practices, every set's nationalities, a reform
const everyMarker = ASSUMPTION_SETS.flatMap((set) =>
  (['asWritten', 'asReported'] as const).flatMap((practice) =>
    getPeriodMarkers({ ...MODELLED_PERIOD, spread: 'uniform', practice, reforms: ['noCooperationCondition'], reformsFrom: '2020-01-01' }, set),
  ),
);

describe('rule changes in words', () => {
  it('names every change of the modelled period from the catalogue, translated in each language, without ids', () => {
    expect(everyMarker.length).toBeGreaterThan(15);
    const english = new Map(everyMarker.map((mk) => [mk, describeChange(mk).text]));
    for (const locale of LOCALES) {
      language.set(locale);
      for (const mk of everyMarker) {
        const words = describeChange(mk);
        const tag = `${locale} ${mk.kind} ${mk.id} ${mk.date}`;
        expect(words.asWritten, tag).toBeUndefined();
        expect(words.text, tag).not.toContain(mk.id.length > 2 ? mk.id : `${mk.id} `);
        if (locale !== 'en') expect(words.text, tag).not.toBe(english.get(mk));
      }
    }
    language.set('fr');
    expect(describeChange({ kind: 'eea', id: 'RO', date: '2007-01-01', edge: 'start', title: 'RO joins the EEA' }).text).toMatch(/^Roumanie /);
  });

  it('a change the catalogue does not know is shown with its English title, marked as English', () => {
    const words = describeChange({ kind: 'rule', id: 'someNewRule', date: '2029-01-01', edge: 'start', title: 'Some new rule' });
    expect(words.asWritten).toBe('Some new rule');
  });

  for (const locale of ['fr', 'nl', 'de'] as const)
    it(`in ${locale}: dates as people read them, no English outside lang="en", no rule title`, () => {
      language.set(locale);
      const result = simulatePeriod({
        set: DEFAULT_ASSUMPTION_SET,
        period: { from: '2003-01-01', to: '2008-12-31', spread: 'uniform', practice: 'asReported', reforms: [] },
        seed: 1,
        cohort: 200,
      });
      const { getByTestId, getAllByTestId } = render(TimeSeriesPanel, { props: { results: [result], fileStem: 'x', ondownload: () => {} } });
      const items = getAllByTestId('rule-change');
      expect(items.length).toBe(result.markers.length);
      const may = items.find((li) => li.querySelector('time')?.getAttribute('datetime') === '2004-05-01')!;
      expect(may.querySelector('time')!.textContent).toBe(new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date('2004-05-01T00:00:00Z')));
      // each basis in the UI language (view-model/legalBasis.ts), the English as written kept beside it
      for (const li of items) {
        const basis = li.querySelector('[data-testid="rule-change-basis"]')!;
        expect(basis.getAttribute('lang'), li.textContent!).toBeNull();
        expect(basis.textContent, li.textContent!).not.toBe(basis.getAttribute('data-basis-en'));
      }
      // the panel as read without what is marked English
      const panel = getByTestId('time-series').cloneNode(true) as HTMLElement;
      for (const el of panel.querySelectorAll('[lang="en"], title')) el.remove();
      const text = panel.textContent!.replace(/\s+/g, ' ');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      for (const rule of Object.values(RULES)) expect(text).not.toContain(rule.title);
      for (const id of Object.keys(RULES)) expect(text).not.toContain(id);
      expect(text).not.toMatch(/\b(joins|leaves) the EEA\b/);
    });
});
