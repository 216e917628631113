// The map drawn on the procedure: children per statechart edge, as the cohort counts them.
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import { xstateStepper } from '../../machines/case/stepper';
import { createLayoutIndex, getStepHighlight } from '../../src/components/diagram/highlight';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { generateChildCase, type CohortConfig } from '../../src/engine/generate';
import { countEdges, getProcedureEdges, recordEdges, EDGE_EXAMPLES } from '../../src/engine/pathEdges';
import { runPath } from '../../src/engine/orchestrate';
import { simulateCohort, PathCache } from '../../src/engine/simulate';
import { procedureLayout } from '../../src/layout/procedureLayout';
import { SCENARIOS } from '../../src/scenarios';

const layoutIndex = createLayoutIndex(procedureLayout);
/** The edges the step view draws as taken for a case (its own matcher, over every recorded step). */
function stepViewEdges(caseFile: Parameters<typeof stepCase>[0]): Set<string> {
  const run = stepCase(caseFile);
  const last = run.steps.at(-1)!;
  const highlight = getStepHighlight(layoutIndex, {
    activeStateIds: last.activeStateIds,
    visitedStateIds: [],
    takenTransitions: run.steps.flatMap((s) => s.transitions),
  });
  return new Set(highlight.takenOrder.keys());
}

describe('edges a path takes', () => {
  it('are the ids the laid-out diagram draws, in the same order', () => {
    expect(getProcedureEdges().map((e) => e.id)).toEqual(procedureLayout.edges.map((e) => e.id));
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('a cohort of one known case (%s) gives exactly the path the step view draws', (_, scenario) => {
    const summary = runPath(scenario.case);
    const counts = countEdges([{ summary, count: 1, firstChild: 7 }]);
    const taken = counts.edges.filter((e) => e.children > 0);
    expect(new Set(taken.map((e) => e.id))).toEqual(stepViewEdges(scenario.case));
    expect(taken.length).toBeGreaterThan(0);
    for (const e of taken) expect(e).toMatchObject({ children: 1, examples: [7] });
    for (const e of counts.edges.filter((e) => e.children === 0)) expect(e.examples).toEqual([]);
  });

  it('every transition a built-in case takes lands on a drawn edge, the same with the fast stepper and XState', () => {
    for (const { case: caseFile } of SCENARIOS) {
      const fast = recordEdges(fastStepper);
      const reference = recordEdges(xstateStepper);
      stepCase(caseFile, { stepper: fast.stepper, recordSteps: false });
      stepCase(caseFile, { stepper: reference.stepper, recordSteps: false });
      expect(fast.unmatched).toBe(0);
      expect(fast.edges).toEqual(reference.edges);
    }
  });
});

describe('children per edge in a cohort', () => {
  const set = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
  const config: CohortConfig = { asOf: '2018-01-01', practice: 'asReported', reforms: [] };
  const cohort = 600;
  const result = simulateCohort({ set, config, seed: 11, cohort }, { cache: new PathCache() });
  const byId = new Map(result.transitions.edges.map((e) => [e.id, e]));

  it('match the children counted one by one, with examples who did take the edge', () => {
    const perChild = Array.from({ length: cohort }, (_, child) => new Set(stepViewEdges(generateChildCase(set, config, 11, child))));
    for (const edge of getProcedureEdges()) {
      const takers = perChild.flatMap((edges, child) => (edges.has(edge.id) ? [child] : []));
      const counted = byId.get(edge.id)!;
      expect(counted.children, edge.id).toBe(takers.length);
      expect(counted.examples.length).toBeLessThanOrEqual(EDGE_EXAMPLES);
      // the smallest child who took it is the first of its distinct case: always among the examples
      if (takers.length) expect(counted.examples[0]).toBe(takers[0]);
      else expect(counted.examples).toEqual([]);
      for (const child of counted.examples) expect(takers, `${edge.id} example ${child}`).toContain(child);
    }
    expect(result.transitions.withoutEdges).toBe(0);
    expect(result.transitions.edges.some((e) => e.children > 0 && e.children < cohort)).toBe(true);
  });

  it('add up: no more children leave a state than entered it (states not entered by default)', () => {
    const nodes = new Map(procedureLayout.nodes.map((n) => [n.id, n]));
    const inside = (id: string, state: string) => id === state || id.startsWith(`${state}.`);
    let checked = 0;
    for (const state of procedureLayout.nodes) {
      const parent = state.parentId ? nodes.get(state.parentId) : undefined;
      if (!parent || state.initial || parent.kind === 'parallel') continue;
      const edges = getProcedureEdges();
      const entering = edges.filter((e) => !inside(e.source, state.id) && e.targets.some((t) => inside(t, state.id)));
      const leaving = edges.filter((e) => inside(e.source, state.id) && e.targets.some((t) => !inside(t, state.id)));
      // children are counted once per edge: a child entering by two edges counts twice on the entering side
      const sum = (list: typeof edges) => list.reduce((s, e) => s + byId.get(e.id)!.children, 0);
      const maxLeaving = Math.max(0, ...leaving.map((e) => byId.get(e.id)!.children));
      expect(maxLeaving, state.id).toBeLessThanOrEqual(sum(entering));
      if (sum(entering) > 0) checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
