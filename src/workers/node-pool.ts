// The CLI's cohort run across worker threads (one per core): workers draw disjoint ranges of children,
// then run the machine for disjoint shares of the distinct case files.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { SLOT_COUNT } from '../engine/generate';
import {
  finishCohort,
  mergeCounted,
  type CohortRequest,
  type CountedCases,
} from '../engine/simulate';
import type { CohortResult, PathSummary } from '../engine/aggregate';
import type { NodeTask } from './simulate-node-worker';

function startWorker(): Worker {
  // tsx's loader lets the worker import the TypeScript sources directly.
  return new Worker(new URL('./node-worker-entry.mjs', import.meta.url));
}
function ask<T>(worker: Worker, task: NodeTask, transfer: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(task, transfer);
  });
}

export async function simulateCohortInWorkers(
  request: CohortRequest,
  workerCount = availableParallelism(),
): Promise<CohortResult> {
  const started = performance.now();
  const { set, config, seed, cohort } = request;
  const workers = Array.from({ length: Math.max(1, workerCount) }, startWorker);
  try {
    const share = Math.ceil(cohort / workers.length);
    const parts = await Promise.all(
      workers.map((w, k) =>
        ask<CountedCases>(w, {
          type: 'count',
          set,
          config,
          seed,
          from: k * share,
          to: Math.min(cohort, (k + 1) * share),
        }),
      ),
    );
    const counted = mergeCounted(parts);
    const n = counted.keys.length;
    // Interleaved shares balance the work: distinct cases are in order of first appearance.
    const shares = workers.map((_, k) => {
      const indices: number[] = [];
      for (let i = k; i < n; i += workers.length) indices.push(i);
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
    const summaries = new Array<PathSummary>(n);
    shares.forEach((s, k) => s.indices.forEach((i, j) => (summaries[i] = results[k][j])));
    return finishCohort(request, counted, summaries, n, started);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
