// Graph → coordinates with ELK (layered, compound nodes, edges on their lowest common ancestor).
// Pure: builds a fresh ELK input, never touches the graph, returns fresh objects.
// ELK is heavy (~466 KB gzip): this runs at build time (scripts/layout.ts), not in the page.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, StateGraph } from '../graph/types';
import type { Box, LaidOutEdge, LaidOutGraph, LaidOutNode, LayoutOptions, Point } from './types';
import { getGraphKey } from './graphKey';

const defaults: Required<LayoutOptions> = { direction: 'RIGHT', fontSize: 16, edgeFontSize: 13 };
/** average glyph width of a sans-serif font, in ems (a generous estimate: nothing is measured at build time) */
const glyphWidth = 0.6;
const lineHeight = 1.25;

export function getEdgeLabelLines(edge: GraphEdge): string[] {
  return edge.guard ? [edge.label, `[${edge.guard}]`] : [edge.label];
}

function measure(lines: string[], fontSize: number): { width: number; height: number } {
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * fontSize * glyphWidth), height: Math.ceil(lines.length * fontSize * lineHeight) };
}

function ancestorsOf(id: string, parentOf: Map<string, string | null>): string[] {
  const chain: string[] = [];
  for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) chain.push(p);
  return chain; // nearest first
}

/** The deepest node containing both ends (a node does not contain itself). */
function lowestCommonAncestor(a: string, b: string, parentOf: Map<string, string | null>, rootId: string): string {
  const ofB = new Set(ancestorsOf(b, parentOf));
  return ancestorsOf(a, parentOf).find((id) => ofB.has(id)) ?? rootId;
}

export async function layoutGraph(graph: StateGraph, options: LayoutOptions = {}): Promise<LaidOutGraph> {
  const o = { ...defaults, ...options };
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  const hasChildren = new Set(graph.nodes.map((n) => n.parentId).filter((p): p is string => p !== null));

  const elkNodes = new Map<string, ElkNode>();
  for (const node of graph.nodes) {
    const compound = hasChildren.has(node.id);
    const size = measure([node.label], o.fontSize);
    const elkNode: ElkNode = {
      id: node.id,
      children: [],
      edges: [],
      ...(compound
        ? {
            // room for the title at the top left; ELK grows the box to fit the children
            layoutOptions: {
              'elk.padding': `[top=${Math.round(o.fontSize * 2.4)},left=14,bottom=14,right=14]`,
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${size.width + 28}, ${Math.round(o.fontSize * 3)})`,
            },
          }
        : { width: Math.max(96, size.width + 28), height: Math.round(o.fontSize * 2.75) }),
    };
    elkNodes.set(node.id, elkNode);
  }
  for (const node of graph.nodes) {
    if (node.parentId !== null) elkNodes.get(node.parentId)!.children!.push(elkNodes.get(node.id)!);
  }

  const containerOf = new Map<string, string>();
  for (const edge of graph.edges) {
    const container = lowestCommonAncestor(edge.source, edge.target, parentOf, graph.rootId);
    containerOf.set(edge.id, container);
    const lines = getEdgeLabelLines(edge);
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: [{ id: `${edge.id}#label`, text: lines.join('\n'), ...measure(lines, o.edgeFontSize) }],
    };
    elkNodes.get(container)!.edges!.push(elkEdge);
  }

  const root = elkNodes.get(graph.rootId)!;
  root.layoutOptions = {
    ...root.layoutOptions,
    'elk.algorithm': 'layered',
    'elk.direction': o.direction,
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeNode': '16',
    'elk.spacing.edgeEdge': '12',
    'elk.spacing.edgeLabel': '4',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'TAIL_LAYER',
    'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  };

  const result = await new ELK().layout(root);

  // ELK positions are relative to the parent (nodes) or to the edge's container (edges).
  const origin = new Map<string, Point>();
  const boxes = new Map<string, Box>();
  const elkEdges = new Map<string, ElkExtendedEdge>();
  const walk = (n: ElkNode, parentOrigin: Point): void => {
    const at = { x: parentOrigin.x + (n.x ?? 0), y: parentOrigin.y + (n.y ?? 0) };
    origin.set(n.id, at);
    boxes.set(n.id, { ...at, width: n.width ?? 0, height: n.height ?? 0 });
    for (const e of n.edges ?? []) elkEdges.set(e.id, e);
    for (const c of n.children ?? []) walk(c, at);
  };
  walk(result, { x: 0, y: 0 });

  const depthOf = (id: string): number => ancestorsOf(id, parentOf).length;
  const nodes: LaidOutNode[] = graph.nodes.map((n) => ({ ...n, ...boxes.get(n.id)!, depth: depthOf(n.id) }));

  const edges: LaidOutEdge[] = graph.edges.map((e) => {
    const laid = elkEdges.get(e.id)!;
    const offset = origin.get(laid.container ?? containerOf.get(e.id)!)!;
    const shift = (p: Point): Point => ({ x: p.x + offset.x, y: p.y + offset.y });
    const points = (laid.sections ?? []).flatMap((s, i) => [
      ...(i === 0 ? [shift(s.startPoint)] : []),
      ...(s.bendPoints ?? []).map(shift),
      shift(s.endPoint),
    ]);
    const label = laid.labels?.[0];
    return {
      ...e,
      targets: [...e.targets],
      points,
      labelLines: getEdgeLabelLines(e),
      ...(label && { labelBox: { ...shift({ x: label.x ?? 0, y: label.y ?? 0 }), width: label.width ?? 0, height: label.height ?? 0 } }),
    };
  });

  return { graphKey: getGraphKey(graph), width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}
