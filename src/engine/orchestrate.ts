// The one cohort orchestrator: draw the children, count the distinct case files, resolve the paths not already
// known (one machine run per distinct case file), aggregate. Where the machine runs is the adapters' business:
// in-process (simulate.ts), browser Web Workers (workers/cohort.worker.ts), Node worker threads (workers/node-pool.ts).
import { createRunSharing, runCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import { xstateStepper } from '../../machines/case/stepper';
import type { CaseFile } from '../../machines/case/types';
import { aggregateCohort, summariseTrace, type CohortEntry, type CohortResult, type PathSummary } from './aggregate';
import type { AssumptionSet } from './assumptions/schema';
import { KeyIndex } from './keyIndex';
import { PathIndex, PathInterner } from './pathTable';
import { addExample, recordEdges } from './pathEdges';
import { createSampler, SLOT_COUNT, type CohortConfig, type Sampler } from './generate';
import { primeFastStepper } from './primed';

export interface CohortRequest {
  set: AssumptionSet;
  config: CohortConfig;
  seed: number;
  cohort: number;
}

export interface ProgressReport {
  phase: 'drawing' | 'running' | 'aggregating';
  done: number;
  total: number;
}

/** `fast`: the stepper memoised from the machine (machines/case/fastStepper.ts); `reference`: XState itself. */
export type Engine = 'fast' | 'reference';

/** Paths already known for some keys (a PathCache scope, the CLI's disk cache); new ones are added to it. */
export interface PathStore {
  get(key: number): PathSummary | undefined;
  set(key: number, summary: PathSummary): void;
}

/** Distinct cases met while drawing children from..to: key → count, first child, its choices. */
export interface CountedCases {
  keys: number[];
  counts: number[];
  firstChild: number[];
  /** choices of each key's first child, SLOT_COUNT per key */
  choices: Int32Array;
}

export function countChildren(
  sampler: Sampler,
  seed: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
  progressEvery = 50_000,
): CountedCases {
  const index = new KeyIndex();
  const keys: number[] = [];
  const counts: number[] = [];
  const firstChild: number[] = [];
  let choices = new Int32Array(1024 * SLOT_COUNT);
  const c = new Int32Array(SLOT_COUNT);
  for (let i = from; i < to; i++) {
    const key = sampler.sample(seed, i, c);
    const at = index.add(key);
    if (at === keys.length) {
      if ((at + 1) * SLOT_COUNT > choices.length) {
        const grown = new Int32Array(choices.length * 2);
        grown.set(choices);
        choices = grown;
      }
      choices.set(c, at * SLOT_COUNT);
      keys.push(key);
      counts.push(1);
      firstChild.push(i);
    } else counts[at]++;
    if (onProgress && (i - from + 1) % progressEvery === 0) onProgress(i - from + 1);
  }
  return { keys, counts, firstChild, choices: choices.slice(0, keys.length * SLOT_COUNT) };
}

/** Bounds of `parts` consecutive, near-equal ranges of children 0..cohort: range k is bounds[k]..bounds[k+1]. */
export function childRanges(cohort: number, parts: number): number[] {
  return Array.from({ length: parts + 1 }, (_, k) => Math.round((cohort * k) / parts));
}

/**
 * The counts of consecutive ranges of children (given in order) as one: what countChildren over the whole range
 * gives (the same keys in the same order of first appearance, counts, first children and choices). Threads each
 * draw a range, and this puts their counts together.
 */
export function mergeCounts(parts: readonly CountedCases[]): CountedCases {
  const index = new KeyIndex(parts.reduce((n, part) => n + part.keys.length, 0));
  const keys: number[] = [];
  const counts: number[] = [];
  const firstChild: number[] = [];
  // per merged key: its part and its row there
  const partOf: number[] = [];
  const rowOf: number[] = [];
  parts.forEach((part, p) => {
    for (let j = 0; j < part.keys.length; j++) {
      const key = part.keys[j];
      const at = index.add(key);
      if (at < keys.length) {
        counts[at] += part.counts[j];
        continue;
      }
      keys.push(key);
      counts.push(part.counts[j]);
      firstChild.push(part.firstChild[j]);
      partOf.push(p);
      rowOf.push(j);
    }
  });
  const choices = new Int32Array(keys.length * SLOT_COUNT);
  for (let k = 0; k < keys.length; k++) copyRow(parts[partOf[k]].choices, rowOf[k], choices, k);
  return { keys, counts, firstChild, choices };
}

/** The choices of some distinct cases, packed for a worker. */
export function packChoices(counted: CountedCases, indices: readonly number[]): Int32Array {
  const packed = new Int32Array(indices.length * SLOT_COUNT);
  for (let j = 0; j < indices.length; j++) copyRow(counted.choices, indices[j], packed, j);
  return packed;
}

/** Row `from` of one table of choices (SLOT_COUNT a row) into row `to` of another, without a view per row. */
export function copyRow(source: Int32Array, from: number, target: Int32Array, to: number): void {
  for (let s = 0, a = from * SLOT_COUNT, b = to * SLOT_COUNT; s < SLOT_COUNT; s++) target[b + s] = source[a + s];
}

/**
 * The path of one case file, through the chosen engine; with the edges taken (for the map drawn on the procedure,
 * pathEdges.ts) unless `withEdges` is false: figures alone (the sensitivity analysis) skip a tenth of the run.
 */
export function runPath(caseFile: CaseFile, engine: Engine = 'fast', withEdges = true): PathSummary {
  const stepper = engine === 'fast' ? fastStepper : xstateStepper;
  if (!withEdges) return summariseTrace(runCase(caseFile, { stepper }));
  const recorder = recordEdges(stepper);
  return { ...summariseTrace(runCase(caseFile, { stepper: recorder.stepper })), edges: recorder.edges };
}

/** Runs the machine for packed choices (see packChoices); every adapter's workers call this. */
export function resolvePaths(
  sampler: Sampler,
  choices: Int32Array,
  engine: Engine = 'fast',
  onProgress?: (done: number, total: number) => void,
  withEdges = true,
): PathSummary[] {
  return createPathResolver(engine, withEdges)(sampler, choices, onProgress);
}

/**
 * resolvePaths for a series of tables of choices (a thread's share, piece by piece), keeping what the runs share
 * between pieces: equal paths are one object across them all, and the edges recorder and the run sharing are one.
 */
export function createPathResolver(
  engine: Engine = 'fast',
  withEdges = true,
): (sampler: Sampler, choices: Int32Array, onProgress?: (done: number, total: number) => void) => PathSummary[] {
  if (engine === 'fast') primeFastStepper();
  // Equal paths become one object: far less memory, and encodePaths and mergeByPath then match them by identity.
  const interner = new PathInterner();
  const plain = engine === 'fast' ? fastStepper : xstateStepper;
  // One recorder for every run (runPath's, without a summary per run: the interner builds one per new path).
  const recorder = withEdges ? recordEdges(plain) : undefined;
  // Case files with the same facts one after the other, so that their runs share their beginnings (the
  // reference engine is XState alone, run for run).
  const sharing = engine === 'fast' ? createRunSharing(recorder) : undefined;
  const options = { stepper: recorder?.stepper ?? plain, sharing };
  const row = new Int32Array(SLOT_COUNT);
  return (sampler, choices, onProgress) => {
    const total = choices.length / SLOT_COUNT;
    const out = new Array<PathSummary>(total);
    for (const [n, k] of byFacts(sampler, choices, total).entries()) {
      const caseFile = sampler.toCase(sampler.representative(choices, k, row));
      recorder?.reset();
      out[k] = interner.internTrace(runCase(caseFile, options), recorder?.edges);
      if (onProgress && (n + 1) % 500 === 0) onProgress(n + 1, total);
    }
    return out;
  };
}

/** Rows of a table of choices in order of their facts key (equal keys in table order). */
export function byFacts(sampler: Sampler, choices: Int32Array, total: number): Uint32Array {
  const keys = new Float64Array(total);
  for (let k = 0; k < total; k++) keys[k] = sampler.factsKey(choices, k);
  return new Uint32Array(total).map((_, k) => k).sort((a, b) => keys[a] - keys[b] || a - b);
}

/** A cohort drawn and looked up in the store: what is known, and which distinct cases still need the machine. */
export interface CohortPlan {
  request: CohortRequest;
  sampler: Sampler;
  counted: CountedCases;
  summaries: (PathSummary | undefined)[];
  /** indices into counted.keys of the cases no store knew */
  missing: number[];
  started: number;
}

/** `drawn`: the children already counted elsewhere (threads that drew ranges of them, mergeCounts); else drawn here. */
export function planCohort(
  request: CohortRequest,
  store?: PathStore,
  onProgress?: (report: ProgressReport) => void,
  drawn?: { counted: CountedCases; started: number },
): CohortPlan {
  const started = drawn?.started ?? performance.now();
  const sampler = createSampler(request.set, request.config);
  const counted =
    drawn?.counted ??
    countChildren(sampler, request.seed, 0, request.cohort, (done) => onProgress?.({ phase: 'drawing', done, total: request.cohort }));
  const summaries = counted.keys.map((key) => store?.get(key));
  const missing: number[] = [];
  summaries.forEach((s, i) => s === undefined && missing.push(i));
  return { request, sampler, counted, summaries, missing, started };
}

/**
 * The distinct cases' entries with those sharing a path merged into one (counts added, the first child kept),
 * in order of first appearance, with the first children of the merged ones (the edges' examples): aggregateCohort
 * then gives the same figures, in the same order, for far fewer entries. Equal paths are usually one object
 * already (decodePaths, resolvePaths); others are compared by value (PathIndex).
 */
export function mergeByPath(
  summaries: readonly (PathSummary | undefined)[],
  counts: ArrayLike<number>,
  firstChild: ArrayLike<number>,
  into: CohortEntry[] = [],
): CohortEntry[] {
  const byObject = new Map<PathSummary, CohortEntry>();
  const byValue = new PathIndex<CohortEntry>();
  for (let k = 0; k < summaries.length; k++) {
    const summary = summaries[k];
    if (!summary) throw new Error(`cohort: no path for distinct case ${k}`);
    let entry = byObject.get(summary);
    if (!entry) {
      entry = byValue.get(summary);
      if (!entry) {
        entry = { summary, count: 0, firstChild: firstChild[k], examples: [] };
        byValue.add(summary, entry);
        into.push(entry);
      }
      byObject.set(summary, entry);
    }
    entry.count += counts[k];
    entry.firstChild = Math.min(entry.firstChild, firstChild[k]);
    // The edges' example children (countEdges) come from every merged case file: keep the smallest few.
    addExample(entry.examples!, firstChild[k]);
  }
  return into;
}

/** Fills in resolved paths (share by share: indices into plan.counted.keys), adds them to the store, and aggregates. */
export function completeCohort(
  plan: CohortPlan,
  shares: readonly (readonly number[])[],
  resolved: readonly (readonly PathSummary[])[],
  store?: PathStore,
): CohortResult {
  shares.forEach((share, s) =>
    share.forEach((i, j) => {
      plan.summaries[i] = resolved[s][j];
      store?.set(plan.counted.keys[i], resolved[s][j]);
    }),
  );
  const { request, counted } = plan;
  const entries = mergeByPath(plan.summaries, counted.counts, counted.firstChild);
  const result = aggregateCohort(entries, {
    set: request.set,
    config: request.config,
    seed: request.seed,
    cohort: request.cohort,
  });
  return {
    ...result,
    stats: {
      distinctCases: counted.keys.length,
      machineRuns: plan.missing.length,
      elapsedMs: Math.round(performance.now() - plan.started),
    },
  };
}
