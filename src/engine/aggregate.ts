// Aggregation of a cohort's traces into the figures the views and the CLI show. Works on distinct cases
// with a child count each, so a million children cost as much as their distinct case files.
import { MILESTONE_IDS, MILESTONES } from '../../machines/catalogue/milestones';
import { ANY_PROTECTION, VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';
import type { MilestoneId, OutcomeId, TrackId, Trace } from '../../machines/case/types';
import type { AssumptionSet, Target } from './assumptions/schema';
import type { CohortConfig } from './generate';

/** What aggregation needs from a trace: milestones in trace order with their day, and the outcome. */
export interface PathSummary {
  milestones: { id: MilestoneId; day: number }[];
  outcome: OutcomeId;
  /** the procedure on the horizon (optional: summaries cached before the field existed) */
  track?: TrackId;
  outcomeDay: number;
  assumptions: string[];
}
export function summariseTrace(trace: Trace): PathSummary {
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
}

export const COHORT_SOURCE = 'cohort';
export const OUTCOME_PREFIX = 'outcome:';

export interface FlowNode {
  /** milestone id with an ordinal from its second occurrence (`temporaryResidenceCard#2`), `cohort`, or `outcome:<id>` */
  id: string;
  count: number;
  example: number;
}
export interface Flow {
  from: string;
  to: string;
  count: number;
  example: number;
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
  assumedParams: string[];
  outcomes: Partial<Record<OutcomeId, number>>;
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
  stats: { distinctCases: number; machineRuns: number; elapsedMs: number };
}

/** Milestone nodes of a path: repeats get an ordinal (`temporaryResidenceCard#2`), capped at `maxOrdinal` ("#3+"). */
function nodeIdsOf(
  summary: PathSummary,
  keep?: ReadonlySet<string>,
  maxOrdinal = Infinity,
): string[] {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  for (const m of summary.milestones) {
    if (keep && !keep.has(m.id)) continue;
    const n = (seen.get(m.id) ?? 0) + 1;
    seen.set(m.id, n);
    if (n > maxOrdinal) continue; // later repeats stay in the capped node
    ids.push(n === 1 ? m.id : n === maxOrdinal ? `${m.id}#${n}+` : `${m.id}#${n}`);
  }
  return ids;
}

/** The milestones of the overview Sankey (the catalogue's `shownInOverview`); outcomes carry the rest. */
export const OVERVIEW_MILESTONES: ReadonlySet<string> = new Set(MILESTONE_IDS.filter((id) => MILESTONES[id].shownInOverview));

export interface FlowGraph {
  nodes: FlowNode[];
  flows: Flow[];
  /** children whose milestones are drawn in the typical order rather than their own */
  reorderedChildren: number;
}

/**
 * Flows from the cohort through each child's milestones to its outcome. Children differ in the order of
 * some milestones; drawing every path in one typical order (orderNodes) keeps the graph acyclic, as
 * d3-sankey needs, while each child still passes each of its nodes once, so flows add up.
 */
export function buildFlows(
  entries: CohortEntry[],
  cohort: number,
  keep?: ReadonlySet<string>,
  maxOrdinal = Infinity,
): FlowGraph {
  const paths = entries.map((e) => nodeIdsOf(e.summary, keep, maxOrdinal));
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const path of paths)
    for (const id of path) if (!indexOf.has(id)) indexOf.set(id, ids.push(id) - 1);
  // precedence[b * n + a]: children who pass node a before node b
  const n = ids.length;
  const precedence = new Float64Array(n * n);
  paths.forEach((path, k) => {
    const at = path.map((id) => indexOf.get(id)!);
    for (let j = 1; j < at.length; j++)
      for (let i = 0; i < j; i++) precedence[at[j] * n + at[i]] += entries[k].count;
  });
  const order = orderNodes(ids, precedence);
  const rank = new Map(order.map((id, i) => [id, i]));
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const flowMap = new Map<string, Flow>();
  const nodeMap = new Map<string, FlowNode>();
  const addFlow = (from: string, to: string, count: number, example: number) => {
    const key = `${from}\u0000${to}`;
    const f = flowMap.get(key);
    if (f) {
      f.count += count;
      f.example = Math.min(f.example, example);
    } else flowMap.set(key, { from, to, count, example });
    const n = nodeMap.get(to);
    if (n) {
      n.count += count;
      n.example = Math.min(n.example, example);
    } else nodeMap.set(to, { id: to, count, example });
  };
  let reorderedChildren = 0;
  let firstChildOverall = Infinity;
  entries.forEach(({ summary, count, firstChild }, k) => {
    firstChildOverall = Math.min(firstChildOverall, firstChild);
    const own = paths[k];
    const ordered = [...own].sort(byRank);
    if (ordered.some((id, i) => id !== own[i])) reorderedChildren += count;
    const path = [COHORT_SOURCE, ...ordered, `${OUTCOME_PREFIX}${summary.outcome}`];
    for (let i = 1; i < path.length; i++) addFlow(path[i - 1], path[i], count, firstChild);
  });
  if (entries.length)
    nodeMap.set(COHORT_SOURCE, { id: COHORT_SOURCE, count: cohort, example: firstChildOverall });
  const isOutcome = (id: string) => id.startsWith(OUTCOME_PREFIX);
  const nodeOrder = (a: FlowNode, b: FlowNode): number => {
    if (a.id === COHORT_SOURCE) return -1;
    if (b.id === COHORT_SOURCE) return 1;
    if (isOutcome(a.id) !== isOutcome(b.id)) return isOutcome(a.id) ? 1 : -1;
    return isOutcome(a.id) ? b.count - a.count : byRank(a.id, b.id);
  };
  return {
    nodes: [...nodeMap.values()].sort(nodeOrder),
    flows: [...flowMap.values()],
    reorderedChildren,
  };
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
        : e.summary.milestones.some((m) => m.id === id),
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

function chokepointsFor(entries: CohortEntry[], protectedOutcomes: OutcomeId[], asVictim = false): Chokepoint[] {
  // Protected as a victim: a victim-track document, not one of the durable-solution procedure (same outcome ids).
  const isProtected = (e: CohortEntry) =>
    protectedOutcomes.includes(e.summary.outcome) && !(asVictim && e.summary.track === 'durableSolution');
  const toProtection = entries.filter((e) => e.count > 0 && isProtected(e));
  if (toProtection.length === 0) return [];
  let common = new Set(toProtection[0].summary.milestones.map((m) => m.id));
  for (const e of toProtection) {
    const ids = new Set(e.summary.milestones.map((m) => m.id));
    common = new Set([...common].filter((id) => ids.has(id)));
  }
  return [...common].map((id) => {
    const reaching = entries.filter((e) => e.summary.milestones.some((m) => m.id === id));
    return {
      id,
      reached: reaching.reduce((s, e) => s + e.count, 0),
      protected: reaching
        .filter(isProtected)
        .reduce((s, e) => s + e.count, 0),
    };
  });
}

/**
 * A total order of the nodes that agrees with as many children's own orders as possible: Kahn's topological
 * sort on "a before b" counts (every pair in every path), breaking any cycle at the node the fewest
 * remaining children reach after another remaining node.
 */
export function orderNodes(ids: string[], precedence: Float64Array): string[] {
  const n = ids.length;
  const remaining = new Set(ids.map((_, i) => i));
  const order: string[] = [];
  // Ties go to the alphabetically first id, so the order does not depend on the order nodes were met.
  const byName = [...remaining].sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  while (remaining.size) {
    let best = -1;
    let bestWeight = Infinity;
    for (const b of byName) {
      if (!remaining.has(b)) continue;
      let w = 0;
      for (const a of remaining) if (a !== b) w += precedence[b * n + a];
      if (w < bestWeight) [best, bestWeight] = [b, w];
    }
    order.push(ids[best]);
    remaining.delete(best);
  }
  return order;
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
  const outcomeExamples = new Map<OutcomeId, number>();
  const milestones = new Map<MilestoneId, number>();
  const milestoneExamples = new Map<MilestoneId, number>();
  const milestoneDays = new Map<MilestoneId, Map<number, number>>();
  const outcomeDays = new Map<OutcomeId, Map<number, number>>();
  const variants = new Map<string, Variant>();
  const engineAssumptions = new Map<string, number>();

  for (const e of entries) {
    const { summary, count, firstChild } = e;
    addTo(outcomes, summary.outcome, count);
    minTo(outcomeExamples, summary.outcome, firstChild);
    const days = outcomeDays.get(summary.outcome) ?? new Map();
    addTo(days, summary.outcomeDay, count);
    outcomeDays.set(summary.outcome, days);
    const firstSeen = new Set<MilestoneId>();
    for (const m of summary.milestones) {
      if (firstSeen.has(m.id)) continue;
      firstSeen.add(m.id);
      addTo(milestones, m.id, count);
      minTo(milestoneExamples, m.id, firstChild);
      const md = milestoneDays.get(m.id) ?? new Map();
      addTo(md, m.day, count);
      milestoneDays.set(m.id, md);
    }
    const nodeIds = nodeIdsOf(summary);
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

  const all = buildFlows(entries, cohort);
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
    assumedParams: Object.entries(set.params)
      .filter(([, p]) => p.source === 'assumption')
      .map(([name]) => name),
    outcomes: Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
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
  };
}
