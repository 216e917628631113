// The CLI's cohort run: children are drawn in-process; the machine runs for case files not already known
// go to worker threads (one per core) when there are enough of them to pay for starting the workers.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createSampler, SLOT_COUNT } from '../engine/generate';
import {
  countChildren,
  finishCohort,
  resolveTraces,
  type CohortRequest,
  type PathStore,
} from '../engine/simulate';
import type { CohortResult, PathSummary } from '../engine/aggregate';
import type { NodeTask } from './simulate-node-worker';

/** Below this many machine runs, starting workers (≈1–2 s with tsx) costs more than it saves. */
export const MIN_RUNS_FOR_WORKERS = 1_500;

function startWorker(): Worker {
  return new Worker(new URL('./node-worker-entry.mjs', import.meta.url));
}
function ask<T>(worker: Worker, task: NodeTask, transfer: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(task, transfer);
  });
}

export interface CliRunOptions {
  workers?: number;
  store?: PathStore;
}

export async function simulateCohortForCli(
  request: CohortRequest,
  options: CliRunOptions = {},
): Promise<CohortResult> {
  const started = performance.now();
  const { set, config, seed, cohort } = request;
  const sampler = createSampler(set, config);
  const counted = countChildren(sampler, seed, 0, cohort);
  const n = counted.keys.length;
  const summaries = new Array<PathSummary>(n);
  const missing: number[] = [];
  counted.keys.forEach((key, i) => {
    const known = options.store?.get(key);
    if (known) summaries[i] = known;
    else missing.push(i);
  });
  const workerCount = options.workers ?? availableParallelism();
  if (workerCount < 2 || missing.length < MIN_RUNS_FOR_WORKERS) {
    const { summaries: resolved, machineRuns } = resolveTraces(
      sampler,
      counted,
      options.store ?? new Map(),
    );
    return finishCohort(request, counted, resolved, machineRuns, started);
  }
  const workers = Array.from({ length: workerCount }, startWorker);
  try {
    // Interleaved shares balance the work: distinct cases are in order of first appearance.
    const shares = workers.map((_, k) => {
      const indices: number[] = [];
      for (let j = k; j < missing.length; j += workers.length) indices.push(missing[j]);
      const choices = new Int32Array(indices.length * SLOT_COUNT);
      indices.forEach((i, j) =>
        choices.set(counted.choices.subarray(i * SLOT_COUNT, (i + 1) * SLOT_COUNT), j * SLOT_COUNT),
      );
      return { indices, choices };
    });
    const results = await Promise.all(
      workers.map((w, k) =>
        ask<PathSummary[]>(w, { type: 'resolve', set, config, choices: shares[k].choices }, [
          shares[k].choices.buffer as ArrayBuffer,
        ]),
      ),
    );
    shares.forEach((s, k) =>
      s.indices.forEach((i, j) => {
        summaries[i] = results[k][j];
        options.store?.set(counted.keys[i], results[k][j]);
      }),
    );
    return finishCohort(request, counted, summaries, missing.length, started);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
