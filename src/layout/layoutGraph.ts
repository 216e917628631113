// Graph → coordinates with ELK (layered, compound nodes, edges on their lowest common ancestor).
// Pure: builds a fresh ELK input, never touches the graph, returns fresh objects.
// ELK is heavy (~466 KB gzip): this runs at build time (scripts/layout.ts), not in the page.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, StateGraph } from '../graph/types';
import type { Box, LaidOutEdge, LaidOutGraph, LaidOutNode, LayoutOptions, Point } from './types';
import { getGraphKey } from './graphKey';

const defaults: Required<Omit<LayoutOptions, 'labelVariants'>> = { direction: 'DOWN', fontSize: 16, edgeFontSize: 13 };
/** average glyph width of a sans-serif font, in ems (a generous estimate: nothing is measured at build time) */
const glyphWidth = 0.6;
const lineHeight = 1.25;
const ANCHOR_SUFFIX = '#anchor';
const ANCHOR_SIZE = 12;

export function getEdgeLabelLines(edge: GraphEdge): string[] {
  return [edge.label, ...(edge.guard ? wrapGuard(edge.guard) : [])].filter((line) => line !== '');
}

function layeredOptions(direction: 'RIGHT' | 'DOWN'): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeNode': '16',
    'elk.spacing.edgeEdge': '12',
    'elk.spacing.edgeLabel': '4',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'TAIL_LAYER',
  };
}

function measure(lines: string[], fontSize: number): { width: number; height: number } {
  if (lines.length === 0) return { width: 0, height: 0 };
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * fontSize * glyphWidth), height: Math.ceil(lines.length * fontSize * lineHeight) };
}

/** The box that holds every variant of a label. */
function measureVariants(variants: string[][], fontSize: number): { width: number; height: number; lines: number } {
  const sizes = variants.map((lines) => measure(lines, fontSize));
  return {
    width: Math.max(0, ...sizes.map((s) => s.width)),
    height: Math.max(0, ...sizes.map((s) => s.height)),
    lines: Math.max(1, ...variants.map((lines) => lines.length)),
  };
}

function ancestorsOf(id: string, parentOf: Map<string, string | null>): string[] {
  const chain: string[] = [];
  for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) chain.push(p);
  return chain; // nearest first
}

/** Where an edge lives: the deepest node containing both ends, or the outer end when one contains the other. */
function getEdgeContainer(a: string, b: string, parentOf: Map<string, string | null>, rootId: string): string {
  if (a === b) return parentOf.get(a) ?? rootId;
  const upA = ancestorsOf(a, parentOf);
  const upB = ancestorsOf(b, parentOf);
  if (upB.includes(a)) return a;
  if (upA.includes(b)) return b;
  const ofB = new Set(upB);
  return upA.find((id) => ofB.has(id)) ?? rootId;
}

/** Long guards wrap at their arguments so labels stay narrow. */
function wrapGuard(guard: string, maxLength = 30): string[] {
  if (guard.length <= maxLength) return [`[${guard}]`];
  const open = guard.indexOf('(');
  if (open < 0) return [`[${guard}]`];
  const inner = guard.slice(open + 1, -1);
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(inner.slice(from).trim());
  return parts.map((part, i) => `${i === 0 ? `[${guard.slice(0, open)}(` : '  '}${part}${i === parts.length - 1 ? ')]' : ','}`);
}

/** Orthogonal path from a nested node's side to the point where ELK's route leaves its ancestor (that point excluded). */
function getLeg(from: Box, to: Point): Point[] {
  const right = to.x >= from.x + from.width;
  const start = { x: right ? from.x + from.width : from.x, y: from.y + from.height / 2 };
  return [start, { x: to.x, y: start.y }];
}

export async function layoutGraph(graph: StateGraph, options: LayoutOptions = {}): Promise<LaidOutGraph> {
  const o = { ...defaults, ...options };
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const hasChildren = new Set(graph.nodes.map((n) => n.parentId).filter((p): p is string => p !== null));

  // Parallel regions are independent: each region is one layered layout (INCLUDE_CHILDREN, so edges may cross
  // its inner stages); a parallel node packs its regions like tiles. Without this split ELK layers every region
  // in one long strip (measured: 5877 × 1604 px for the procedure).
  const isRegion = (id: string): boolean => kindOf.get(parentOf.get(id) ?? '') === 'parallel';
  const isRun = (id: string): boolean => id === graph.rootId || kindOf.get(id) === 'parallel' || isRegion(id);
  /** the layout run that positions a node: its nearest ancestor that is a run */
  const runOf = (id: string): string => ancestorsOf(id, parentOf).find(isRun) ?? graph.rootId;
  const contentRunOf = (id: string): string => (isRun(id) ? id : runOf(id));

  const elkNodes = new Map<string, ElkNode>();
  for (const node of graph.nodes) {
    const compound = hasChildren.has(node.id);
    const size = measureVariants([[node.label], ...(options.labelVariants?.state?.(node) ?? [])], o.fontSize);
    const padding = `[top=${Math.round(o.fontSize * 2.4)},left=14,bottom=14,right=14]`;
    const runOptions: Record<string, string> =
      node.kind === 'parallel'
        ? {
            'elk.algorithm': 'rectpacking',
            'elk.aspectRatio': '1.6',
            'elk.rectpacking.orderBySize': 'true', // measured: 2983 × 2596 px for the procedure, 3123 × 3188 in model order
            'elk.spacing.nodeNode': '20',
          }
        : isRun(node.id)
          ? isRegion(node.id)
            ? { ...layeredOptions(o.direction), 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' }
            : // the top level reads left to right whatever the regions do: exits sit to the right of the pathway
              { ...layeredOptions('RIGHT'), 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' }
          : {};
    const elkNode: ElkNode = {
      id: node.id,
      children: [],
      edges: [],
      ...(compound
        ? {
            // room for the title at the top left; ELK grows the box to fit the children
            layoutOptions: {
              ...runOptions,
              'elk.padding': padding,
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${size.width + 28}, ${Math.round(o.fontSize * 3)})`,
            },
          }
        : { width: Math.max(96, size.width + 28), height: Math.round(o.fontSize * (1.5 + 1.25 * size.lines)) }),
    };
    elkNodes.set(node.id, elkNode);
  }
  for (const node of graph.nodes) {
    if (node.parentId !== null) elkNodes.get(node.parentId)!.children!.push(elkNodes.get(node.id)!);
  }

  /** An edge between a state and its own descendant starts (or ends) at a small anchor inside the state:
   * ELK cannot route from a node to its children within one layered run. */
  const anchorOf = (id: string): string => {
    const anchor = `${id}${ANCHOR_SUFFIX}`;
    if (!elkNodes.has(anchor)) {
      const node: ElkNode = { id: anchor, width: ANCHOR_SIZE, height: ANCHOR_SIZE };
      elkNodes.set(anchor, node);
      elkNodes.get(id)!.children!.unshift(node);
    }
    return anchor;
  };
  /** An end outside the container's layout run is replaced by its ancestor that is a child of the container. */
  const toRoutedEnd = (end: string, container: string): string => {
    if (end === container) return anchorOf(end);
    if (runOf(end) === contentRunOf(container)) return end;
    return [end, ...ancestorsOf(end, parentOf)].find((id) => parentOf.get(id) === container) ?? end;
  };

  const containerOf = new Map<string, string>();
  const routedEnds = new Map<string, { source: string; target: string }>();
  for (const edge of graph.edges) {
    const container = getEdgeContainer(edge.source, edge.target, parentOf, graph.rootId);
    containerOf.set(edge.id, container);
    const ends = { source: toRoutedEnd(edge.source, container), target: toRoutedEnd(edge.target, container) };
    routedEnds.set(edge.id, ends);
    const lines = getEdgeLabelLines(edge);
    const variants = [lines, ...(options.labelVariants?.transition?.(edge) ?? [])].filter((v) => v.length > 0);
    const labelSize = measureVariants(variants, o.edgeFontSize);
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [ends.source],
      targets: [ends.target],
      ...(variants.length > 0 && { labels: [{ id: `${edge.id}#label`, text: lines.join('\n'), width: labelSize.width, height: labelSize.height }] }),
    };
    elkNodes.get(container)!.edges!.push(elkEdge);
  }

  const root = elkNodes.get(graph.rootId)!;
  root.layoutOptions = { ...root.layoutOptions, 'elk.padding': '[top=12,left=12,bottom=12,right=12]' };

  let result: ElkNode;
  try {
    result = await new ELK().layout(root);
  } catch (error) {
    // ELK's own message is a page of minified Java; keep the first line (and not the error as `cause`)
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`ELK layout failed: ${String((error as Error).message).split('\n')[0].slice(0, 500)}`);
  }

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
    const routed = (laid.sections ?? []).flatMap((s, i) => [
      ...(i === 0 ? [shift(s.startPoint)] : []),
      ...(s.bendPoints ?? []).map(shift),
      shift(s.endPoint),
    ]);
    const ends = routedEnds.get(e.id)!;
    const fromAnchor = ends.source.endsWith(ANCHOR_SUFFIX);
    const toAnchor = ends.target.endsWith(ANCHOR_SUFFIX);
    const points = [
      ...(ends.source !== e.source && !fromAnchor ? getLeg(boxes.get(e.source)!, routed[0]) : []),
      ...routed,
      ...(ends.target !== e.target && !toAnchor ? getLeg(boxes.get(e.target)!, routed.at(-1)!).reverse() : []),
    ];
    const label = laid.labels?.[0];
    return {
      ...e,
      targets: [...e.targets],
      points,
      labelLines: getEdgeLabelLines(e),
      ...(fromAnchor && { anchor: 'source' as const }),
      ...(toAnchor && { anchor: 'target' as const }),
      ...(label && { labelBox: { ...shift({ x: label.x ?? 0, y: label.y ?? 0 }), width: label.width ?? 0, height: label.height ?? 0 } }),
    };
  });

  return { graphKey: getGraphKey(graph), width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}
