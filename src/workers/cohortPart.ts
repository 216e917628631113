// One part of the browser's cohort run, as each Web Worker (cohort.worker.ts) runs it. The view starts one worker
// per core and links every pair with a MessageChannel. Each worker first draws its range of every configuration's
// children and sends the counts to its peers (mergeCounts then gives every worker the counts of one thread drawing
// them all). For each configuration it then runs the machine (fast stepper) for its share of the distinct case
// files (by key, so a worker's cache stays useful for later runs) and sends its share's paths, as a PathTable whose
// buffers are transferred, straight to the worker that aggregates that configuration (configuration i: worker
// i mod workers), never through the main thread. A worker aggregates only once its machine runs for every
// configuration are done, so no worker waits on another mid-run. Between chunks of machine runs, the workers send
// each other the fast stepper's new recordings (recordings.ts), so that a step is mostly recorded from XState by
// one of them only. Cancelling terminates the workers.
import type { CohortResult, PathSummary } from '../engine/aggregate';
import {
  childRanges,
  completeCohort,
  countChildren,
  mergeCounts,
  packChoices,
  planCohort,
  resolvePaths,
  type CohortPlan,
  type CountedCases,
  type ProgressReport,
} from '../engine/orchestrate';
import { createSampler, type Sampler } from '../engine/generate';
import { hashKey } from '../engine/hash';
import { PathCache, type CohortRequest } from '../engine/simulate';
import { completePeriod, countPeriodChildren, mergePeriodCounts, planPeriod, type DayCounts } from '../engine/period';
import type { Period } from '../engine/periodDates';
import { decodePaths, encodePaths, tableBuffers, type PathTable } from '../engine/pathTable';
import { createRecordingsShare, type RecordingsMessage } from './recordings';

/** A request with a period runs as a period cohort (src/engine/period.ts). */
export type WorkerCohortRequest = CohortRequest & { period?: Period };

/** One worker's range of a configuration's children, counted: a cohort's distinct cases, or a period's by day. */
export type RangeCounts = { counted: CountedCases } | { days: DayCounts[] };
export interface CountsMessage {
  type: 'counts';
  runId: number;
  index: number;
  part: number;
  range: RangeCounts;
}
/** One worker's share of a configuration's paths: per group (a cohort has one; a period, one per simulated day). */
export interface PathsMessage {
  type: 'paths';
  runId: number;
  index: number;
  groups: { keys: Float64Array; table: PathTable }[];
}
type PeerMessage = CountsMessage | PathsMessage | RecordingsMessage;
export type CohortWorkerRequest =
  | { type: 'connect'; part: number; peers: (MessagePort | null)[] }
  | { type: 'run'; runId: number; requests: WorkerCohortRequest[]; part: number; parts: number }
  | { type: 'warm'; requests: WorkerCohortRequest[]; part: number; parts: number };
export type CohortWorkerMessage =
  | { type: 'progress'; runId: number; index: number; report: ProgressReport }
  | { type: 'result'; runId: number; index: number; result: CohortResult }
  | { type: 'done'; runId: number }
  | { type: 'error'; runId: number; message: string }
  /** a warm-up ran to its end (not stopped by a run): the machine runs it made */
  | { type: 'warmed'; runs: number };

/** The distinct cases of one group (a cohort, or a period's day) with their store, as the orchestrator plans them. */
interface Group {
  plan: Pick<CohortPlan, 'sampler' | 'counted' | 'summaries' | 'missing'>;
  store: Map<number, PathSummary>;
}

/**
 * The worker whose share a key is in. Hashed: a key's last digits are its last slots' choices, mostly 0, so
 * `key % parts` gave one of two workers four fifths of the case files. Give it the facts key (Sampler.factsKey):
 * case files with the same facts then go to one worker, whose runs share their beginnings, and a key always
 * goes to the same worker, so a worker's cache stays useful.
 */
export function partOf(key: number, parts: number): number {
  return (hashKey(key) >>> 0) % parts;
}
/** Row i of a drawing's distinct cases, in this worker's share? */
const isMine = (sampler: Sampler, counted: CountedCases, i: number, part: number, parts: number) =>
  partOf(sampler.factsKey(counted.choices, i), parts) === part;

/**
 * Case files run before the first look at the peers' recordings; then twice as many each time, up to
 * LAST_CHUNK. The fast stepper records most at the start of a configuration: small chunks there let each worker
 * take up what the other recorded meanwhile instead of recording it too; larger ones later cost fewer looks.
 */
const FIRST_CHUNK = 50;
const LAST_CHUNK = 1_000;

/**
 * Runs the machine for this worker's share of a group; returns the share (indices into the group's keys).
 * `between`: called between chunks of case files (the peers' recordings come in there); none: one chunk.
 */
async function resolveShare(
  group: Group,
  part: number,
  parts: number,
  onProgress: (done: number) => void,
  between?: () => Promise<void>,
): Promise<number[]> {
  const { plan, store } = group;
  const { keys } = plan.counted;
  const mine = plan.missing.filter((i) => isMine(plan.sampler, plan.counted, i, part, parts));
  // In order of facts (as resolvePaths runs them), a chunk ending where the facts change: runs with the same facts
  // stay in one chunk and still share their beginnings.
  const facts = new Map(mine.map((i) => [i, plan.sampler.factsKey(plan.counted.choices, i)]));
  if (between) mine.sort((a, b) => facts.get(a)! - facts.get(b)! || a - b);
  for (let at = 0, size = between ? FIRST_CHUNK : mine.length; at < mine.length; size = Math.min(2 * size, LAST_CHUNK)) {
    let to = Math.min(at + size, mine.length);
    while (to < mine.length && facts.get(mine[to]) === facts.get(mine[to - 1])) to++;
    const chunk = mine.slice(at, to);
    const done = at;
    const found = resolvePaths(plan.sampler, packChoices(plan.counted, chunk), 'fast', (n) => onProgress(done + n));
    chunk.forEach((i, j) => store.set(keys[i], (plan.summaries[i] = found[j])));
    at = to;
    onProgress(at);
    if (between) await between();
  }
  return keys.flatMap((_, i) => (isMine(plan.sampler, plan.counted, i, part, parts) ? [i] : []));
}

/** Fills a group's paths from another worker's share (only those it still misses). */
function fill(group: Group, share: { keys: Float64Array; table: PathTable }) {
  const { plan, store } = group;
  const summaries = decodePaths(share.table);
  const at = new Map<number, number>();
  share.keys.forEach((key, j) => at.set(key, j));
  for (const i of plan.missing) {
    const j = at.get(plan.counted.keys[i]);
    if (j !== undefined && plan.summaries[i] === undefined) store.set(plan.counted.keys[i], (plan.summaries[i] = summaries[j]));
  }
}

/** Draws children from..to of a configuration and counts them. */
function countRange(request: WorkerCohortRequest, from: number, to: number, onProgress: (done: number) => void): RangeCounts {
  return request.period
    ? { days: countPeriodChildren({ ...request, period: request.period }, onProgress, from, to) }
    : { counted: countChildren(createSampler(request.set, request.config), request.seed, from, to, onProgress) };
}

/**
 * Children of each configuration a warm-up runs the machine for (about two in three are distinct case files). The
 * fast stepper's table has a long tail: 300 children recorded ≈380 of the ≈2,160 steps a 100,000-child run
 * records; a warm-up is cheap (≈0.1 s a configuration) and stops as soon as a run is asked for.
 */
export const WARM_CHILDREN = 2_000;
/** Case files run between two looks at the message queue, so that a run asked for meanwhile starts at once. */
const WARM_CHUNK = 20;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Before a run: the machine run on the first children of each configuration this worker would run, so that its
 * code is compiled and the fast stepper has recorded its commonest steps from XState (`between`, after each
 * chunk, sends them to the peers). The paths are not kept: a run's figures and machine runs are the same with or
 * without a warm-up. `stopped` is checked between chunks; a run stops the warm-up. Resolves with the machine runs
 * made, or undefined if stopped.
 */
async function warmUp(
  requests: WorkerCohortRequest[],
  part: number,
  parts: number,
  stopped: () => boolean,
  done: Set<string>,
  between: () => void,
): Promise<number | undefined> {
  let runs = 0;
  for (const request of requests) {
    const id = JSON.stringify([request.set, request.config, request.seed]);
    if (done.has(id)) continue;
    done.add(id);
    const sampler = createSampler(request.set, request.config);
    const counted = countChildren(sampler, request.seed, 0, Math.min(WARM_CHILDREN, request.cohort));
    const mine = counted.keys.flatMap((_, i) => (isMine(sampler, counted, i, part, parts) ? [i] : []));
    for (let at = 0; at < mine.length; at += WARM_CHUNK) {
      await nextTask();
      if (stopped()) return undefined;
      const chunk = mine.slice(at, at + WARM_CHUNK);
      resolvePaths(sampler, packChoices(counted, chunk));
      runs += chunk.length;
      between();
    }
  }
  return runs;
}

interface Pending {
  index: number;
  groups: Group[];
  complete: () => CohortResult;
}

/**
 * A worker's part of every cohort run: `post` sends to the page. State (the paths met, the peers, their messages)
 * lives as long as the worker does: re-running a configuration only runs the machine for new case files.
 */
export function createCohortPart(post: (message: CohortWorkerMessage) => void): (request: CohortWorkerRequest) => void {
  const cache = new PathCache();
  // A period cohort keeps one scope per simulated day (about two a year) and configuration.
  const periodCache = new PathCache(512);
  let peers: (MessagePort | null)[] = [];
  // The fast stepper's recordings go to the peers as they are made, and theirs come in (recordings.ts).
  const recordings = createRecordingsShare(() => peers);
  // Each warm-up or run stops the warm-up before it; configurations warmed once are not warmed again.
  let warmups = 0;
  const warmed = new Set<string>();

  // Counts and paths from other workers may arrive before this one asks for them.
  const inbox = new Map<string, PeerMessage[]>();
  const waiting = new Map<string, () => void>();
  const idOf = (type: PeerMessage['type'], runId: number, index: number) => `${type}:${runId}:${index}`;
  function deliver(message: PeerMessage) {
    if (message.type === 'recordings') return recordings.take(message);
    const id = idOf(message.type, message.runId, message.index);
    inbox.set(id, [...(inbox.get(id) ?? []), message]);
    waiting.get(id)?.();
  }
  async function receive<T extends PeerMessage>(type: T['type'], runId: number, index: number, count: number): Promise<T[]> {
    const id = idOf(type, runId, index);
    while ((inbox.get(id)?.length ?? 0) < count) await new Promise<void>((resolve) => waiting.set(id, resolve));
    waiting.delete(id);
    const messages = inbox.get(id) ?? [];
    inbox.delete(id);
    return messages as T[];
  }

  async function run(runId: number, requests: WorkerCohortRequest[], part: number, parts: number) {
    const progressOf = requests.map((_, index) => {
      let last = 0;
      return (report: ProgressReport) => {
        const now = performance.now();
        if (part !== index % parts || (now - last < 50 && report.phase !== 'aggregating')) return;
        last = now;
        post({ type: 'progress', runId, index, report });
      };
    });
    // Every range of every configuration is drawn before any machine run, so that no worker waits on another's counts.
    const drawn = requests.map((request, index) => {
      const started = performance.now();
      const bounds = childRanges(request.cohort, parts);
      const [from, to] = [bounds[part], bounds[part + 1]];
      const range = countRange(request, from, to, (done) => progressOf[index]({ phase: 'drawing', done, total: to - from }));
      const message: CountsMessage = { type: 'counts', runId, index, part, range };
      for (const port of peers) port?.postMessage(message);
      return { range, started };
    });
    const pending: Pending[] = [];
    for (const [index, request] of requests.entries()) {
      const aggregator = index % parts;
      const progress = progressOf[index];
      const { started } = drawn[index];
      // The ranges in order of children, as mergeCounts needs them.
      const ranges: RangeCounts[] = [];
      ranges[part] = drawn[index].range;
      for (const message of await receive<CountsMessage>('counts', runId, index, parts - 1)) ranges[message.part] = message.range;
      let groups: Group[];
      let complete: () => CohortResult;
      if (request.period) {
        const days = mergePeriodCounts(ranges.map((r) => (r as { days: DayCounts[] }).days));
        const plan = planPeriod({ ...request, period: request.period }, periodCache, progress, { days, started });
        groups = plan.days.map((day) => ({ plan: day, store: day.store }));
        complete = () => completePeriod(plan);
      } else {
        const counted = mergeCounts(ranges.map((r) => (r as { counted: CountedCases }).counted));
        const store = cache.scope(request.set, request.config);
        const plan = planCohort(request, store, progress, { counted, started });
        groups = [{ plan, store }];
        complete = () => completeCohort(plan, [], [], store);
      }
      const total = groups.reduce((n, g) => n + g.plan.missing.length, 0);
      let done = 0;
      const shares: number[][] = [];
      for (const group of groups) {
        shares.push(await resolveShare(group, part, parts, (n) => progress({ phase: 'running', done: done + n, total }), parts > 1 ? recordings.between : undefined));
        done += group.plan.missing.length;
      }
      if (part === aggregator) {
        pending.push({ index, groups, complete });
        continue;
      }
      const message: PathsMessage = {
        type: 'paths',
        runId,
        index,
        groups: groups.map((group, g) => ({
          keys: Float64Array.from(shares[g], (i) => group.plan.counted.keys[i]),
          table: encodePaths(shares[g].map((i) => group.plan.summaries[i]!)),
        })),
      };
      peers[aggregator]!.postMessage(message, message.groups.flatMap((g) => [g.keys.buffer, ...tableBuffers(g.table)]));
    }
    for (const { index, groups, complete } of pending) {
      for (const message of await receive<PathsMessage>('paths', runId, index, parts - 1))
        message.groups.forEach((share, g) => fill(groups[g], share));
      post({ type: 'progress', runId, index, report: { phase: 'aggregating', done: 0, total: 1 } });
      post({ type: 'result', runId, index, result: complete() });
    }
    post({ type: 'done', runId });
  }

  return (message) => {
    if (message.type === 'connect') {
      peers = message.peers;
      for (const port of peers) if (port) port.onmessage = (e: MessageEvent<PeerMessage>) => deliver(e.data);
      return;
    }
    const warmup = ++warmups;
    if (message.type === 'warm') {
      // A warm-up that fails (a set the sampler refuses) leaves the run to report it.
      warmUp(message.requests, message.part, message.parts, () => warmup !== warmups, warmed, recordings.send)
        .then((runs) => runs !== undefined && post({ type: 'warmed', runs }))
        .catch(() => {});
      return;
    }
    run(message.runId, message.requests, message.part, message.parts).catch((error: unknown) =>
      post({ type: 'error', runId: message.runId, message: error instanceof Error ? error.message : String(error) }),
    );
  };
}
