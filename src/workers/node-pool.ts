// The CLI's cohort run: the orchestrator with the machine runs shared between this thread and worker threads
// (one per core in all) when there are enough of them to pay for starting the workers.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CohortResult, PathSummary } from '../engine/aggregate';
import {
  completeCohort,
  packChoices,
  planCohort,
  resolvePaths,
  splitMissing,
  type CohortRequest,
  type Engine,
  type PathStore,
} from '../engine/orchestrate';
import type { NodeTask } from './simulate-node-worker';

/** Below this many machine runs, this thread alone is quicker than starting workers (≈0.3–2 s each with tsx). */
export const MIN_RUNS_FOR_WORKERS = 20_000;
/** From this many children on, workers are started before drawing, so that they load while the children are drawn. */
export const MIN_CHILDREN_FOR_WORKERS = 300_000;

/** Threads that run the machine: as asked, never more than the cores there are. */
export function capThreads(asked: number | undefined): number {
  return Math.max(1, Math.min(asked ?? availableParallelism(), availableParallelism()));
}

function startWorker(): Worker {
  return new Worker(new URL('./node-worker-entry.mjs', import.meta.url));
}
function ask<T>(worker: Worker, task: NodeTask): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(task, [task.choices.buffer as ArrayBuffer]);
  });
}

export interface CliRunOptions {
  /** threads running the machine, this one included (capped to the cores) */
  threads?: number;
  store?: PathStore;
  engine?: Engine;
  /** called now and then during the long synchronous parts (the CLI checks there that its parent still lives) */
  onBeat?: () => void;
}

export async function simulateCohortForCli(request: CohortRequest, options: CliRunOptions = {}): Promise<CohortResult> {
  const threads = capThreads(options.threads);
  const engine = options.engine ?? 'fast';
  const beat = options.onBeat;
  const early = threads > 1 && request.cohort >= MIN_CHILDREN_FOR_WORKERS;
  let workers: Worker[] = early ? Array.from({ length: threads - 1 }, startWorker) : [];
  try {
    const plan = planCohort(request, options.store, beat);
    if (threads > 1 && plan.missing.length >= MIN_RUNS_FOR_WORKERS && workers.length === 0) {
      workers = Array.from({ length: threads - 1 }, startWorker);
    }
    if (threads < 2 || plan.missing.length < MIN_RUNS_FOR_WORKERS) {
      const resolved = resolvePaths(plan.sampler, packChoices(plan.counted, plan.missing), engine, beat);
      return completeCohort(plan, [plan.missing], [resolved], options.store);
    }
    // Share 0 is this thread's; the others go to the workers, which run meanwhile.
    const shares = splitMissing(plan, workers.length + 1);
    const { set, config } = request;
    const theirs = workers.map((w, k) =>
      ask<PathSummary[]>(w, { type: 'resolve', set, config, engine, choices: packChoices(plan.counted, shares[k + 1]) }),
    );
    const ours = resolvePaths(plan.sampler, packChoices(plan.counted, shares[0]), engine, beat);
    return completeCohort(plan, shares, [ours, ...(await Promise.all(theirs))], options.store);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
