// The CLI's cohort run: the orchestrator with the machine runs shared between this thread and worker threads
// (one per core in all) when there are enough of them to pay for starting the workers. Period cohorts too.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { CohortResult, PathSummary } from '../engine/aggregate';
import {
  childRanges,
  completeCohort,
  countChildren,
  mergeCounts,
  packChoices,
  planCohort,
  resolvePaths,
  type CohortRequest,
  type CountedCases,
  type Engine,
  type PathStore,
} from '../engine/orchestrate';
import { createSampler, type Sampler } from '../engine/generate';
import { completePeriod, planPeriod, type PeriodRequest, type PeriodResult } from '../engine/period';
import { decodePaths, type PathTable } from '../engine/pathTable';
import type { NodeTask } from './simulate-node-worker';
import { planPieces, runPieces } from './sharedPieces';

/** Below this many machine runs, this thread alone is quicker than sharing them (each thread pays for its first runs). */
export const MIN_RUNS_FOR_WORKERS = 20_000;
/** From this many children on, workers are started at once: each draws a range of the children, then runs its share. */
export const MIN_CHILDREN_FOR_WORKERS = 300_000;

/** Threads that run the machine: as asked, never more than the cores there are. */
export function capThreads(asked: number | undefined): number {
  return Math.max(1, Math.min(asked ?? availableParallelism(), availableParallelism()));
}

/**
 * A worker's heap is capped: what it keeps (its share's paths, the fast stepper's table) is a few tens of MB, and
 * without a cap V8 lets the machine runs' garbage grow the heap, and the CLI's peak memory with it.
 */
export const WORKER_HEAP_MB = 192;
/**
 * A machine run allocates a few kilobytes that die young; with V8's default young generation many are promoted and
 * collected again in the old one. 16 MB semi-spaces took one thread's 1,000,000 exploited children from 20.4 to
 * 16.7 s; in the two-thread CLI (one worker) the gain is 3–5%, within the shared machine's noise.
 */
export const WORKER_YOUNG_MB = 48;
/**
 * Workers run the machine from one bundle of their code, built here by esbuild the first time a worker starts
 * (≈0.1 s). Under tsx each worker had a loader thread of its own and every function was wrapped to keep its name,
 * which cost 8–12% of a run.
 */
let workerCode: URL | undefined;
function workerUrl(): URL {
  workerCode ??= bundledUrl(new URL('./simulate-node-worker.ts', import.meta.url));
  return workerCode;
}
/** A module and what it imports as one esbuild bundle in a data: URL, to start as a worker or to import. */
export function bundledUrl(entry: URL): URL {
  const built = buildSync({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error' });
  return new URL(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0]!.contents).toString('base64')}`);
}
function startWorker(): Worker {
  return new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
}
function ask<T>(worker: Worker, task: NodeTask, transfer: ArrayBuffer[]): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(task, transfer);
  });
}
/**
 * This thread draws the first range of the cohort's children while each worker draws one of the others; their
 * counts merged are those of one thread drawing them all (mergeCounts).
 */
async function countShared(request: CohortRequest, workers: Worker[], beat?: () => void): Promise<CountedCases> {
  const parts = workers.length + 1;
  const bounds = childRanges(request.cohort, parts);
  const theirs = workers.map((w, k) =>
    ask<CountedCases>(w, { type: 'count', set: request.set, config: request.config, seed: request.seed, from: bounds[k + 1], to: bounds[k + 2] }, []),
  );
  const ours = countChildren(createSampler(request.set, request.config), request.seed, 0, bounds[1], beat);
  return mergeCounts([ours, ...(await Promise.all(theirs))]);
}

export interface CliRunOptions {
  /** threads running the machine, this one included (capped to the cores) */
  threads?: number;
  store?: PathStore;
  engine?: Engine;
  /** called now and then during the long synchronous parts (the CLI checks there that its parent still lives) */
  onBeat?: () => void;
  /** machine runs from which workers are started (tests lower it to check the shared path on small cohorts) */
  minRunsForWorkers?: number;
  /** children from which workers draw beside this thread (tests lower it to check the shared drawing) */
  minChildrenForWorkers?: number;
}

/** What the threads share out: per group (configuration), its sampler's config and the distinct cases to run. */
interface Work {
  set: CohortRequest['set'];
  groups: { sampler: Sampler; counted: CountedCases; missing: number[] }[];
}

/**
 * Runs the machine for every group's missing cases, shared piece by piece between this thread and the workers
 * (sharedPieces.ts); paths per group, in the order of its missing cases.
 */
async function resolveShared(work: Work, workers: Worker[], engine: Engine, beat?: () => void): Promise<PathSummary[][]> {
  const { pieces, members } = planPieces(work.groups, workers.length + 1);
  const configs = work.groups.map((g) => g.sampler.config);
  const theirs = workers.map((w) => ask<{ done: number[]; table: PathTable }>(w, { type: 'share', set: work.set, engine, configs, pieces }, []));
  const ours = runPieces(pieces, work.groups.map((g) => g.sampler), engine, beat);
  const answers = [ours, ...(await Promise.all(theirs)).map(({ done, table }) => ({ done, paths: decodePaths(table) }))];
  const out = work.groups.map((g) => new Array<PathSummary>(g.missing.length));
  for (const { done, paths } of answers) {
    let at = 0;
    for (const c of done) for (const j of members[c].positions) out[members[c].group][j] = paths[at++];
  }
  return out;
}

export async function simulateCohortForCli(request: CohortRequest, options: CliRunOptions = {}): Promise<CohortResult> {
  const threads = capThreads(options.threads);
  const engine = options.engine ?? 'fast';
  const beat = options.onBeat;
  const minRuns = options.minRunsForWorkers ?? MIN_RUNS_FOR_WORKERS;
  // A large cohort: workers are started at once, and draw ranges of the children beside this thread.
  const large = threads > 1 && request.cohort >= (options.minChildrenForWorkers ?? MIN_CHILDREN_FOR_WORKERS);
  let workers: Worker[] = large ? Array.from({ length: threads - 1 }, startWorker) : [];
  const started = performance.now();
  try {
    const plan = large
      ? planCohort(request, options.store, beat, { counted: await countShared(request, workers, beat), started })
      : planCohort(request, options.store, beat);
    // Few runs: this thread alone, since each thread pays for its first runs (the fast stepper's recordings, the JIT).
    if (threads < 2 || plan.missing.length < minRuns) {
      const resolved = resolvePaths(plan.sampler, packChoices(plan.counted, plan.missing), engine, beat);
      return completeCohort(plan, [plan.missing], [resolved], options.store);
    }
    if (workers.length === 0) workers = Array.from({ length: threads - 1 }, startWorker);
    const [resolved] = await resolveShared({ set: request.set, groups: [plan] }, workers, engine, beat);
    return completeCohort(plan, [plan.missing], [resolved], options.store);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A period cohort (src/engine/period.ts) with its machine runs shared out as a cohort's are. */
export async function simulatePeriodForCli(request: PeriodRequest, options: CliRunOptions = {}): Promise<PeriodResult> {
  const threads = capThreads(options.threads);
  const engine = options.engine ?? 'fast';
  const minRuns = options.minRunsForWorkers ?? MIN_RUNS_FOR_WORKERS;
  const early = threads > 1 && request.cohort >= MIN_CHILDREN_FOR_WORKERS;
  let workers: Worker[] = early ? Array.from({ length: threads - 1 }, startWorker) : [];
  try {
    const plan = planPeriod(request, undefined, options.onBeat);
    const runs = plan.days.reduce((n, d) => n + d.missing.length, 0);
    if (threads > 1 && runs >= minRuns && workers.length === 0) workers = Array.from({ length: threads - 1 }, startWorker);
    const found = await resolveShared({ set: request.set, groups: plan.days }, workers, engine, options.onBeat);
    plan.days.forEach((d, n) => d.missing.forEach((i, j) => d.store.set(d.counted.keys[i], (d.summaries[i] = found[n][j]))));
    return completePeriod(plan);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
