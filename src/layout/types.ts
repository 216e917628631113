import type { GraphEdge, GraphNode } from '../graph/types';

export interface Point {
  x: number;
  y: number;
}
export interface Box extends Point {
  width: number;
  height: number;
}

/** A state node with its box in absolute diagram coordinates. */
export interface LaidOutNode extends GraphNode, Box {
  /** 0 for the root, 1 for its children, … */
  depth: number;
}

/** A transition with its route (absolute coordinates) and label box. */
export interface LaidOutEdge extends GraphEdge {
  points: Point[];
  labelBox?: Box;
  /** text lines of the label as laid out (event, then guard) */
  labelLines: string[];
  /** the edge joins a state to its own descendant and starts/ends at an anchor dot inside that state */
  anchor?: 'source' | 'target';
}

export interface LaidOutGraph {
  /** fingerprint of the graph this layout was computed from (see `getGraphKey`) */
  graphKey: string;
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

export interface LayoutOptions {
  /** flow direction inside each region (the top level always flows right) */
  direction?: 'RIGHT' | 'DOWN';
  /** font size (px) of state labels; boxes are sized from it */
  fontSize?: number;
  /** font size (px) of transition labels */
  edgeFontSize?: number;
  /**
   * Every text a label may show (each language's wrapped lines, the code): boxes are sized for the widest
   * and tallest, so the page can switch language or the expert view without a new layout.
   */
  labelVariants?: {
    state?: (node: GraphNode) => string[][];
    transition?: (edge: GraphEdge) => string[][];
  };
}
