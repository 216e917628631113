// The browser's cohort run (src/workers/cohortPart.ts) without a browser: its parts linked by MessageChannels as the
// page links its workers, each drawing a range of the children and exchanging the counts. However many parts, the
// figures are those of the orchestrator in one thread, in the same order; a second run takes every path from the
// parts' caches.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import type { CohortResult } from '../../src/engine/aggregate';
import { simulateCohort } from '../../src/engine/simulate';
import { simulatePeriod } from '../../src/engine/period';
import type { Period } from '../../src/engine/periodDates';
import type { ReformId } from '../../machines/case/types';
import { createCohortPart, WARM_CHILDREN, type CohortWorkerRequest, type WorkerCohortRequest } from '../../src/workers/cohortPart';
import { linkPeers } from '../../src/workers/peers';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const withoutStats = <T extends { stats: unknown }>({ stats: _, ...rest }: T) => rest;
// Key order too: the views list figures in the order they come.
const json = (results: CohortResult[]) => results.map((r) => JSON.stringify(withoutStats(r)));

let ports: MessagePort[] = [];
afterEach(() => {
  ports.forEach((p) => p.close());
  ports = [];
});

type Message = { type: string; index?: number; result?: CohortResult; message?: string; runs?: number };

/**
 * `parts` parts linked pairwise; each call of the returned function is one run of them all (as the page starts
 * it). `create`: each part's createCohortPart (one module instance each stands for a worker of its own).
 */
function startParts(parts: number, create: (typeof createCohortPart)[] = Array(parts).fill(createCohortPart)) {
  let listener: (message: Message) => void = () => {};
  const handles = create.map((createPart) => createPart((message) => listener(message)));
  const peers = linkPeers(parts);
  ports.push(...peers.flat().filter((p): p is MessagePort => p !== null));
  handles.forEach((handle, part) => handle({ type: 'connect', part, peers: peers[part] }));
  let runId = 0;
  const run = (requests: WorkerCohortRequest[]) =>
    new Promise<CohortResult[]>((resolve, reject) => {
      const results: CohortResult[] = [];
      let done = 0;
      listener = (message) => {
        if (message.type === 'result') results[message.index!] = message.result!;
        else if (message.type === 'error') reject(new Error(message.message));
        else if (message.type === 'done' && ++done === parts) resolve(results);
      };
      runId++;
      handles.forEach((handle, part) => handle({ type: 'run', runId, requests, part, parts } satisfies CohortWorkerRequest));
    });
  /** Has the parts warm up on these settings (as the page does while they are chosen); resolves with each part's machine runs once all are done. */
  run.warm = (requests: WorkerCohortRequest[]) =>
    new Promise<number[]>((resolve) => {
      const runs: number[] = [];
      listener = (message) => {
        if (message.type === 'warmed' && runs.push(message.runs!) === parts) resolve(runs);
      };
      handles.forEach((handle, part) => handle({ type: 'warm', requests, part, parts } satisfies CohortWorkerRequest));
    });
  return run;
}

const configs = ['2010-06-01', '2016-06-01', '2018-12-01'].map((asOf) => ({ asOf, practice: 'asReported' as const, reforms: [] }));

describe('the browser’s cohort run, shared between workers', () => {
  it('gives one thread’s figures for every configuration, however many workers draw the children', async () => {
    const requests = configs.map((config) => ({ set: exploited, config, seed: 7, cohort: 2_500 }));
    const expected = requests.map((r) => simulateCohort(r));
    for (const parts of [1, 2, 3]) {
      const run = startParts(parts);
      const first = await run(requests);
      expect(json(first)).toEqual(json(expected));
      expect(first.map((r) => r.stats.distinctCases)).toEqual(expected.map((r) => r.stats.distinctCases));
      // Run again: the same figures, every path from the caches.
      const second = await run(requests);
      expect(json(second)).toEqual(json(expected));
      expect(second.map((r) => r.stats.machineRuns)).toEqual([0, 0, 0]);
    }
  }, 120_000);

  it('gives the same figures and machine runs after a warm-up on the same settings (warming keeps no path)', async () => {
    const requests = configs.map((config) => ({ set: exploited, config, seed: 5, cohort: 2_500 }));
    const expected = requests.map((r) => simulateCohort(r));
    const run = startParts(2);
    const warmed = await run.warm(requests);
    // Each part ran the machine for its share of the first WARM_CHILDREN children of every configuration.
    expect(warmed).toHaveLength(2);
    for (const runs of warmed) expect(runs).toBeGreaterThan(requests.length * 100);
    expect(warmed.reduce((a, b) => a + b)).toBeLessThanOrEqual(requests.length * WARM_CHILDREN);
    const results = await run(requests);
    expect(json(results)).toEqual(json(expected));
    expect(results.map((r) => r.stats.machineRuns)).toEqual(expected.map((r) => r.stats.machineRuns));
  }, 120_000);

  it('gives the same figures when each worker has a fast stepper of its own, which records what the other has not', async () => {
    // With reforms, which the shipped recordings do not cover: the workers have steps of their own to record.
    const reforms: ReformId[] = ['noCooperationCondition', 'presumptionOfMinority'];
    const requests = configs.map((config) => ({ set: exploited, config: { ...config, reforms }, seed: 9, cohort: 4_000 }));
    const expected = requests.map((r) => simulateCohort(r));
    // Two module instances, as two Web Workers are: each part's fast stepper is its own.
    const workers = [];
    for (let k = 0; k < 2; k++) {
      vi.resetModules();
      workers.push({
        part: await import('../../src/workers/cohortPart'),
        stepper: await import('../../machines/case/fastStepper'),
      });
    }
    const run = startParts(2, workers.map((w) => w.part.createCohortPart));
    expect(json(await run(requests))).toEqual(json(expected));
    const stats = workers.map((w) => w.stepper.getFastStepperStats());
    // Each took up recordings of the other: between them, fewer recordings than two workers recording alone.
    for (const s of stats) expect(s.imported).toBeGreaterThan(0);
    const alone = await (async () => {
      vi.resetModules();
      const part = await import('../../src/workers/cohortPart');
      const stepper = await import('../../machines/case/fastStepper');
      return { part, stepper };
    })();
    expect(json(await startParts(1, [alone.part.createCohortPart])(requests))).toEqual(json(expected));
    expect(alone.stepper.getFastStepperStats().recorded).toBeGreaterThan(0);
    expect(stats[0]!.recorded + stats[1]!.recorded).toBeLessThan(1.5 * alone.stepper.getFastStepperStats().recorded);
  }, 120_000);

  it('does so for period cohorts too', async () => {
    const period: Period = { from: '2003-01-01', to: '2008-12-31', spread: 'uniform', granularity: 'segment', practice: 'asReported', reforms: [] };
    const requests = (['asWritten', 'asReported'] as const).map((practice) => ({
      set: exploited,
      config: configs[0],
      seed: 3,
      cohort: 2_000,
      period: { ...period, practice },
    }));
    const expected = requests.map((r) => simulatePeriod(r));
    for (const parts of [2, 3]) expect(json(await startParts(parts)(requests))).toEqual(json(expected));
  }, 120_000);
});
