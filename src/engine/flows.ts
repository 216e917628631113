// The cohort's flows for the Sankey: from the cohort through each child's milestones to its outcome, with nodes
// in one typical order so the graph stays acyclic (d3-sankey needs it).
import { MILESTONE_IDS, MILESTONES } from '../../machines/catalogue/milestones';
import type { CohortEntry, PathSummary } from './aggregate';

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
/** Milestone nodes of a path: repeats get an ordinal (`temporaryResidenceCard#2`), capped at `maxOrdinal` ("#3+"). */
export function nodeIdsOf(
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
  /** each entry's nodeIdsOf(summary, keep, maxOrdinal), when the caller has them already */
  nodeIds?: readonly string[][],
): FlowGraph {
  const paths = nodeIds ?? entries.map((e) => nodeIdsOf(e.summary, keep, maxOrdinal));
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const path of paths)
    for (const id of path) if (!indexOf.has(id)) indexOf.set(id, ids.push(id) - 1);
  const groups = groupPaths(entries, paths, indexOf);
  // precedence[b * n + a]: children who pass node a before node b
  const n = ids.length;
  const precedence = new Float64Array(n * n);
  for (const { at, count } of groups)
    for (let j = 1; j < at.length; j++)
      for (let i = 0; i < j; i++) precedence[at[j] * n + at[i]] += count;
  const order = orderNodes(ids, precedence);
  // Nodes by number from here on (milestones 0…n-1, then outcomes as met, then the cohort): no string keys per flow.
  const rankOf = new Int32Array(n);
  order.forEach((id, i) => (rankOf[indexOf.get(id)!] = i));
  const rank = new Map(order.map((id, i) => [id, i]));
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const names = [...ids];
  const outcomeNode = new Map<string, number>();
  const source = -1;
  const nameOf = (node: number) => (node === source ? COHORT_SOURCE : names[node]);
  const flowMap = new Map<number, Flow>();
  const nodeMap = new Map<number, FlowNode>();
  const addFlow = (from: number, to: number, count: number, example: number) => {
    const key = (from + 1) * 65_536 + to;
    const f = flowMap.get(key);
    if (f) {
      f.count += count;
      f.example = Math.min(f.example, example);
    } else flowMap.set(key, { from: nameOf(from), to: names[to], count, example });
    const node = nodeMap.get(to);
    if (node) {
      node.count += count;
      node.example = Math.min(node.example, example);
    } else nodeMap.set(to, { id: names[to], count, example });
  };
  let reorderedChildren = 0;
  let firstChildOverall = Infinity;
  for (const { at: own, outcome: outcomeId, count, firstChild } of groups) {
    firstChildOverall = Math.min(firstChildOverall, firstChild);
    const ordered = own.slice().sort((a, b) => rankOf[a] - rankOf[b]);
    if (ordered.some((node, i) => node !== own[i])) reorderedChildren += count;
    let outcome = outcomeNode.get(outcomeId);
    if (outcome === undefined) {
      outcome = names.push(`${OUTCOME_PREFIX}${outcomeId}`) - 1;
      outcomeNode.set(outcomeId, outcome);
    }
    let from = source;
    for (const node of ordered) {
      addFlow(from, node, count, firstChild);
      from = node;
    }
    addFlow(from, outcome, count, firstChild);
  }
  const nodes = [...nodeMap.values()];
  if (entries.length) nodes.push({ id: COHORT_SOURCE, count: cohort, example: firstChildOverall });
  const isOutcome = (id: string) => id.startsWith(OUTCOME_PREFIX);
  const nodeOrder = (a: FlowNode, b: FlowNode): number => {
    if (a.id === COHORT_SOURCE) return -1;
    if (b.id === COHORT_SOURCE) return 1;
    if (isOutcome(a.id) !== isOutcome(b.id)) return isOutcome(a.id) ? 1 : -1;
    return isOutcome(a.id) ? b.count - a.count : byRank(a.id, b.id);
  };
  return {
    nodes: nodes.sort(nodeOrder),
    flows: [...flowMap.values()],
    reorderedChildren,
  };
}

/** Entries through the same nodes to the same outcome: they draw the same flows. */
interface PathGroup {
  /** the nodes, by number */
  at: number[];
  outcome: string;
  count: number;
  firstChild: number;
}

/**
 * The entries grouped by nodes and outcome, in order of first appearance, counts added and the first child kept:
 * a cohort's paths share far fewer node sequences (the flows drop the days), and each group is drawn once. Sums
 * of whole counts are exact, so the flows are those of drawing every entry.
 */
function groupPaths(entries: readonly CohortEntry[], paths: readonly string[][], indexOf: ReadonlyMap<string, number>): PathGroup[] {
  const groups: PathGroup[] = [];
  // hash → the last group with it; groups with the same hash chain through `sameHash`
  const lastWith = new Map<number, number>();
  const sameHash: number[] = [];
  const outcomes = new Map<string, number>();
  for (let k = 0; k < entries.length; k++) {
    const path = paths[k];
    const outcome = entries[k].summary.outcome;
    let o = outcomes.get(outcome);
    if (o === undefined) outcomes.set(outcome, (o = outcomes.size));
    const at = new Array<number>(path.length);
    let h = Math.imul(0x811c9dc5 ^ o, 0x01000193);
    for (let j = 0; j < path.length; j++) h = Math.imul(h ^ (at[j] = indexOf.get(path[j])!), 0x01000193);
    let g = lastWith.get(h) ?? -1;
    while (g >= 0 && !(groups[g].outcome === outcome && sameNumbers(groups[g].at, at))) g = sameHash[g];
    if (g >= 0) {
      groups[g].count += entries[k].count;
      groups[g].firstChild = Math.min(groups[g].firstChild, entries[k].firstChild);
      continue;
    }
    sameHash.push(lastWith.get(h) ?? -1);
    lastWith.set(h, groups.length);
    groups.push({ at, outcome, count: entries[k].count, firstChild: entries[k].firstChild });
  }
  return groups;
}
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
