// Cohort simulation: draw N children, run each distinct case file once through the procedure machine
// (runCase, the same engine as the step-through view), and aggregate. Children whose facts give the same
// cache key share one machine run (the fast path; see keyOf in generate.ts and tests/engine/fastpath.test.ts).
import { runCase } from '../../machines/case/run';
import type { CaseFile, Trace } from '../../machines/case/types';
import type { AssumptionSet } from './assumptions/schema';
import { createSampler, SLOT_COUNT, type CohortConfig, type Sampler } from './generate';
import {
  aggregateCohort,
  summariseTrace,
  type CohortEntry,
  type CohortResult,
  type PathSummary,
} from './aggregate';

export interface CohortRequest {
  set: AssumptionSet;
  config: CohortConfig;
  seed: number;
  cohort: number;
}

export interface ProgressReport {
  phase: 'drawing' | 'running' | 'aggregating';
  done: number;
  total: number;
}

/** Distinct cases met while drawing children from..to: key → count, first child, its choices. */
export interface CountedCases {
  keys: number[];
  counts: number[];
  firstChild: number[];
  /** choices of each key's first child, SLOT_COUNT per key */
  choices: Int32Array;
}

export function countChildren(
  sampler: Sampler,
  seed: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
  progressEvery = 50_000,
): CountedCases {
  const index = new Map<number, number>();
  const keys: number[] = [];
  const counts: number[] = [];
  const firstChild: number[] = [];
  const firstChoices: Int32Array[] = [];
  const c = new Int32Array(SLOT_COUNT);
  for (let i = from; i < to; i++) {
    const key = sampler.sample(seed, i, c);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, keys.length);
      keys.push(key);
      counts.push(1);
      firstChild.push(i);
      firstChoices.push(c.slice());
    } else counts[at]++;
    if (onProgress && (i - from + 1) % progressEvery === 0) onProgress(i - from + 1);
  }
  const choices = new Int32Array(keys.length * SLOT_COUNT);
  firstChoices.forEach((ch, k) => choices.set(ch, k * SLOT_COUNT));
  return { keys, counts, firstChild, choices };
}

/** Paths already known for some keys (a PathCache scope, the CLI's disk cache); new ones are added to it. */
export interface PathStore {
  get(key: number): PathSummary | undefined;
  set(key: number, summary: PathSummary): void;
}

/**
 * Paths already computed, per (assumption set, configuration). Kept between runs so that re-running,
 * re-seeding or enlarging a cohort only runs the machine for case files not met before.
 */
export class PathCache {
  private scopes = new Map<string, Map<number, PathSummary>>();
  constructor(private maxScopes = 8) {}
  scope(set: AssumptionSet, config: CohortConfig): Map<number, PathSummary> {
    const id = JSON.stringify([
      set.params,
      set.horizonDays,
      config.asOf,
      config.practice,
      [...config.reforms].sort(),
    ]);
    let scope = this.scopes.get(id);
    if (!scope) {
      if (this.scopes.size >= this.maxScopes) this.scopes.delete(this.scopes.keys().next().value!);
      scope = new Map();
      this.scopes.set(id, scope);
    }
    return scope;
  }
}

export interface SimulateOptions {
  onProgress?: (report: ProgressReport) => void;
  /** in-memory paths kept between runs (ignored when `store` is given) */
  cache?: PathCache;
  store?: PathStore;
  /** the machine to run (tests may count calls) */
  runCaseFor?: (caseFile: CaseFile) => Trace;
}

/** Runs the machine once per distinct key not yet in `store`, and adds the new paths to it. */
export function resolveTraces(
  sampler: Sampler,
  counted: CountedCases,
  store: PathStore,
  run: (caseFile: CaseFile) => Trace = runCase,
  onProgress?: (done: number, total: number) => void,
): { summaries: PathSummary[]; machineRuns: number } {
  let machineRuns = 0;
  const total = counted.keys.length;
  const summaries = counted.keys.map((key, k) => {
    const known = store.get(key);
    if (known) return known;
    const trace = run(
      sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)),
    );
    const summary = summariseTrace(trace);
    store.set(key, summary);
    machineRuns++;
    if (onProgress && machineRuns % 200 === 0) onProgress(k + 1, total);
    return summary;
  });
  return { summaries, machineRuns };
}

export function simulateCohort(
  request: CohortRequest,
  options: SimulateOptions = {},
): CohortResult {
  const started = performance.now();
  const { set, config, seed, cohort } = request;
  const sampler = createSampler(set, config);
  const progress = options.onProgress;
  const counted = countChildren(sampler, seed, 0, cohort, (done) =>
    progress?.({ phase: 'drawing', done, total: cohort }),
  );
  const store = options.store ?? (options.cache ?? new PathCache()).scope(set, config);
  const { summaries, machineRuns } = resolveTraces(
    sampler,
    counted,
    store,
    options.runCaseFor ?? runCase,
    (done, total) => progress?.({ phase: 'running', done, total }),
  );

  progress?.({ phase: 'aggregating', done: 0, total: 1 });
  return finishCohort(request, counted, summaries, machineRuns, started);
}

/** Aggregates drawn counts and their paths (summaries[k] belongs to counted.keys[k]). */
export function finishCohort(
  request: CohortRequest,
  counted: CountedCases,
  summaries: PathSummary[],
  machineRuns: number,
  started: number,
): CohortResult {
  const { set, config, seed, cohort } = request;
  const entries: CohortEntry[] = summaries.map((summary, k) => ({
    summary,
    count: counted.counts[k],
    firstChild: counted.firstChild[k],
  }));
  const result = aggregateCohort(entries, { set, config, seed, cohort });
  return {
    ...result,
    stats: {
      distinctCases: counted.keys.length,
      machineRuns,
      elapsedMs: Math.round(performance.now() - started),
    },
  };
}
