// Which drawn edge a taken transition went along: one matcher for the step view's diagram and the cohort's map.
import type { GraphEdge, GraphNode } from './types';

export interface TakenTransitionLike {
  source: string;
  targets: string[];
  eventType: string;
}

type NodeLike = Pick<GraphNode, 'id' | 'parentId'>;
type EdgeLike = Pick<GraphEdge, 'source' | 'eventType' | 'targets'>;

export interface EdgeIndex<N extends NodeLike = NodeLike, E extends EdgeLike = EdgeLike> {
  nodeById: Map<string, N>;
  edgesBySourceEvent: Map<string, E[]>;
}

export function createEdgeIndex<N extends NodeLike, E extends EdgeLike>(nodes: readonly N[], edges: readonly E[]): EdgeIndex<N, E> {
  const edgesBySourceEvent = new Map<string, E[]>();
  for (const e of edges) {
    const key = `${e.source}\u0000${e.eventType}`;
    edgesBySourceEvent.set(key, [...(edgesBySourceEvent.get(key) ?? []), e]);
  }
  return { nodeById: new Map(nodes.map((n) => [n.id, n])), edgesBySourceEvent };
}

/** The node and its ancestors, nearest first. */
export function getLineage(index: EdgeIndex, id: string): string[] {
  const ids: string[] = [];
  for (let n = index.nodeById.get(id); n; n = n.parentId ? index.nodeById.get(n.parentId) : undefined) ids.push(n.id);
  return ids;
}

/**
 * The drawn edge a taken transition went along. The engine reports the active leaf as source and the entered
 * leaf as target; the edge may be declared on an ancestor and point at a compound state, so both ends match
 * up the hierarchy. Eventless transitions taken in the same macrostep are reported under its event.
 */
export function findEdge<E extends EdgeLike>(index: EdgeIndex<NodeLike, E>, t: TakenTransitionLike): E | null {
  const entered = new Set(t.targets.flatMap((id) => getLineage(index, id)));
  const matches = (e: E) => e.targets.some((id) => entered.has(id));
  for (const source of getLineage(index, t.source)) {
    const onEvent = index.edgesBySourceEvent.get(`${source}\u0000${t.eventType}`) ?? [];
    const eventless = index.edgesBySourceEvent.get(`${source}\u0000`) ?? [];
    const found = onEvent.find(matches) ?? eventless.find(matches);
    if (found) return found;
  }
  return null;
}
