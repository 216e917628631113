import { describe, expect, it } from 'vitest';
import { toGraph } from '../../src/graph';
import { layoutGraph } from '../../src/layout/layoutGraph';
import type { Box, LaidOutGraph, Point } from '../../src/layout';
import { fixtureMachine } from './fixture-machine';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** numbers rounded so the snapshot survives floating-point noise (as observablehq/plot's snapshots do) */
function rounded(layout: LaidOutGraph): unknown {
  return JSON.parse(JSON.stringify(layout, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));
}

const onBorder = (p: Point, b: Box, tolerance = 1.5): boolean =>
  p.x >= b.x - tolerance && p.x <= b.x + b.width + tolerance && p.y >= b.y - tolerance && p.y <= b.y + b.height + tolerance &&
  (Math.abs(p.x - b.x) <= tolerance || Math.abs(p.x - b.x - b.width) <= tolerance || Math.abs(p.y - b.y) <= tolerance || Math.abs(p.y - b.y - b.height) <= tolerance);

describe('layoutGraph', async () => {
  const graph = deepFreeze(toGraph(fixtureMachine));
  const copy = structuredClone(graph);
  const layout = await layoutGraph(graph);
  const box = new Map(layout.nodes.map((n) => [n.id, n]));

  it('does not mutate its input', () => {
    expect(graph).toEqual(copy);
  });

  it('positions every node with a real box', () => {
    expect(layout.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    for (const n of layout.nodes) {
      for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
      expect(n.width).toBeGreaterThan(0);
      expect(n.height).toBeGreaterThan(0);
    }
  });

  it('keeps children inside their parent box', () => {
    for (const n of layout.nodes) {
      if (n.parentId === null) continue;
      const p = box.get(n.parentId)!;
      expect(n.x, n.id).toBeGreaterThanOrEqual(p.x);
      expect(n.y, n.id).toBeGreaterThanOrEqual(p.y);
      expect(n.x + n.width, n.id).toBeLessThanOrEqual(p.x + p.width);
      expect(n.y + n.height, n.id).toBeLessThanOrEqual(p.y + p.height);
    }
  });

  it('keeps sibling boxes apart', () => {
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a.id >= b.id || a.parentId !== b.parentId || a.parentId === null) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
  });

  it('routes every edge from its source border to its target border, in absolute coordinates', () => {
    expect(layout.edges).toHaveLength(graph.edges.length);
    for (const e of layout.edges) {
      expect(e.points.length, e.id).toBeGreaterThanOrEqual(2);
      expect(onBorder(e.points[0], box.get(e.source)!), `${e.id} starts on ${e.source}`).toBe(true);
      expect(onBorder(e.points.at(-1)!, box.get(e.target)!), `${e.id} ends on ${e.target}`).toBe(true);
      if (e.labelLines.length > 0) expect(e.labelBox, e.id).toBeDefined();
    }
  });

  it('is deterministic', async () => {
    expect(await layoutGraph(graph)).toEqual(layout);
  });

  it('changes its fingerprint when the graph changes', async () => {
    const renamed = { ...graph, nodes: graph.nodes.map((n) => (n.key === 'missing' ? { ...n, label: 'Gone' } : n)) };
    expect((await layoutGraph(renamed)).graphKey).not.toBe(layout.graphKey);
  });

  it('matches the snapshot (numbers rounded)', () => {
    expect(rounded(layout)).toMatchSnapshot();
  });
});
