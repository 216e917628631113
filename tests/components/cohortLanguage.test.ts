// @vitest-environment jsdom
// A language switch re-renders the app (App.svelte wraps it in {#key language.current}), so the Cohorts view is
// mounted again: it must show the same results, settings and choices, in the new language, without a new run.
import { cleanup, render, fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, tick } from 'svelte';
import CohortView from '../../src/components/cohort/CohortView.svelte';
import { keptCohortTab } from '../../src/view-model/cohortTab.svelte';
import { language } from '../../src/i18n/language.svelte';
import { m } from '../../src/i18n/messages';
import { PathCache, simulateCohort, type CohortRequest } from '../../src/engine/simulate';
import './noResizeObserver';


afterEach(() => {
  cleanup();
  language.set('en');
});

/** Stand-in workers that answer a run with the engine's results (part 0 sends them) and count the runs asked for. */
const runs: number[] = [];
const cache = new PathCache();
function fakeWorker(): Worker {
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    postMessage(message: { type: string; runId: number; part: number; requests: CohortRequest[] }) {
      if (message.type !== 'run') return;
      runs.push(message.runId);
      const reply = (data: unknown) => worker.onmessage?.({ data } as MessageEvent);
      if (message.part === 0)
        message.requests.forEach((request, index) => reply({ type: 'result', runId: message.runId, index, result: simulateCohort(request, { cache }) }));
      reply({ type: 'done', runId: message.runId });
    },
    terminate() {},
  };
  return worker as unknown as Worker;
}

const text = (container: HTMLElement, testId: string) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
const counts = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-testid="outcome-cell"]')].map((c) => `${c.getAttribute('data-config')} ${c.getAttribute('data-outcome')} ${c.getAttribute('data-count')}`);

describe('Cohorts view after a language switch', () => {
  it('shows the same results, settings and open panels again, relabelled in French, without a new run', async () => {
    const tab = keptCohortTab({ createWorker: fakeWorker });
    const first = render(CohortView);
    tab.session.applyPreset('practice');
    tab.session.updateConfig(0, { asOf: '2016-03-01' });
    tab.session.setCohort(1_000);
    tab.session.setSeed(7);
    tab.session.run();
    flushSync();
    expect(tab.session.status).toBe('done');
    const before = counts(first.container);
    expect(before.length).toBeGreaterThan(8);
    expect(text(first.container, 'cohort-legend')).toContain('detected on 1 March 2016');
    await fireEvent.click(first.getByText(m.cohort_edit_set()));
    await new Promise((r) => setTimeout(r, 0)); // the toggle event comes as a task
    expect(tab.choices.setEditorOpen).toBe(true);
    const asked = runs.length;

    // what {#key} does: the old view goes, the language changes, a new view comes
    first.unmount();
    language.set('fr');
    const second = render(CohortView);
    await tick();
    expect(runs.length).toBe(asked);
    expect(counts(second.container)).toEqual(before);
    expect(text(second.container, 'cohort-legend')).toContain('détectés le 1 mars 2016');
    expect(text(second.container, 'cohort-legend')).not.toContain('detected on');
    expect(text(second.container, 'outcomes-legend')).toContain('1 mars 2016');
    expect(second.getByRole('heading', { name: 'Issues' })).toBeTruthy();
    expect((second.getByTestId('cohort-size') as HTMLSelectElement).value).toBe('1000');
    expect((second.getByTestId('cohort-seed') as HTMLInputElement).value).toBe('7');
    expect(second.getAllByTestId('cohort-config')).toHaveLength(2);
    expect((second.container.querySelector('details.editor') as HTMLDetailsElement).open).toBe(true);
  });
});
