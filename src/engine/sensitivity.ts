// Sensitivity of cohort figures to the assumption set: the cohort is run once as set, then once per parameter
// moved to each end of its plausible range (one at a time, same seed and size, so a difference comes from that
// parameter alone). Runs go through the cohort orchestrator (orchestrate.ts); each run yields every figure, so
// one analysis serves any figure chosen afterwards (tableFor). Pure: the CLI, the UI worker and tests call it.
import { ANY_PROTECTION, VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';
import type { PathSummary } from './aggregate';
import { parseAssumptionSet, type AssumptionSet, type ParamName } from './assumptions/schema';
import type { CohortConfig } from './generate';
import { packChoices, planCohort, resolvePaths, type CohortRequest, type Engine, type PathStore } from './orchestrate';
import { categoricalMoves, type Move, probabilityMoves } from './sensitivityMoves';

export { categoricalBounds, moveWeight } from './sensitivityMoves';

/** The figures a tornado can be drawn for: shares of the cohort, decided on each child's path. */
export const SENSITIVITY_FIGURES = {
  protected: (s: PathSummary) => ANY_PROTECTION.includes(s.outcome),
  // As a victim: a victim-track document, not one of the durable-solution procedure (as aggregate.ts chokepoints).
  protectedAsVictim: (s: PathSummary) => VICTIM_PROTECTION.includes(s.outcome) && s.track !== 'durableSolution',
  disappeared: (s: PathSummary) => s.outcome === 'disappeared',
  notIdentified: (s: PathSummary) => s.outcome === 'notIdentified',
  mustLeave: (s: PathSummary) => s.outcome === 'mustLeave',
  returned: (s: PathSummary) => s.outcome === 'returned',
} as const;
export type SensitivityFigure = keyof typeof SENSITIVITY_FIGURES;
export const FIGURE_IDS = Object.keys(SENSITIVITY_FIGURES) as SensitivityFigure[];
export const DEFAULT_SENSITIVITY_COHORT = 20_000;
/** about 145 cohorts are run: beyond this the analysis would take many minutes */
export const MAX_SENSITIVITY_COHORT = 200_000;

type Figures = Record<SensitivityFigure, number>;

export interface SensitivityRequest extends CohortRequest {
  /** cohort defaults to DEFAULT_SENSITIVITY_COHORT when 0 */
  cohort: number;
}

/** One moved run: which parameter (and option, for weights), which end, the value used, and every figure. */
export interface Probe extends Move {
  figures: Figures;
}

export interface SensitivityRuns {
  format: 'pathway-sensitivity-runs/1';
  cohort: number;
  seed: number;
  config: CohortConfig;
  assumptionSet: { id: string; name: string };
  baseline: Figures;
  probes: Probe[];
  /** every parameter of the set, in the schema's order, with its source */
  params: { param: ParamName; source: string; categorical: boolean }[];
  stats: { runs: number; machineRuns: number; elapsedMs: number };
}

export interface SensitivityProgress {
  done: number;
  total: number;
}

export interface SensitivityOptions {
  /** paths known from earlier analyses of the same options, horizon and configuration (see storeScope) */
  store?: PathStore;
  engine?: Engine;
  onProgress?: (progress: SensitivityProgress) => void;
}

/**
 * Where a store of paths may be shared: moves change weights only, never the options, the horizon or the
 * configuration, so a cache key (generate.ts keyOf: the child's choices) names the same case file in every run.
 */
export function storeScope(set: AssumptionSet, config: CohortConfig): string {
  const options = Object.entries(set.params).map(([name, p]) => [name, typeof p.value === 'number' ? null : Object.keys(p.value)]);
  return JSON.stringify([options, set.horizonDays, config.asOf, config.practice, [...config.reforms].sort()]);
}

/** Every move of the set's parameters: low and high of each probability, of each option of a categorical. */
export function movesOf(set: AssumptionSet): Move[] {
  return (Object.keys(set.params) as ParamName[]).flatMap((param) =>
    typeof set.params[param].value === 'number' ? probabilityMoves(set, param) : categoricalMoves(set, param),
  );
}

/** The set with one move applied; checked against the schema, so a move can never produce a set the app refuses. */
export function applyMove(set: AssumptionSet, move: Move): AssumptionSet {
  const param = set.params[move.param];
  const moved = { ...param, value: move.weights ?? move.value } as typeof param;
  const next = { ...set, params: { ...set.params, [move.param]: moved } };
  const parsed = parseAssumptionSet(next);
  if (!parsed.ok)
    throw new Error(`sensitivity: moving ${move.param} to ${move.value} gives an invalid set: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.value;
}

function figuresOf(request: CohortRequest, store: PathStore, engine: Engine | undefined): { figures: Figures; machineRuns: number } {
  const plan = planCohort(request, store);
  // Its own store (storeScope), so paths without edges never reach a cohort's map.
  const resolved = resolvePaths(plan.sampler, packChoices(plan.counted, plan.missing), engine, undefined, false);
  plan.missing.forEach((i, j) => {
    plan.summaries[i] = resolved[j];
    store.set(plan.counted.keys[i], resolved[j]);
  });
  const figures = Object.fromEntries(FIGURE_IDS.map((f) => [f, 0])) as Figures;
  plan.summaries.forEach((summary, k) => {
    for (const f of FIGURE_IDS) if (SENSITIVITY_FIGURES[f](summary!)) figures[f] += plan.counted.counts[k];
  });
  for (const f of FIGURE_IDS) figures[f] /= request.cohort;
  return { figures, machineRuns: plan.missing.length };
}

export function analyseSensitivity(request: SensitivityRequest, options: SensitivityOptions = {}): SensitivityRuns {
  const started = performance.now();
  const cohort = request.cohort || DEFAULT_SENSITIVITY_COHORT;
  const store = options.store ?? new Map<number, PathSummary>();
  const moves = movesOf(request.set);
  const total = moves.length + 1;
  let machineRuns = 0;
  const run = (set: AssumptionSet) => {
    const r = figuresOf({ ...request, set, cohort }, store, options.engine);
    machineRuns += r.machineRuns;
    return r.figures;
  };
  const baseline = run(request.set);
  options.onProgress?.({ done: 1, total });
  const probes = moves.map((move, k) => {
    // A move that stays on the set's own value is the baseline run again: not repeated.
    const figures = move.value === move.from ? { ...baseline } : run(applyMove(request.set, move));
    options.onProgress?.({ done: k + 2, total });
    return { ...move, figures };
  });
  return {
    format: 'pathway-sensitivity-runs/1',
    cohort,
    seed: request.seed,
    config: request.config,
    assumptionSet: { id: request.set.id, name: request.set.name },
    baseline,
    probes,
    params: (Object.keys(request.set.params) as ParamName[]).map((param) => ({
      param,
      source: request.set.params[param].source,
      categorical: typeof request.set.params[param].value !== 'number',
    })),
    stats: { runs: total - probes.filter((p) => p.value === p.from).length, machineRuns, elapsedMs: Math.round(performance.now() - started) },
  };
}

export interface SensitivityRow {
  param: ParamName;
  label: string;
  /** for weights over options: the option moved (the one that moves the figure most), the others renormalised */
  option?: string;
  /** the parameter's (or option's weight's) value in the set, and the low and high values used */
  value: number;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
  baseline: number;
  /** the widest gap among atLow, atHigh and baseline (|atHigh − atLow| when the figure moves one way) */
  swing: number;
  /** true: the parameter has a source; false: it is labelled "assumption" */
  cited: boolean;
  source: string;
}

export interface SensitivityTable {
  format: 'pathway-sensitivity/1';
  figure: SensitivityFigure;
  cohort: number;
  seed: number;
  asOf: string;
  practice: CohortConfig['practice'];
  reforms: CohortConfig['reforms'];
  assumptionSet: { id: string; name: string };
  baseline: number;
  /** widest swing first; ties keep the schema's order */
  rows: SensitivityRow[];
  stats: SensitivityRuns['stats'];
}

const spread = (...xs: number[]) => Math.max(...xs) - Math.min(...xs);

/** The tornado's rows for one figure. `labelOf` names a parameter (the CLI and UI pass their catalogue's words). */
export function tableFor(runs: SensitivityRuns, figure: SensitivityFigure, labelOf: (param: ParamName) => string = (p) => p): SensitivityTable {
  const baseline = runs.baseline[figure];
  const rows = runs.params.map(({ param, source }): SensitivityRow => {
    const probes = runs.probes.filter((p) => p.param === param);
    // Per option (one entry for a probability): its low and high probe; the option with the widest swing is kept.
    const byOption = new Map<string, { low?: Probe; high?: Probe }>();
    for (const p of probes) {
      const entry = byOption.get(p.option ?? '') ?? {};
      entry[p.end] = p;
      byOption.set(p.option ?? '', entry);
    }
    let best: SensitivityRow | undefined;
    for (const [option, { low, high }] of byOption) {
      if (!low || !high) throw new Error(`sensitivity: ${param} ${option} lacks a low or high run`);
      const row: SensitivityRow = {
        param,
        label: labelOf(param),
        ...(low.option !== undefined ? { option } : {}),
        value: low.from,
        low: low.value,
        high: high.value,
        atLow: low.figures[figure],
        atHigh: high.figures[figure],
        baseline,
        swing: spread(low.figures[figure], high.figures[figure], baseline),
        cited: source !== 'assumption',
        source,
      };
      if (!best || row.swing > best.swing) best = row;
    }
    if (!best) throw new Error(`sensitivity: no run moved ${param}`);
    return best;
  });
  const order = new Map(runs.params.map((p, i) => [p.param, i]));
  rows.sort((a, b) => b.swing - a.swing || order.get(a.param)! - order.get(b.param)!);
  return {
    format: 'pathway-sensitivity/1',
    figure,
    cohort: runs.cohort,
    seed: runs.seed,
    asOf: runs.config.asOf,
    practice: runs.config.practice,
    reforms: [...runs.config.reforms],
    assumptionSet: runs.assumptionSet,
    baseline,
    rows,
    stats: runs.stats,
  };
}
