// Web Worker: runs cohorts off the main thread. The view starts one worker per core: each draws the same
// children, runs the machine for its share of the distinct case files (by key, so a worker's cache stays
// useful for later runs), and the helpers send their paths to worker 0, which aggregates and reports.
// Cancelling terminates the workers.
import { runCase } from '../../machines/case/run';
import { createSampler, SLOT_COUNT } from '../engine/generate';
import {
  countChildren,
  finishCohort,
  PathCache,
  resolveTraces,
  type CohortRequest,
  type CountedCases,
  type ProgressReport,
} from '../engine/simulate';
import type { CohortResult, PathSummary } from '../engine/aggregate';
import { simulatePeriod } from '../engine/period';
import type { Period } from '../engine/periodDates';

/** A request with a period runs as a period cohort (src/engine/period.ts), on worker 0 alone. */
export type WorkerCohortRequest = CohortRequest & { period?: Period };

export interface PathsMessage {
  type: 'paths';
  runId: number;
  index: number;
  keys: number[];
  summaries: PathSummary[];
  machineRuns: number;
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
  while ((inbox.get(id)?.length ?? 0) < count)
    await new Promise<void>((resolve) => waiting.set(id, resolve));
  waiting.delete(id);
  const messages = inbox.get(id)!;
  inbox.delete(id);
  return messages;
}

function subset(counted: CountedCases, indices: number[]): CountedCases {
  const choices = new Int32Array(indices.length * SLOT_COUNT);
  indices.forEach((i, j) =>
    choices.set(counted.choices.subarray(i * SLOT_COUNT, (i + 1) * SLOT_COUNT), j * SLOT_COUNT),
  );
  return {
    keys: indices.map((i) => counted.keys[i]),
    counts: indices.map((i) => counted.counts[i]),
    firstChild: indices.map((i) => counted.firstChild[i]),
    choices,
  };
}

async function run(runId: number, requests: WorkerCohortRequest[], part: number, parts: number) {
  for (const [index, request] of requests.entries()) {
    const started = performance.now();
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
        post({
          type: 'result',
          runId,
          index,
          result: simulatePeriod({ ...request, period }, { cache: periodCache, onProgress: progress }),
        });
      continue;
    }
    const sampler = createSampler(request.set, request.config);
    const counted = countChildren(sampler, request.seed, 0, request.cohort, (done) =>
      progress({ phase: 'drawing', done, total: request.cohort }),
    );
    const store = cache.scope(request.set, request.config);
    const mine = counted.keys.flatMap((key, i) => (key % parts === part ? [i] : []));
    const own = resolveTraces(sampler, subset(counted, mine), store, runCase, (done, total) =>
      progress({ phase: 'running', done, total }),
    );
    if (part !== 0) {
      post({
        type: 'paths',
        runId,
        index,
        keys: mine.map((i) => counted.keys[i]),
        summaries: own.summaries,
        machineRuns: own.machineRuns,
      });
      continue;
    }
    let machineRuns = own.machineRuns;
    for (const message of await receive(runId, index, parts - 1)) {
      message.keys.forEach((key, j) => store.set(key, message.summaries[j]));
      machineRuns += message.machineRuns;
    }
    progress({ phase: 'aggregating', done: 0, total: 1 });
    const all = resolveTraces(sampler, counted, store);
    post({
      type: 'result',
      runId,
      index,
      result: finishCohort(request, counted, all.summaries, machineRuns + all.machineRuns, started),
    });
  }
  if (part === 0) post({ type: 'done', runId });
}

self.onmessage = (event: MessageEvent<CohortWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'paths') return deliver(message);
  run(message.runId, message.requests, message.part, message.parts).catch((error: unknown) =>
    post({
      type: 'error',
      runId: message.runId,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
