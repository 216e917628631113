// Web Worker: runs cohorts off the main thread and reports progress. Cancelling terminates the worker.
import {
  simulateCohort,
  PathCache,
  type CohortRequest,
  type ProgressReport,
} from '../engine/simulate';
import type { CohortResult } from '../engine/aggregate';

export type CohortWorkerRequest = { type: 'run'; runId: number; requests: CohortRequest[] };
export type CohortWorkerMessage =
  | { type: 'progress'; runId: number; index: number; report: ProgressReport }
  | { type: 'result'; runId: number; index: number; result: CohortResult }
  | { type: 'done'; runId: number }
  | { type: 'error'; runId: number; message: string };

// Kept for the worker's lifetime: re-running a configuration only runs the machine for new case files.
const cache = new PathCache();

self.onmessage = (event: MessageEvent<CohortWorkerRequest>) => {
  const { runId, requests } = event.data;
  const post = (message: CohortWorkerMessage) => (self as unknown as Worker).postMessage(message);
  try {
    requests.forEach((request, index) => {
      let last = 0;
      const result = simulateCohort(request, {
        cache,
        onProgress: (report) => {
          const now = performance.now();
          if (now - last < 50 && report.phase !== 'aggregating') return;
          last = now;
          post({ type: 'progress', runId, index, report });
        },
      });
      post({ type: 'result', runId, index, result });
    });
    post({ type: 'done', runId });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
};
