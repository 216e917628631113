// The CLI's cohort run: the orchestrator with the machine runs in worker threads (one per core; this thread hands
// out the work and aggregates) when there are enough of them to pay for starting the workers. Period cohorts too.
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
import { decodePaths, PathInterner, type PathTable } from '../engine/pathTable';
import type { NodeTask } from './simulate-node-worker';

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
function askPaths(worker: Worker, task: Extract<NodeTask, { type: 'resolve' }>): Promise<PathSummary[][]> {
  return ask<PathTable[]>(worker, task, task.groups.map((g) => g.choices.buffer as ArrayBuffer)).then((tables) => tables.map(decodePaths));
}

/**
 * Each worker draws one range of the cohort's children; their counts merged are those of one thread drawing them
 * all (mergeCounts). This thread only hands out the work: it runs under tsx, which makes every function keep its
 * name, and so ran its share 13–24% slower than the workers' bundle, which then waited for it.
 */
async function countShared(request: CohortRequest, workers: Worker[]): Promise<CountedCases> {
  const bounds = childRanges(request.cohort, workers.length);
  const parts = workers.map((w, k) =>
    ask<CountedCases>(w, { type: 'count', set: request.set, config: request.config, seed: request.seed, from: bounds[k], to: bounds[k + 1] }, []),
  );
  return mergeCounts(await Promise.all(parts));
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
  /** children from which workers draw them (tests lower it to check the shared drawing) */
  minChildrenForWorkers?: number;
}

/** What the threads share out: per group (configuration), its sampler's config and the distinct cases to run. */
interface Work {
  set: CohortRequest['set'];
  groups: { sampler: Sampler; counted: CountedCases; missing: number[] }[];
}

/** A slice of one group's missing cases: positions from..to of `missing`. */
interface Piece {
  group: number;
  from: number;
  to: number;
}
/** The smallest chunk of machine runs handed out at once (≈ 0.1 s of a thread): fewer would cost more in messages. */
const MIN_CHUNK_RUNS = 2_000;

/**
 * Cuts the groups' missing cases into chunks, large first and shrinking (guided self-scheduling): each worker asks
 * for the next as soon as it is done, so the threads finish together whatever their speed.
 */
export function chunkWork(missing: readonly number[], threads: number): Piece[][] {
  const total = missing.reduce((n, m) => n + m, 0);
  const chunks: Piece[][] = [];
  let left = total;
  let group = 0;
  let at = 0;
  while (left > 0) {
    let size = Math.max(MIN_CHUNK_RUNS, Math.ceil(left / (2 * threads)));
    const chunk: Piece[] = [];
    while (size > 0 && group < missing.length) {
      const take = Math.min(size, missing[group]! - at);
      if (take > 0) chunk.push({ group, from: at, to: at + take });
      at += take;
      size -= take;
      left -= take;
      if (at >= missing[group]!) {
        group++;
        at = 0;
      }
    }
    chunks.push(chunk);
  }
  return chunks;
}

/** Runs the machine for every group's missing cases in the workers, chunk by chunk; paths per group, in order. */
async function resolveShared(work: Work, workers: Worker[], engine: Engine, beat?: () => void): Promise<PathSummary[][]> {
  // No workers (one thread, or too few runs to pay for starting them): this thread runs them all.
  if (workers.length === 0) return work.groups.map((g) => resolvePaths(g.sampler, packChoices(g.counted, g.missing), engine, beat));
  const out = work.groups.map((g) => new Array<PathSummary>(g.missing.length));
  const chunks = chunkWork(work.groups.map((g) => g.missing.length), workers.length);
  // Each chunk's table makes its own objects: equal paths of different chunks become one again (memory).
  const interner = new PathInterner();
  let next = 0;
  const serve = async (worker: Worker) => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const groups = chunk.map(({ group, from, to }) => {
        const g = work.groups[group]!;
        return { config: g.sampler.config, choices: packChoices(g.counted, g.missing.slice(from, to)) };
      });
      const tables = await askPaths(worker, { type: 'resolve', set: work.set, engine, groups });
      chunk.forEach(({ group, from }, k) => tables[k]!.forEach((summary, j) => (out[group]![from + j] = interner.intern(summary))));
      beat?.();
    }
  };
  await Promise.all(workers.map(serve));
  return out;
}

export async function simulateCohortForCli(request: CohortRequest, options: CliRunOptions = {}): Promise<CohortResult> {
  const threads = capThreads(options.threads);
  const engine = options.engine ?? 'fast';
  const beat = options.onBeat;
  const minRuns = options.minRunsForWorkers ?? MIN_RUNS_FOR_WORKERS;
  // A large cohort: workers are started at once, and draw ranges of the children.
  const large = threads > 1 && request.cohort >= (options.minChildrenForWorkers ?? MIN_CHILDREN_FOR_WORKERS);
  let workers: Worker[] = large ? Array.from({ length: threads }, startWorker) : [];
  const started = performance.now();
  try {
    const plan = large
      ? planCohort(request, options.store, beat, { counted: await countShared(request, workers), started })
      : planCohort(request, options.store, beat);
    // Few runs: this thread alone, since each thread pays for its first runs (the fast stepper's recordings, the JIT).
    if (threads < 2 || plan.missing.length < minRuns) {
      const resolved = resolvePaths(plan.sampler, packChoices(plan.counted, plan.missing), engine, beat);
      return completeCohort(plan, [plan.missing], [resolved], options.store);
    }
    if (workers.length === 0) workers = Array.from({ length: threads }, startWorker);
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
  let workers: Worker[] = early ? Array.from({ length: threads }, startWorker) : [];
  try {
    const plan = planPeriod(request, undefined, options.onBeat);
    const runs = plan.days.reduce((n, d) => n + d.missing.length, 0);
    if (threads > 1 && runs >= minRuns && workers.length === 0) workers = Array.from({ length: threads }, startWorker);
    const found = await resolveShared({ set: request.set, groups: plan.days }, workers, engine, options.onBeat);
    plan.days.forEach((d, n) => d.missing.forEach((i, j) => d.store.set(d.counted.keys[i], (d.summaries[i] = found[n][j]))));
    return completePeriod(plan);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
