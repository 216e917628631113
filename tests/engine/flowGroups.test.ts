// Grouping the Sankey's small flows into "other": children are conserved through every node, the drop-out
// sinks stay whatever the sliders, and the sliders keep to their bounds.
import { describe, it, expect } from 'vitest';
import type { MilestoneId, OutcomeId } from '../../machines/case/types';
import { buildFlows, type CohortEntry } from '../../src/engine/aggregate';
import { COHORT_SOURCE, OUTCOME_PREFIX } from '../../src/engine/flows';
import { groupFlows, isSink, OTHER_PREFIX, type GroupedGraph } from '../../src/engine/flowGroups';
import { simulateCohort } from '../../src/engine/simulate';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';

const entry = (milestones: string[], outcome: OutcomeId, count: number, firstChild: number): CohortEntry => ({
  summary: {
    milestones: milestones.map((id, day) => ({ id: id as MilestoneId, day })),
    outcome,
    outcomeDay: milestones.length,
    assumptions: [],
  },
  count,
  firstChild,
});
// 100 children: a main line, two small side steps, and drop-outs through the exit milestones.
const ENTRIES = [
  entry(['detected', 'presumedVictim', 'reflectionPeriod', 'temporaryResidenceCard'], 'temporaryResidence', 50, 0),
  entry(['detected', 'presumedVictim', 'borderDetention', 'disappeared'], 'disappeared', 3, 50),
  entry(['detected', 'presumedVictim', 'observationCentre', 'returned'], 'returned', 2, 53),
  entry(['detected', 'ageDoubted', 'ageAssessment', 'adultTrack'], 'adultTrack', 25, 55),
  entry(['detected', 'notIdentified'], 'notIdentified', 20, 80),
];
const COHORT = 100;
const GRAPH = buildFlows(ENTRIES, COHORT);

/** Every node but the source passes on what it receives, and the sinks end with what they hold. */
function expectConserved(g: GroupedGraph, cohort: number) {
  const into = new Map<string, number>();
  const outOf = new Map<string, number>();
  for (const f of g.flows) {
    into.set(f.to, (into.get(f.to) ?? 0) + f.count);
    outOf.set(f.from, (outOf.get(f.from) ?? 0) + f.count);
    expect(f.from, 'no flow loops on one node').not.toBe(f.to);
  }
  for (const n of g.nodes) {
    if (n.id === COHORT_SOURCE) expect(outOf.get(n.id)).toBe(cohort);
    else expect(into.get(n.id), `children into ${n.id}`).toBe(n.count);
    if (!n.id.startsWith(OUTCOME_PREFIX) && n.id !== COHORT_SOURCE)
      expect(outOf.get(n.id), `children out of ${n.id}`).toBe(n.count);
  }
  const ended = g.nodes.filter((n) => n.id.startsWith(OUTCOME_PREFIX)).reduce((s, n) => s + n.count, 0);
  expect(ended).toBe(cohort);
}
const sinksOf = (nodes: { id: string; count: number }[]) =>
  Object.fromEntries(nodes.filter((n) => isSink(n.id)).map((n) => [n.id, n.count]));

describe('groupFlows', () => {
  it('shows everything unchanged when the sliders are at their ends', () => {
    const g = groupFlows(GRAPH, COHORT, { activities: 1e9, minShare: 0 });
    expect(g.hidden).toEqual([]);
    expect(new Set(g.nodes.map((n) => n.id))).toEqual(new Set(GRAPH.nodes.map((n) => n.id)));
    expect(g.flows.length).toBe(GRAPH.flows.length);
    expectConserved(g, COHORT);
  });

  it('keeps the most frequent milestones first, bridges hidden ones with one way in or out, and merges the rest of a column into "other"', () => {
    // a fork and a join in the same column, so neither can be bridged
    const entries = [
      ...ENTRIES,
      entry(['detected', 'presumedVictim', 'observationCentre', 'disappeared'], 'disappeared', 4, 90),
      entry(['detected', 'ageDoubted', 'borderDetention', 'returned'], 'returned', 2, 94),
    ];
    const graph = buildFlows(entries, 106);
    const g = groupFlows(graph, 106, { activities: 3, minShare: 0 });
    // detected (106), presumedVictim (59), reflectionPeriod / temporaryResidenceCard (50) — ties by id
    expect(g.ranked.slice(0, 3)).toEqual(['detected', 'presumedVictim', 'reflectionPeriod']);
    expect(g.hidden).not.toContain('detected');
    // temporaryResidenceCard (one way in, one out) is bridged: reflection period flows straight to its outcome
    expect(g.nodes.some((n) => n.id === 'temporaryResidenceCard' || n.members?.includes('temporaryResidenceCard'))).toBe(false);
    expect(g.flows).toContainEqual({ from: 'reflectionPeriod', to: 'outcome:temporaryResidence', count: 50, example: 0 });
    // observationCentre (one way in) is bridged too; borderDetention (two in, two out) goes into its column's "other"
    expect(g.nodes.some((n) => n.id === 'observationCentre' || n.members?.includes('observationCentre'))).toBe(false);
    const other = g.nodes.find((n) => n.members?.includes('borderDetention'))!;
    expect(other.id.startsWith(OTHER_PREFIX)).toBe(true);
    const counts = other.members!.map((id) => graph.nodes.find((n) => n.id === id)!.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(other.count).toBe(counts.reduce((s, n) => s + n, 0));
    expectConserved(g, 106);
  });

  it('hides milestones under the smallest share shown, and an expanded "other" node shows its members again', () => {
    const g = groupFlows(GRAPH, COHORT, { activities: 99, minShare: 0.1 });
    expect(g.hidden.sort()).toEqual(['borderDetention', 'observationCentre']);
    // each has one way in: bridged, presumedVictim flows straight to the drop-outs
    expect(g.flows).toContainEqual({ from: 'presumedVictim', to: 'disappeared', count: 3, example: 50 });
    expectConserved(g, COHORT);
    const wide = buildFlows([...ENTRIES, entry(['detected', 'ageDoubted', 'borderDetention', 'returned'], 'returned', 2, 100)], 102);
    const grouped = groupFlows(wide, 102, { activities: 99, minShare: 0.1 });
    const other = grouped.nodes.find((n) => n.id.startsWith(OTHER_PREFIX))!;
    expect(other.members).toContain('borderDetention');
    const open = groupFlows(wide, 102, { activities: 99, minShare: 0.1, expanded: new Set([other.id]) });
    expect(open.hidden).toEqual(expect.not.arrayContaining(other.members!));
    expect(open.nodes.some((n) => n.id === 'borderDetention')).toBe(true);
    expectConserved(open, 102);
  });

  it('bridges exactly: the flows equal those of the children’s own paths with the hidden milestones left out', () => {
    const g = groupFlows(GRAPH, COHORT, { activities: 99, minShare: 0.1 });
    expect(g.nodes.some((n) => n.id.startsWith(OTHER_PREFIX))).toBe(false);
    const keep = new Set(GRAPH.nodes.map((n) => n.id).filter((id) => !g.hidden.includes(id)));
    const direct = buildFlows(ENTRIES, COHORT, keep);
    const key = (f: { from: string; to: string }) => `${f.from}>${f.to}`;
    const sorted = (flows: typeof g.flows) => [...flows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(g.flows)).toEqual(sorted(direct.flows));
  });

  it('keeps every drop-out sink with its children whatever the sliders', () => {
    const before = sinksOf(GRAPH.nodes);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['disappeared', 'returned', 'notIdentified', 'outcome:disappeared', 'outcome:returned', 'outcome:notIdentified']),
    );
    for (const [activities, minShare] of [[0, 0], [0, 1], [2, 0.5], [-5, 7]]) {
      const g = groupFlows(GRAPH, COHORT, { activities, minShare });
      expect(sinksOf(g.nodes), `${activities}, ${minShare}`).toEqual(before);
      expectConserved(g, COHORT);
    }
  });

  it('clamps the sliders to their bounds and says which slider got no number', () => {
    expect(groupFlows(GRAPH, COHORT, { activities: -1, minShare: 0 }).hidden.length).toBe(GRAPH.nodes.filter((n) => !isSink(n.id)).length);
    expect(groupFlows(GRAPH, COHORT, { activities: 2.9, minShare: -3 }).hidden.length).toBe(
      GRAPH.nodes.filter((n) => !isSink(n.id)).length - 2,
    );
    expect(() => groupFlows(GRAPH, COHORT, { activities: Number.NaN, minShare: 0 })).toThrow(/activities/);
    expect(() => groupFlows(GRAPH, COHORT, { activities: 3, minShare: Number.NaN })).toThrow(/minShare/);
  });

  it('conserves the children of a simulated cohort through every grouping of its detailed flows', () => {
    const set = DEFAULT_ASSUMPTION_SET;
    const r = simulateCohort({ set, config: { ...set.calibratedFor, reforms: [] }, seed: 3, cohort: 2_000 });
    const before = sinksOf(r.nodes);
    for (const activities of [0, 4, 10, 1000])
      for (const minShare of [0, 0.01, 0.2]) {
        const g = groupFlows(r, r.cohort, { activities, minShare });
        expectConserved(g, r.cohort);
        expect(sinksOf(g.nodes)).toEqual(before);
        const shownMilestones = g.nodes.filter((n) => !isSink(n.id) && !n.id.startsWith(OTHER_PREFIX)).length;
        expect(shownMilestones).toBeLessThanOrEqual(activities);
      }
  });
});
