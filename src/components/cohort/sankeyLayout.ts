// Pure Sankey layout: cohort flows → coordinates. d3-sankey mutates what it is given, so it gets fresh
// copies; the result is new plain objects and the input is never touched.
import { sankey, sankeyLinkHorizontal, sankeyJustify } from 'd3-sankey';
import type { Flow, FlowNode } from '../../engine/aggregate';
import { labelHeight, placeSankeyLabels, type PlacedLabel } from './sankeyLabels';

export interface SankeyNodeBox {
  id: string;
  count: number;
  example: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
export interface SankeyLinkPath {
  from: string;
  to: string;
  count: number;
  example: number;
  d: string;
  width: number;
}
export interface SankeyLayout {
  width: number;
  height: number;
  nodes: SankeyNodeBox[];
  links: SankeyLinkPath[];
}

interface N {
  id: string;
  count: number;
  example: number;
}
interface L {
  source: string;
  target: string;
  value: number;
  from: string;
  to: string;
  example: number;
}

export function layoutSankey(
  input: { nodes: readonly FlowNode[]; flows: readonly Flow[] },
  options: { width: number; height: number; nodeWidth?: number; nodePadding?: number },
): SankeyLayout {
  const nodes: N[] = input.nodes.map((n) => ({ id: n.id, count: n.count, example: n.example }));
  const links: L[] = input.flows.map((f) => ({
    source: f.from,
    target: f.to,
    value: f.count,
    from: f.from,
    to: f.to,
    example: f.example,
  }));
  if (nodes.length === 0)
    return { width: options.width, height: options.height, nodes: [], links: [] };
  const generator = sankey<N, L>()
    .nodeId((d) => d.id)
    .nodeAlign(sankeyJustify)
    .nodeWidth(options.nodeWidth ?? NODE_WIDTH)
    .nodePadding(options.nodePadding ?? 10)
    .nodeSort(null)
    .extent([
      [1, 1],
      [options.width - 1, options.height - 1],
    ]);
  const graph = generator({ nodes, links });
  const path = sankeyLinkHorizontal();
  return {
    width: options.width,
    height: options.height,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      count: n.count,
      example: n.example,
      x0: n.x0!,
      x1: n.x1!,
      y0: n.y0!,
      y1: n.y1!,
    })),
    links: graph.links.map((l) => ({
      from: l.from,
      to: l.to,
      count: l.value,
      example: l.example,
      d: path(l as never) ?? '',
      width: Math.max(1, l.width ?? 1),
    })),
  };
}

/** Outcome labels sit right of the last column, in this much room. */
export const LABEL_ROOM = 210;

/**
 * The Sankey as SankeyChart draws it at `shownWidth` px: laid out once; when a column's labels need more height than
 * that, laid out again as tall as they need. The overview keeps to the shown width; every milestone widens when deep.
 */
export function drawSankey(
  graph: { nodes: readonly FlowNode[]; flows: readonly Flow[] },
  options: {
    shownWidth: number;
    detail: boolean;
    fontSize: number;
    textOf: (n: SankeyNodeBox) => string;
    countOf: (n: SankeyNodeBox) => string;
    shortCountOf: (n: SankeyNodeBox) => string;
  },
): { layout: SankeyLayout; labels: PlacedLabel[]; width: number; height: number } {
  const { shownWidth, detail, fontSize, textOf, countOf, shortCountOf } = options;
  const base = Math.max(360, graph.nodes.length * (detail ? 14 : 22));
  const nodePadding = detail ? 8 : 14;
  const first = layoutSankey(graph, { width: shownWidth - LABEL_ROOM, nodePadding, height: base });
  const width = sankeyWidthFor(first.nodes, shownWidth, LABEL_ROOM, !detail);
  const nodeWidth = nodeWidthFor(first.nodes, width - LABEL_ROOM);
  const layoutOptions = { width: width - LABEL_ROOM, nodePadding, nodeWidth };
  let layout = width === shownWidth && nodeWidth === NODE_WIDTH ? first : layoutSankey(graph, { ...layoutOptions, height: base });
  let labels = placeSankeyLabels(layout.nodes, textOf, { width, height: base, fontSize, countOf, shortCountOf });
  const height = Math.max(base, Math.ceil(labelHeight(labels) * 1.15) + 8);
  if (height > base) {
    layout = layoutSankey(graph, { ...layoutOptions, height });
    labels = placeSankeyLabels(layout.nodes, textOf, { width, height, fontSize, countOf, shortCountOf });
  }
  return { layout, labels, width, height };
}

/**
 * Width to draw a graph at: the overview fits the shown width (labels move aside or are shortened as needed) while
 * each column keeps MIN_COLUMN_ROOM; the every-milestone view is drawn wider when deep. Either scrolls inside its
 * panel when wider than shown.
 */
export const COLUMN_ROOM = 110;
/** Below this a column has no room even for a shortened label and its short count: the overview then widens too. */
export const MIN_COLUMN_ROOM = 43;
export function sankeyWidthFor(
  nodes: readonly { x0: number }[],
  shownWidth: number,
  labelRoom: number,
  fit: boolean,
): number {
  const columns = new Set(nodes.map((n) => n.x0)).size;
  return Math.max(shownWidth, (columns - 1) * (fit ? MIN_COLUMN_ROOM : COLUMN_ROOM) + labelRoom);
}

export const NODE_WIDTH = 12;
/** Nodes are drawn narrower where columns are close, so a shortened label and its count keep room beside them. */
export function nodeWidthFor(nodes: readonly { x0: number }[], layoutWidth: number): number {
  const columns = new Set(nodes.map((n) => n.x0)).size;
  return columns > 1 && layoutWidth / (columns - 1) < 52 ? 8 : NODE_WIDTH;
}
