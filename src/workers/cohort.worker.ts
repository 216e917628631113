// Web Worker: the cohort orchestrator off the main thread. The view starts one worker per core: each draws the
// same children, runs the machine (fast stepper) for its share of the distinct case files (by key, so a worker's
// cache stays useful for later runs), and the helpers send their paths to worker 0, which completes the cohort.
// Cancelling terminates the workers.
import type { CohortResult, PathSummary } from '../engine/aggregate';
import { completeCohort, packChoices, planCohort, resolvePaths, type ProgressReport } from '../engine/orchestrate';
import { PathCache, type CohortRequest } from '../engine/simulate';
import { simulatePeriod } from '../engine/period';
import type { Period } from '../engine/periodDates';

/** A request with a period runs as a period cohort (src/engine/period.ts, through the orchestrator), on worker 0. */
export type WorkerCohortRequest = CohortRequest & { period?: Period };

export interface PathsMessage {
  type: 'paths';
  runId: number;
  index: number;
  keys: number[];
  summaries: PathSummary[];
}
export type CohortWorkerRequest =
  | { type: 'run'; runId: number; requests: WorkerCohortRequest[]; part: number; parts: number }
  | PathsMessage;
export type CohortWorkerMessage =
  | { type: 'progress'; runId: number; index: number; report: ProgressReport }
  | { type: 'result'; runId: number; index: number; result: CohortResult }
  | { type: 'done'; runId: number }
  | { type: 'error'; runId: number; message: string }
  | PathsMessage;

// Kept for the worker's lifetime: re-running a configuration only runs the machine for new case files.
const cache = new PathCache();
// A period cohort keeps one scope per simulated day (about two a year) and configuration.
const periodCache = new PathCache(512);
const post = (message: CohortWorkerMessage) => (self as unknown as Worker).postMessage(message);

// Paths from helpers may arrive before worker 0 asks for them.
const inbox = new Map<string, PathsMessage[]>();
const waiting = new Map<string, () => void>();
function deliver(message: PathsMessage) {
  const id = `${message.runId}:${message.index}`;
  inbox.set(id, [...(inbox.get(id) ?? []), message]);
  waiting.get(id)?.();
}
async function receive(runId: number, index: number, count: number): Promise<PathsMessage[]> {
  const id = `${runId}:${index}`;
  while ((inbox.get(id)?.length ?? 0) < count) await new Promise<void>((resolve) => waiting.set(id, resolve));
  waiting.delete(id);
  const messages = inbox.get(id)!;
  inbox.delete(id);
  return messages;
}

async function run(runId: number, requests: WorkerCohortRequest[], part: number, parts: number) {
  for (const [index, request] of requests.entries()) {
    let last = 0;
    const progress = (report: ProgressReport) => {
      const now = performance.now();
      if (part !== 0 || (now - last < 50 && report.phase !== 'aggregating')) return;
      last = now;
      post({ type: 'progress', runId, index, report });
    };
    if (request.period) {
      const period = request.period;
      if (part === 0)
        post({ type: 'result', runId, index, result: simulatePeriod({ ...request, period }, { cache: periodCache, onProgress: progress }) });
      continue;
    }
    const store = cache.scope(request.set, request.config);
    const plan = planCohort(request, store, progress);
    const { keys } = plan.counted;
    const isMine = (i: number) => keys[i] % parts === part;
    const mine = plan.missing.filter(isMine);
    const summaries = resolvePaths(plan.sampler, packChoices(plan.counted, mine), 'fast', (done, total) =>
      progress({ phase: 'running', done, total }),
    );
    if (part !== 0) {
      // A helper sends every path of its share, also those its own cache knew (worker 0's cache may not).
      mine.forEach((i, j) => store.set(keys[i], (plan.summaries[i] = summaries[j])));
      const share = keys.flatMap((key, i) => (isMine(i) ? [i] : []));
      post({ type: 'paths', runId, index, keys: share.map((i) => keys[i]), summaries: share.map((i) => plan.summaries[i]!) });
      continue;
    }
    const shares = [mine];
    const resolved = [summaries];
    for (const message of await receive(runId, index, parts - 1)) {
      const at = new Map(message.keys.map((key, j) => [key, j]));
      const theirs = plan.missing.filter((i) => at.has(keys[i]));
      shares.push(theirs);
      resolved.push(theirs.map((i) => message.summaries[at.get(keys[i])!]));
    }
    progress({ phase: 'aggregating', done: 0, total: 1 });
    post({ type: 'result', runId, index, result: completeCohort(plan, shares, resolved, store) });
  }
  if (part === 0) post({ type: 'done', runId });
}

self.onmessage = (event: MessageEvent<CohortWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'paths') return deliver(message);
  run(message.runId, message.requests, message.part, message.parts).catch((error: unknown) =>
    post({ type: 'error', runId: message.runId, message: error instanceof Error ? error.message : String(error) }),
  );
};
