// The directly-follows map drawn on the procedure: each statechart edge's width from the children who took it,
// the order the arrow keys walk the edges in, and the rows of its table and CSV. Pure; D3 computes the scale.
import { scaleSqrt } from 'd3-scale';
import { cell } from '../../engine/csv';
import type { EdgeCount, EdgeCounts } from '../../engine/pathEdges';
import type { LaidOutEdge, Point } from '../../layout/types';

/** Widths in layout units (the whole diagram shows at about a fifth of that on a laptop). */
export const WIDTH_NONE = 1.5;
export const WIDTH_RANGE: [number, number] = [3, 36];

export interface MapEdge {
  edge: LaidOutEdge;
  count: EdgeCount;
  /** stroke width in layout units; WIDTH_NONE for an edge nobody took */
  width: number;
  /** where the count and the tooltip sit: the middle of the route */
  at: Point;
}

/** Halfway along a route, by length: the count sits on its own line (the layout's label box is sized for words). */
function anchorOf(e: LaidOutEdge): Point {
  const segments = e.points.slice(1).map((q, i) => ({ p: e.points[i], q, length: Math.hypot(q.x - e.points[i].x, q.y - e.points[i].y) }));
  let rest = segments.reduce((sum, s) => sum + s.length, 0) / 2;
  for (const { p, q, length } of segments) {
    if (rest <= length && length > 0) return { x: p.x + ((q.x - p.x) * rest) / length, y: p.y + ((q.y - p.y) * rest) / length };
    rest -= length;
  }
  return e.points[0];
}

/**
 * The edges with their widths, in reading order (top to bottom, then left to right, by their anchor): the order
 * the arrow keys follow. Area-true widths (square root), from the busiest edge of this map.
 */
export function getMapEdges(edges: readonly LaidOutEdge[], counts: EdgeCounts): MapEdge[] {
  const byId = new Map(counts.edges.map((c) => [c.id, c]));
  const max = Math.max(1, ...counts.edges.map((c) => c.children));
  const width = scaleSqrt().domain([1, max]).range(WIDTH_RANGE).clamp(true);
  return edges
    .map((edge) => {
      const count = byId.get(edge.id) ?? { id: edge.id, children: 0, examples: [] };
      return { edge, count, width: count.children > 0 ? width(count.children) : WIDTH_NONE, at: anchorOf(edge) };
    })
    .sort((a, b) => Math.round(a.at.y / 40) - Math.round(b.at.y / 40) || a.at.x - b.at.x);
}

/** Where the arrow keys go from edge `i` of `n`: next, previous, first, last; undefined for other keys. */
export function getEdgeKeyMove(key: string, i: number, n: number): number | undefined {
  if (n === 0) return undefined;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (i + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return undefined;
}

/** A few widths for the legend: the busiest edge, half-way and a single child, in children. */
export function getLegendSteps(counts: EdgeCounts): number[] {
  const max = Math.max(0, ...counts.edges.map((c) => c.children));
  if (max === 0) return [];
  return [...new Set([max, Math.round(max / 4), 1])].filter((n) => n >= 1).sort((a, b) => b - a);
}
export function getLegendWidth(counts: EdgeCounts, children: number): number {
  const max = Math.max(1, ...counts.edges.map((c) => c.children));
  return scaleSqrt().domain([1, max]).range(WIDTH_RANGE).clamp(true)(children);
}

/** The map as CSV: one row per edge (taken or not), with its words, the children who took it and examples. */
export function toEdgeCsv(
  rows: readonly { from: string; to: string; transition: string; count: EdgeCount }[],
  cohort: number,
): string {
  const lines = [['edge_id', 'from', 'to', 'transition', 'children', 'share', 'example_children']];
  for (const r of rows)
    lines.push([r.count.id, r.from, r.to, r.transition, String(r.count.children), String(+(r.count.children / cohort).toFixed(6)), r.count.examples.join(' ')]);
  return lines.map((l) => l.map(cell).join(',')).join('\n') + '\n';
}
