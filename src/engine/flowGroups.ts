// Small flows grouped into "other" for the Sankey, as process-mining tools' sliders do: the "activities" slider
// keeps the most frequent milestones, the "paths" slider the milestones reaching at least a share of the cohort;
// the rest of each column merges into one "other" node. Columns are depths (longest path from the cohort): no
// child passes two nodes of one depth, so a merged node's children are the sum of its members' and every flow
// into and out of it is a sum of real flows (counts conserved, graph still acyclic). Drop-out sinks (every
// outcome, and the milestones that leave the line, stage 12: not identified, disappeared, returned, adult track,
// residence withdrawn) are never merged.
import { MILESTONES } from '../../machines/catalogue/milestones';
import type { MilestoneId } from '../../machines/case/types';
import { COHORT_SOURCE, OUTCOME_PREFIX, type Flow, type FlowNode } from './flows';

export const OTHER_PREFIX = 'other@';

export interface GroupedNode extends FlowNode {
  /** for an "other" node: the ids it holds, largest first */
  members?: string[];
}
export interface GroupedGraph {
  nodes: GroupedNode[];
  flows: Flow[];
  /** milestone nodes the sliders rank (all but the cohort and the sinks), most frequent first */
  ranked: string[];
  /** ranked nodes merged into an "other" node */
  hidden: string[];
}
export interface GroupOptions {
  /** how many of the ranked milestone nodes are shown, most frequent first (clamped to 0…ranked) */
  activities: number;
  /** smallest share of the cohort (0…1) a milestone node must reach to be shown on its own */
  minShare: number;
  /** ids shown whatever the sliders (an "other" node the reader expanded) */
  expanded?: ReadonlySet<string>;
}

/** A node kept whatever the sliders: the cohort, an outcome, or a milestone that ends the line (stage 12). */
export function isSink(id: string): boolean {
  if (id === COHORT_SOURCE || id.startsWith(OUTCOME_PREFIX)) return true;
  const entry = MILESTONES[id.split('#')[0] as MilestoneId] as (typeof MILESTONES)[MilestoneId] | undefined;
  return entry?.stage === 12;
}

/** Depth of each node: the longest path from a node with no flow in (Kahn's order over the flows). */
export function depths(nodes: readonly FlowNode[], flows: readonly Flow[]): Map<string, number> {
  const depth = new Map(nodes.map((n) => [n.id, 0]));
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const f of flows) {
    indegree.set(f.to, (indegree.get(f.to) ?? 0) + 1);
    const list = out.get(f.from);
    if (list) list.push(f.to);
    else out.set(f.from, [f.to]);
  }
  const queue = nodes.map((n) => n.id).filter((id) => indegree.get(id) === 0);
  let seen = 0;
  while (queue.length) {
    const id = queue.shift()!;
    seen++;
    for (const to of out.get(id) ?? []) {
      depth.set(to, Math.max(depth.get(to) ?? 0, depth.get(id)! + 1));
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) queue.push(to);
    }
  }
  if (seen < nodes.length) throw new Error(`flows: the graph has a cycle (${nodes.length - seen} nodes in it)`);
  return depth;
}

export function groupFlows(
  graph: { nodes: readonly FlowNode[]; flows: readonly Flow[] },
  cohort: number,
  options: GroupOptions,
): GroupedGraph {
  const { activities, minShare } = options;
  if (!Number.isFinite(activities)) throw new RangeError(`groupFlows: activities must be a number, got ${activities}`);
  if (!Number.isFinite(minShare)) throw new RangeError(`groupFlows: minShare must be a number, got ${minShare}`);
  const ranked = graph.nodes
    .filter((n) => !isSink(n.id))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
  const keep = Math.max(0, Math.min(ranked.length, Math.floor(activities)));
  const share = Math.max(0, Math.min(1, minShare));
  const countOf = new Map(graph.nodes.map((n) => [n.id, n.count]));
  const shown = new Set(
    ranked.filter((id, i) => options.expanded?.has(id) || (i < keep && countOf.get(id)! >= share * cohort)),
  );
  // A hidden node with one flow in (or one flow out) is bridged: its children all came from (or all go to) one
  // node, so flows straight past it are exact. Only the rest merge into "other", one node per column (depth).
  const contract = (hide: Set<string>) => {
    const bridged = bridge(graph.flows, hide);
    const kept = graph.nodes.filter((n) => !bridged.gone.has(n.id));
    return { hide, kept, flows: bridged.flows, depth: depths(kept, bridged.flows) };
  };
  let c = contract(new Set(ranked.filter((id) => !shown.has(id))));
  // An expanded "other" node shows all its members.
  const opened = c.kept.filter((n) => c.hide.has(n.id) && options.expanded?.has(`${OTHER_PREFIX}${c.depth.get(n.id)}`));
  if (opened.length) {
    for (const n of opened) shown.add(n.id);
    c = contract(new Set(ranked.filter((id) => !shown.has(id))));
  }
  const { hide, kept, depth } = c;
  const groupOf = (id: string) => (hide.has(id) ? `${OTHER_PREFIX}${depth.get(id)}` : id);

  const nodes = new Map<string, GroupedNode>();
  for (const n of kept) {
    const id = groupOf(n.id);
    const g = nodes.get(id);
    if (!g) nodes.set(id, id === n.id ? { ...n } : { id, count: n.count, example: n.example, members: [n.id] });
    else {
      g.count += n.count;
      g.example = Math.min(g.example, n.example);
      g.members!.push(n.id);
    }
  }
  for (const g of nodes.values()) g.members?.sort((a, b) => countOf.get(b)! - countOf.get(a)!);
  const flows = mergeFlows(c.flows.map((f) => ({ ...f, from: groupOf(f.from), to: groupOf(f.to) })));
  return {
    nodes: [...nodes.values()],
    flows,
    ranked,
    hidden: [...hide],
  };
}

/** Flows with the same ends summed (the first child kept as the example). */
function mergeFlows(list: readonly Flow[]): Flow[] {
  const flows = new Map<string, Flow>();
  for (const f of list) {
    const key = `${f.from}\u0000${f.to}`;
    const g = flows.get(key);
    if (g) {
      g.count += f.count;
      g.example = Math.min(g.example, f.example);
    } else flows.set(key, { ...f });
  }
  return [...flows.values()];
}

/** Hidden nodes with a single flow in or out contracted away, again until none is left. */
function bridge(input: readonly Flow[], hide: ReadonlySet<string>): { flows: Flow[]; gone: Set<string> } {
  let flows = mergeFlows(input);
  const gone = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of hide) {
      if (gone.has(id)) continue;
      const ins = flows.filter((f) => f.to === id);
      const outs = flows.filter((f) => f.from === id);
      if (ins.length !== 1 && outs.length !== 1) continue;
      // one in: each flow out now starts where the children came from; one out: each flow in ends where they go
      const through =
        ins.length === 1
          ? outs.map((f) => ({ ...f, from: ins[0].from, example: Math.min(f.example, ins[0].example) }))
          : ins.map((f) => ({ ...f, to: outs[0].to, example: Math.min(f.example, outs[0].example) }));
      flows = mergeFlows([...flows.filter((f) => f.to !== id && f.from !== id), ...through]);
      gone.add(id);
      changed = true;
    }
  }
  return { flows, gone };
}
