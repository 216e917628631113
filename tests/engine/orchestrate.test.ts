// The cohort orchestrator's faster paths against the simple one: every distinct case file run here, one entry
// each, aggregated as it is. Merging the case files that share a path, packing paths into typed tables to send
// them between threads, and sharing the machine runs with worker threads (also for period cohorts) must give
// the same figures, in the same order, for the same seed.
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { aggregateCohort, type CohortEntry, type CohortResult } from '../../src/engine/aggregate';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../../src/engine/generate';
import { countChildren, mergeCounts, resolvePaths, runPath } from '../../src/engine/orchestrate';
import { simulateCohort } from '../../src/engine/simulate';
import { countPeriodChildren, mergePeriodCounts, simulatePeriod } from '../../src/engine/period';
import { decodePaths, encodePaths } from '../../src/engine/pathTable';
import { simulateCohortForCli, simulatePeriodForCli } from '../../src/workers/node-pool';
import type { AssumptionSet } from '../../src/engine/assumptions/schema';
import type { Period } from '../../src/engine/periodDates';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const CONFIGS: CohortConfig[] = [
  { asOf: '2010-06-01', practice: 'asReported', reforms: [] },
  { asOf: '2018-12-01', practice: 'asWritten', reforms: ['guardianForEveryChild', 'presumptionOfMinority'] },
];

/** The simple path: one machine run and one entry per distinct case file, no merging, no tables, one thread. */
function simply(set: AssumptionSet, config: CohortConfig, seed: number, cohort: number): Omit<CohortResult, 'stats'> {
  const sampler = createSampler(set, config);
  const counted = countChildren(sampler, seed, 0, cohort);
  const entries: CohortEntry[] = counted.keys.map((_, k) => ({
    summary: runPath(sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT))),
    count: counted.counts[k],
    firstChild: counted.firstChild[k],
  }));
  return aggregateCohort(entries, { set, config, seed, cohort });
}
const withoutStats = <T extends { stats: unknown }>({ stats: _, ...rest }: T) => rest;
// Key order too: the views and the CLI's JSON list figures in the order they come.
const sameJson = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('cohort orchestrator', () => {
  it('gives the same figures, in the same order, as aggregating every distinct case file on its own', () => {
    for (const set of [exploited, DEFAULT_ASSUMPTION_SET])
      for (const config of CONFIGS) {
        const result = simulateCohort({ set, config, seed: 5, cohort: 4_000 });
        sameJson(withoutStats(result), simply(set, config, 5, 4_000));
        expect(result.stats.distinctCases).toBe(result.stats.machineRuns);
      }
  });

  it('gives each distinct case file its own path when runs of the same facts share their beginnings', () => {
    // resolvePaths runs case files grouped by facts, each from the deepest checkpoint of the earlier ones
    for (const set of ASSUMPTION_SETS)
      for (const config of CONFIGS) {
        const sampler = createSampler(set, config);
        const counted = countChildren(sampler, 11, 0, 6_000);
        const paths = resolvePaths(sampler, counted.choices);
        counted.keys.forEach((_, k) => {
          const own = runPath(sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)));
          if (JSON.stringify(paths[k]) !== JSON.stringify(own)) expect({ k, path: paths[k] }).toStrictEqual({ k, path: own });
        });
      }
  });

  it('packs paths into a table and back unchanged, equal paths stored once', () => {
    const sampler = createSampler(exploited, CONFIGS[0]);
    const counted = countChildren(sampler, 2, 0, 3_000);
    const paths = counted.keys.map((_, k) => runPath(sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT))));
    const table = encodePaths(paths);
    const decoded = decodePaths(table);
    expect(decoded).toEqual(paths);
    const distinct = new Set(paths.map((p) => JSON.stringify(p))).size;
    expect(table.outcome.length).toBe(distinct);
    expect(new Set(decoded).size).toBe(distinct);
    expect(distinct).toBeLessThan(paths.length);
    // The statechart edges a path took (where the runner records them) travel with it and keep paths apart.
    const withEdges = paths.map((p, i) => (i % 2 ? { ...p, edges: [i % 3, 7] } : p));
    expect(decodePaths(encodePaths(withEdges))).toEqual(withEdges);
    const [a] = paths;
    expect(encodePaths([a, { ...a, edges: [1] }, { ...a, edges: [2] }, { ...a, edges: [1] }]).outcome.length).toBe(3);
    // Paths differing in one field only stay apart; copies of one path (other objects) are stored once.
    const { edges: _, ...withoutEdges } = a;
    const later = { ...a, milestones: a.milestones.map((m, i) => (i === a.milestones.length - 1 ? { ...m, day: m.day + 1 } : m)) };
    const variants = [a, withoutEdges, { ...a, edges: [] }, later, { ...a, outcomeDay: a.outcomeDay + 1 }, { ...a, assumptions: [...a.assumptions, 'x'] }];
    expect(encodePaths([...variants, ...variants.map((v) => structuredClone(v))]).outcome.length).toBe(variants.length);
  });

  it('counts ranges of children drawn apart as one thread drawing them all (same order of first appearance)', () => {
    const sampler = createSampler(exploited, CONFIGS[0]);
    const whole = countChildren(sampler, 3, 0, 5_000);
    for (const bounds of [[0, 2_500, 5_000], [0, 1, 4_999, 5_000], [0, 0, 1_700, 1_700, 3_300, 5_000]]) {
      const parts = bounds.slice(1).map((to, k) => countChildren(sampler, 3, bounds[k], to));
      expect(mergeCounts(parts)).toEqual(whole);
    }
    // The ranges do meet the same case files (else merging would be trivial).
    const [a, b] = [countChildren(sampler, 3, 0, 2_500), countChildren(sampler, 3, 2_500, 5_000)];
    expect(b.keys.filter((k) => a.keys.includes(k)).length).toBeGreaterThan(100);
  });

  it('counts ranges of a period’s children drawn apart as one thread drawing them all, day by day', () => {
    const period: Period = { from: '2003-01-01', to: '2008-12-31', spread: 'uniform', granularity: 'segment', practice: 'asReported', reforms: [] };
    const request = { set: exploited, period, seed: 3, cohort: 4_000 };
    const whole = countPeriodChildren(request);
    expect(whole.length).toBeGreaterThan(3);
    for (const bounds of [[0, 2_000, 4_000], [0, 1, 3_999, 4_000], [0, 0, 1_300, 2_700, 4_000]]) {
      const parts = bounds.slice(1).map((to, k) => countPeriodChildren(request, undefined, bounds[k], to));
      expect(mergePeriodCounts(parts)).toEqual(whole);
    }
  });

  it('draws a large cohort’s children in worker threads beside this one and gives the same figures', async () => {
    const request = { set: exploited, config: CONFIGS[0], seed: 6, cohort: 3_000 };
    const expected = simply(exploited, CONFIGS[0], 6, 3_000);
    // Drawn in two threads; then the runs shared too, or (few runs) run in this thread alone.
    for (const minRunsForWorkers of [0, 1_000_000]) {
      const result = await simulateCohortForCli(request, { threads: 2, minChildrenForWorkers: 0, minRunsForWorkers });
      sameJson(withoutStats(result), expected);
    }
  }, 120_000);

  it('shares the machine runs with worker threads (the CLI) and gives the same figures', async () => {
    const request = { set: exploited, config: CONFIGS[1], seed: 8, cohort: 3_000 };
    const shared = await simulateCohortForCli(request, { threads: 2, minRunsForWorkers: 0 });
    sameJson(withoutStats(shared), simply(exploited, CONFIGS[1], 8, 3_000));
  }, 120_000);

  it('shares a period cohort’s machine runs with worker threads and gives the same figures as in one thread', async () => {
    const period: Period = { from: '2003-01-01', to: '2006-12-31', spread: 'uniform', granularity: 'segment', practice: 'asReported', reforms: [] };
    const request = { set: exploited, period, seed: 4, cohort: 3_000 };
    const shared = await simulatePeriodForCli(request, { threads: 2, minRunsForWorkers: 0 });
    sameJson(withoutStats(shared), withoutStats(simulatePeriod(request)));
    expect(Object.values(shared.byYear).reduce((n, y) => n + y.cohort, 0)).toBe(3_000);
  }, 120_000);
});
