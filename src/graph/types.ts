// A plain, JSON-only view of a statechart: what the diagram draws.
export type GraphNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface GraphNode {
  /** XState state node id (e.g. `procedure.guardianship.appointed`); matches `Step.activeStateIds`. */
  id: string;
  key: string;
  parentId: string | null;
  kind: GraphNodeKind;
  label: string;
  /** true when this node is its parent's initial child */
  initial: boolean;
  description?: string;
  /** id of an entry in the model's citation table, when the meta cites one (basis may depend on the rules date) */
  citation?: string;
  basis?: string;
  source?: string;
  assumption?: string;
}

export interface GraphEdge {
  /** stable id: `source:eventType:index` */
  id: string;
  source: string;
  /** the first target (the one the edge is drawn to); all targets in `targets` */
  target: string;
  targets: string[];
  eventType: string;
  /** short label shown on the diagram (event type, or `after <delay>`, or `always`) */
  label: string;
  guard?: string;
  delay?: string;
  citation?: string;
}

export interface StateGraph {
  rootId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
