// Web Worker: the sensitivity analysis (src/engine/sensitivity.ts) off the main thread. Its own worker, so the
// cohort workers' runs and caches are untouched; it keeps the paths it met per storeScope (same options,
// horizon and configuration), so analysing again with another seed or size only runs the machine for new cases.
import type { PathSummary } from '../engine/aggregate';
import { analyseSensitivity, storeScope, type SensitivityProgress, type SensitivityRequest, type SensitivityRuns } from '../engine/sensitivity';

export type SensitivityWorkerRequest = { type: 'run'; runId: number; request: SensitivityRequest };
export type SensitivityWorkerMessage =
  | { type: 'progress'; runId: number; progress: SensitivityProgress }
  | { type: 'result'; runId: number; runs: SensitivityRuns }
  | { type: 'error'; runId: number; message: string };

const MAX_SCOPES = 4;
const stores = new Map<string, Map<number, PathSummary>>();
function storeFor(request: SensitivityRequest): Map<number, PathSummary> {
  const id = storeScope(request.set, request.config);
  let store = stores.get(id);
  if (!store) {
    if (stores.size >= MAX_SCOPES) stores.delete(stores.keys().next().value!);
    stores.set(id, (store = new Map()));
  }
  return store;
}

const post = (message: SensitivityWorkerMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<SensitivityWorkerRequest>) => {
  const { runId, request } = event.data;
  try {
    let last = 0;
    const runs = analyseSensitivity(request, {
      store: storeFor(request),
      onProgress: (progress) => {
        const now = performance.now();
        if (now - last < 100 && progress.done < progress.total) return;
        last = now;
        post({ type: 'progress', runId, progress });
      },
    });
    post({ type: 'result', runId, runs });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
};
