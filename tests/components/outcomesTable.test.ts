// @vitest-environment jsdom
// The outcomes table says, for an outcome reached through several procedures, how many children are in each:
// a B card of the victim procedure and one of the durable-solution procedure are not the same story.
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import OutcomesTable from '../../src/components/cohort/OutcomesTable.svelte';
import { label } from '../../src/components/step/labels';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { PathCache, simulateCohort } from '../../src/engine/simulate';

afterEach(cleanup);

describe('OutcomesTable', () => {
  it('splits an outcome by procedure where children reach it by more than one, and names the procedure of a residence document', () => {
    const set = ASSUMPTION_SETS.find((s) => s.id === 'uam-reports-2018')!;
    const result = simulateCohort({ set, config: { ...set.calibratedFor, reforms: [] }, seed: 1, cohort: 4_000 }, { cache: new PathCache() });
    const mixed = Object.entries(result.outcomeTracks).filter(([, tracks]) => Object.keys(tracks!).length > 1);
    expect(mixed.length).toBeGreaterThan(0);
    const { container } = render(OutcomesTable, { props: { results: [result], onopen: () => {} } });
    for (const [outcome, tracks] of mixed) {
      const cell = container.querySelector(`[data-testid="outcome-cell"][data-outcome="${outcome}"]`)!;
      const text = cell.querySelector('[data-testid="outcome-tracks"]')!.textContent!;
      for (const track of Object.keys(tracks!)) expect(text).toContain(label('track', track));
    }
    // A residence document always names the procedure that gave it, even when all came from one.
    expect(result.outcomeTracks.permanentResidence ?? result.outcomeTracks.temporaryResidence).toBeDefined();
    for (const outcome of ['permanentResidence', 'temporaryResidence'] as const) {
      const tracks = result.outcomeTracks[outcome];
      if (!tracks) continue;
      const cell = container.querySelector(`[data-testid="outcome-cell"][data-outcome="${outcome}"]`)!;
      for (const track of Object.keys(tracks)) expect(cell.querySelector('[data-testid="outcome-tracks"]')!.textContent).toContain(label('track', track));
    }
    // Any other outcome reached by one procedure only says nothing more.
    for (const [outcome, tracks] of Object.entries(result.outcomeTracks)) {
      if (Object.keys(tracks!).length > 1 || outcome === 'permanentResidence' || outcome === 'temporaryResidence') continue;
      const cell = container.querySelector(`[data-testid="outcome-cell"][data-outcome="${outcome}"]`)!;
      expect(cell.querySelector('[data-testid="outcome-tracks"]')).toBeNull();
    }
  });
});
