// Pure Sankey layout: cohort flows → coordinates. d3-sankey mutates what it is given, so it gets fresh
// copies; the result is new plain objects and the input is never touched.
import { sankey, sankeyLinkHorizontal, sankeyJustify } from 'd3-sankey';
import type { Flow, FlowNode } from '../../engine/aggregate';
import { NODE_WIDTH } from './sankeyLabels';

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
