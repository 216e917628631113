// Aggregation of a cohort's traces into the figures the views and the CLI show. Works on distinct cases
// with a child count each, so a million children cost as much as their distinct case files.
import { ANY_PROTECTION, VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';
import type { MilestoneId, OutcomeId, TrackId, Trace } from '../../machines/case/types';
import type { AssumptionSet, ParamName, Target } from './assumptions/schema';
import type { CohortConfig } from './generate';
import { countEdges, type EdgeCounts } from './pathEdges';
import { buildFlows, nodeIdsOf, OUTCOME_PREFIX, OVERVIEW_MILESTONES, type Flow, type FlowGraph, type FlowNode } from './flows';

export { buildFlows, COHORT_SOURCE, orderNodes, OUTCOME_PREFIX, OVERVIEW_MILESTONES, type Flow, type FlowGraph, type FlowNode } from './flows';

/** What aggregation needs from a trace: milestones in trace order with their day, and the outcome. */
export interface PathSummary {
  milestones: { id: MilestoneId; day: number }[];
  outcome: OutcomeId;
  /** the procedure on the horizon (optional: summaries cached before the field existed) */
  track?: TrackId;
  outcomeDay: number;
  assumptions: string[];
  /** the distinct statechart edges taken, first-taken order, as indices into getProcedureEdges() (pathEdges.ts) */
  edges?: number[];
}
/** A trace's path (or a summary's: the same fields). */
export function summariseTrace(trace: Pick<Trace | PathSummary, 'milestones' | 'outcome' | 'track' | 'outcomeDay' | 'assumptions'>): PathSummary {
  return {
    milestones: trace.milestones.map((m) => ({ id: m.id, day: m.day })),
    outcome: trace.outcome,
    track: trace.track,
    outcomeDay: trace.outcomeDay,
    assumptions: trace.assumptions,
  };
}

/** One distinct case file of the cohort: its path, how many children share it, and the first of them. */
export interface CohortEntry {
  summary: PathSummary;
  count: number;
  firstChild: number;
  /** merged entries (mergeByPath): the first children of the merged case files, the EDGE_EXAMPLES smallest */
  examples?: number[];
}

export interface Variant {
  milestones: string[];
  outcome: OutcomeId;
  count: number;
  share: number;
  example: number;
}
export interface TimeDistribution {
  count: number;
  p10: number;
  p50: number;
  p90: number;
  /** children reaching it, by day bin: bins[k] counts days in [k·binDays, (k+1)·binDays) */
  bins: number[];
}
export interface Chokepoint {
  id: MilestoneId;
  reached: number;
  /** of those reaching it, how many end protected */
  protected: number;
}
export interface TargetCheck {
  id: string;
  label: string;
  value: number;
  tolerance: number;
  measured: number | null;
  within: boolean;
  source: string;
}

export interface CohortResult {
  format: 'pathway-cohort/1';
  cohort: number;
  seed: number;
  asOf: string;
  practice: CohortConfig['practice'];
  reforms: CohortConfig['reforms'];
  assumptionSet: { id: string; name: string; yearlyChildren: number };
  /** parameters of the set labelled "assumption" rather than sourced */
  assumedParams: ParamName[];
  outcomes: Partial<Record<OutcomeId, number>>;
  /** per outcome, its children by the procedure they are in at the horizon (`track`): a B card of the victim
   *  procedure and one of the durable-solution procedure are the same outcome, not the same path */
  outcomeTracks: Partial<Record<OutcomeId, Partial<Record<TrackId, number>>>>;
  outcomeExamples: Partial<Record<OutcomeId, number>>;
  /** children reaching each milestone at least once */
  milestones: Partial<Record<MilestoneId, number>>;
  milestoneExamples: Partial<Record<MilestoneId, number>>;
  nodes: FlowNode[];
  flows: Flow[];
  /** children whose milestones are drawn in the typical order rather than their own (see buildFlows) */
  reorderedChildren: number;
  /** the same flows through the OVERVIEW_MILESTONES only, repeats capped at #3+ (the Sankey's default view) */
  overview: FlowGraph;
  variants: Variant[];
  variantCount: number;
  times: {
    binDays: number;
    milestones: Partial<Record<MilestoneId, TimeDistribution>>;
    outcomes: Partial<Record<OutcomeId, TimeDistribution>>;
  };
  chokepoints: { victimProtection: Chokepoint[]; anyProtection: Chokepoint[] };
  targets: TargetCheck[];
  /** the engine's own modelling assumptions, with how many children each touched */
  engineAssumptions: Record<string, number>;
  /** children per statechart edge, with a few examples each: the map drawn on the procedure */
  transitions: EdgeCounts;
  stats: { distinctCases: number; machineRuns: number; elapsedMs: number };
}

function quantile(sortedDays: [number, number][], total: number, q: number): number {
  let cumulative = 0;
  for (const [day, count] of sortedDays) {
    cumulative += count;
    if (cumulative >= q * total) return day;
  }
  return sortedDays.length ? sortedDays[sortedDays.length - 1][0] : 0;
}
function toDistribution(
  days: Map<number, number>,
  binDays: number,
  horizon: number,
): TimeDistribution {
  const sorted = [...days].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, c]) => sum + c, 0);
  const bins = new Array<number>(Math.floor(horizon / binDays) + 1).fill(0);
  for (const [day, count] of sorted)
    bins[Math.min(bins.length - 1, Math.max(0, Math.floor(day / binDays)))] += count;
  return {
    count: total,
    p10: quantile(sorted, total, 0.1),
    p50: quantile(sorted, total, 0.5),
    p90: quantile(sorted, total, 0.9),
    bins,
  };
}
function addTo<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}
function minTo<K>(map: Map<K, number>, key: K, n: number) {
  const current = map.get(key);
  if (current === undefined || n < current) map.set(key, n);
}

function measureTarget(
  target: Target,
  entries: CohortEntry[],
  cohort: number,
  yearlyChildren: number,
): number | null {
  const reaches = (e: CohortEntry, ids: string[]) =>
    ids.some((id) =>
      id.startsWith(OUTCOME_PREFIX)
        ? e.summary.outcome === id.slice(OUTCOME_PREFIX.length)
        : milestonesOf(e.summary).has(id),
    );
  const of = entries.filter((e) => reaches(e, target.metric.of)).reduce((s, e) => s + e.count, 0);
  if (target.metric.kind === 'perYear') return (of / cohort) * yearlyChildren;
  const among = target.metric.among;
  if (!among) return of / cohort;
  const base = entries.filter((e) => reaches(e, among));
  const denominator = base.reduce((s, e) => s + e.count, 0);
  const numerator = base
    .filter((e) => reaches(e, target.metric.of))
    .reduce((s, e) => s + e.count, 0);
  return denominator === 0 ? null : numerator / denominator;
}

/** The milestones a path reaches, as a set (worked out once per path: the figures below ask it for every entry). */
const milestoneSets = new WeakMap<PathSummary, ReadonlySet<string>>();
function milestonesOf(summary: PathSummary): ReadonlySet<string> {
  let ids = milestoneSets.get(summary);
  if (!ids) milestoneSets.set(summary, (ids = new Set(summary.milestones.map((m) => m.id))));
  return ids;
}

function chokepointsFor(entries: CohortEntry[], protectedOutcomes: OutcomeId[], asVictim = false): Chokepoint[] {
  // Protected as a victim: a victim-track document, not one of the durable-solution procedure (same outcome ids).
  const isProtected = (e: CohortEntry) =>
    protectedOutcomes.includes(e.summary.outcome) && !(asVictim && e.summary.track === 'durableSolution');
  const toProtection = entries.filter((e) => e.count > 0 && isProtected(e));
  if (toProtection.length === 0) return [];
  // The milestones every protected child passed, in the order the first of them passed them.
  let common = [...milestonesOf(toProtection[0].summary)];
  for (const e of toProtection) {
    const ids = milestonesOf(e.summary);
    common = common.filter((id) => ids.has(id));
  }
  const reached = common.map(() => 0);
  const protectedCount = common.map(() => 0);
  for (const e of entries) {
    const ids = milestonesOf(e.summary);
    const isProtectedEntry = isProtected(e);
    common.forEach((id, i) => {
      if (!ids.has(id)) return;
      reached[i] += e.count;
      if (isProtectedEntry) protectedCount[i] += e.count;
    });
  }
  return common.map((id, i) => ({ id: id as MilestoneId, reached: reached[i], protected: protectedCount[i] }));
}

export interface AggregateOptions {
  set: AssumptionSet;
  config: CohortConfig;
  seed: number;
  cohort: number;
  topVariants?: number;
  binDays?: number;
}

export function aggregateCohort(
  entries: CohortEntry[],
  options: AggregateOptions,
): Omit<CohortResult, 'stats'> {
  const { set, config, seed, cohort } = options;
  const binDays = options.binDays ?? 30;
  const outcomes = new Map<OutcomeId, number>();
  const outcomeTracks = new Map<OutcomeId, Map<TrackId, number>>();
  const outcomeExamples = new Map<OutcomeId, number>();
  const milestones = new Map<MilestoneId, number>();
  const milestoneExamples = new Map<MilestoneId, number>();
  const milestoneDays = new Map<MilestoneId, Map<number, number>>();
  const outcomeDays = new Map<OutcomeId, Map<number, number>>();
  const variants = new Map<string, Variant>();
  const engineAssumptions = new Map<string, number>();

  // per milestone: the entry that last reached it (first reaches of an entry, without a set per entry)
  const lastEntry = new Map<MilestoneId, number>();
  // every entry's milestone nodes: the variants' and the full flows' (buildFlows)
  const nodeIdsOfEntry = new Array<string[]>(entries.length);
  for (let k = 0; k < entries.length; k++) {
    const { summary, count, firstChild } = entries[k];
    addTo(outcomes, summary.outcome, count);
    let tracks = outcomeTracks.get(summary.outcome);
    if (!tracks) outcomeTracks.set(summary.outcome, (tracks = new Map()));
    addTo(tracks, summary.track ?? 'none', count);
    minTo(outcomeExamples, summary.outcome, firstChild);
    const days = outcomeDays.get(summary.outcome) ?? new Map();
    addTo(days, summary.outcomeDay, count);
    outcomeDays.set(summary.outcome, days);
    for (const m of summary.milestones) {
      if (lastEntry.get(m.id) === k) continue;
      lastEntry.set(m.id, k);
      addTo(milestones, m.id, count);
      minTo(milestoneExamples, m.id, firstChild);
      const md = milestoneDays.get(m.id) ?? new Map();
      addTo(md, m.day, count);
      milestoneDays.set(m.id, md);
    }
    const nodeIds = (nodeIdsOfEntry[k] = nodeIdsOf(summary));
    const variantKey = `${nodeIds.join('>')}|${summary.outcome}`;
    const v = variants.get(variantKey);
    if (v) {
      v.count += count;
      v.example = Math.min(v.example, firstChild);
    } else
      variants.set(variantKey, {
        milestones: nodeIds,
        outcome: summary.outcome,
        count,
        share: 0,
        example: firstChild,
      });
    for (const a of summary.assumptions) addTo(engineAssumptions, a, count);
  }

  const all = buildFlows(entries, cohort, undefined, Infinity, nodeIdsOfEntry);
  const overview = buildFlows(entries, cohort, OVERVIEW_MILESTONES, 3);

  const topVariants = [...variants.values()]
    .sort((a, b) => b.count - a.count || a.example - b.example)
    .slice(0, options.topVariants ?? 20)
    .map((v) => ({ ...v, share: v.count / cohort }));

  return {
    format: 'pathway-cohort/1',
    cohort,
    seed,
    asOf: config.asOf,
    practice: config.practice,
    reforms: [...config.reforms],
    assumptionSet: { id: set.id, name: set.name, yearlyChildren: set.yearlyChildren.value },
    assumedParams: (Object.keys(set.params) as ParamName[]).filter((name) => set.params[name].source === 'assumption'),
    outcomes: Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
    outcomeTracks: Object.fromEntries(
      [...outcomeTracks].map(([id, tracks]) => [id, Object.fromEntries([...tracks].sort((a, b) => b[1] - a[1]))]),
    ),
    outcomeExamples: Object.fromEntries(outcomeExamples),
    milestones: Object.fromEntries([...milestones].sort((a, b) => b[1] - a[1])),
    milestoneExamples: Object.fromEntries(milestoneExamples),
    nodes: all.nodes,
    flows: all.flows,
    reorderedChildren: all.reorderedChildren,
    overview,
    variants: topVariants,
    variantCount: variants.size,
    times: {
      binDays,
      milestones: Object.fromEntries(
        [...milestoneDays].map(([id, d]) => [id, toDistribution(d, binDays, set.horizonDays)]),
      ),
      outcomes: Object.fromEntries(
        [...outcomeDays].map(([id, d]) => [id, toDistribution(d, binDays, set.horizonDays)]),
      ),
    },
    chokepoints: {
      victimProtection: chokepointsFor(entries, VICTIM_PROTECTION, true),
      anyProtection: chokepointsFor(entries, ANY_PROTECTION),
    },
    targets: set.targets.map((t) => {
      const measured = measureTarget(t, entries, cohort, set.yearlyChildren.value);
      return {
        id: t.id,
        label: t.label,
        value: t.value,
        tolerance: t.tolerance,
        measured,
        within: measured !== null && Math.abs(measured - t.value) <= t.tolerance,
        source: t.source,
      };
    }),
    engineAssumptions: Object.fromEntries([...engineAssumptions].sort((a, b) => b[1] - a[1])),
    transitions: countEdges(entries),
  };
}
