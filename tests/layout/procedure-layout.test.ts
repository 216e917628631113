// The diagram ships a layout computed at build time; it must still describe the machine the engine runs.
import { describe, expect, it } from 'vitest';
import { procedureMachine } from '../../machines/procedure/machine';
import { toGraph } from '../../src/graph';
import { getGraphKey } from '../../src/layout';
import { procedureLayout } from '../../src/layout/procedureLayout';

describe('committed procedure layout', () => {
  const graph = toGraph(procedureMachine);

  it('matches the procedure machine (run `npm run layout` when this fails)', () => {
    expect(procedureLayout.graphKey).toBe(getGraphKey(graph));
  });

  it('places every state and transition of the machine', () => {
    expect(procedureLayout.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(procedureLayout.edges.map((e) => e.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    for (const e of procedureLayout.edges) expect(e.points.length, e.id).toBeGreaterThanOrEqual(2);
  });
});
