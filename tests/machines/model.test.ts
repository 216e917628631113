// Model checks on the statechart itself: every state reachable (xstate/graph adjacency over fact profiles),
// every outcome reachable, and no non-final state without a way out.
import { getInitialMicrosteps, getMicrosteps, type AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getStateNodes } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { procedureMachine, type ProcedureEvent } from '../../machines/procedure/machine';
import { toFacts } from '../../machines/case/facts';
import type { CaseFile, OutcomeId } from '../../machines/case/types';
import { makeCase, run } from './cases';

// Events with every payload the guards distinguish; delayed events are found by xstate/graph itself.
const EVENTS: ProcedureEvent[] = [
  { type: 'statement.given', day: 10 },
  { type: 'ties.resumed', day: 10 },
  { type: 'prosecution.dismissed', day: 10 },
  { type: 'prosecution.requisitions', day: 10, retainsTrafficking: true },
  { type: 'prosecution.requisitions', day: 10, retainsTrafficking: false },
  { type: 'prosecution.convicted', day: 10 },
  { type: 'prosecution.acquitted', day: 10 },
  { type: 'prosecution.acquitted', day: 10, withRequisitions: true, retainsTrafficking: true },
  { type: 'age.appealed', day: 10 },
  { type: 'age.appealDecided', day: 10, annulled: true },
  { type: 'age.appealDecided', day: 10, annulled: false },
  { type: 'durableSolution.requested', day: 10 },
  { type: 'durableSolution.decided', day: 10, decision: 'stay' },
  { type: 'durableSolution.decided', day: 10, decision: 'return' },
  { type: 'person.disappeared', day: 10 },
];

const PROFILES: Parameters<typeof makeCase>[0][] = [
  {},
  { detection: { indicatorsRecognised: false } },
  { detection: { exploitation: 'unknown' } },
  { person: { declaredAge: 30 } },
  { date: '2003-01-01' },
  { date: '2010-01-01', person: { nationality: 'RO' } },
  { detection: { place: 'border' }, age: { doubted: true, assessment: { low: 15, high: 17 } } },
  { detection: { place: 'border' }, age: { doubted: true, assessment: { low: 19, high: 22 } } },
  { age: { doubted: true, assessment: { low: 19, high: 22 } } },
  { practice: 'asReported', age: { doubted: true, assessment: { low: 15, high: 17 } } },
  { detection: { asylumApplication: true }, reforms: ['noCooperationCondition'] },
  // 18 four days after detection, before the age decision
  { person: { declaredBirthDate: '1998-03-05' }, age: { doubted: true, assessment: { low: 16, high: 19 } } },
  // The durable-solution procedure of the 2005 circular (its stay issues no modelled document).
  { date: '2008-01-01', cooperation: { statementDay: null } },
];

type Nodes = { _nodes: { id: string; after: { eventType: string }[] }[] };

/** Delayed events pending in a snapshot: xstate/graph needs them listed with the others. */
function delayedEvents(snapshot: AnyMachineSnapshot): ProcedureEvent[] {
  return (snapshot as unknown as Nodes)._nodes.flatMap((n) => n.after.map((t) => ({ type: t.eventType, day: 0 }) as never));
}

/** States entered on any edge of xstate/graph's adjacency map, transient ones included (each edge replayed by microsteps). */
function reachedStateIds(): Set<string> {
  const reached = new Set<string>();
  const collect = (steps: [AnyMachineSnapshot, unknown][]) => {
    for (const [snapshot] of steps) for (const node of (snapshot as unknown as Nodes)._nodes) reached.add(node.id);
  };
  for (const profile of PROFILES) {
    const { facts } = toFacts(makeCase(profile) as CaseFile);
    const input = { facts };
    collect(getInitialMicrosteps(procedureMachine, input));
    const adjacency = getAdjacencyMap(procedureMachine, {
      input,
      events: (snapshot) => [...EVENTS, ...delayedEvents(snapshot)],
      serializeState: (s) => JSON.stringify(s.value),
      limit: 20_000,
    });
    for (const { state, transitions } of Object.values(adjacency)) {
      for (const { event } of Object.values(transitions) as { event: ProcedureEvent }[]) collect(getMicrosteps(procedureMachine, state, event));
    }
  }
  return reached;
}

describe('the statechart', () => {
  const allNodes = getStateNodes(procedureMachine.root);

  it('reaches every state from the initial state for some case', () => {
    const reached = reachedStateIds();
    const unreached = allNodes.map((n) => n.id).filter((id) => !reached.has(id));
    expect(unreached).toEqual([]);
  }, 180_000); // a full adjacency walk per profile: tens of seconds on a loaded machine

  it('has no non-final atomic state without a way out inside its region', () => {
    const stuck = allNodes
      .filter((n) => n.type === 'atomic')
      .filter((n) => {
        for (let node: typeof n | undefined = n; node && node.id !== 'procedure.pathway'; node = node.parent) {
          if (node.always?.length || node.after.length || [...node.transitions.values()].some((ts) => ts.some((t) => t.target?.length))) {
            return false;
          }
        }
        return true;
      })
      .map((n) => n.id);
    expect(stuck).toEqual([]);
  });

  it('cites a legal basis on every state', () => {
    const uncited = allNodes.filter((n) => !(n.meta as { citation?: string } | undefined)?.citation).map((n) => n.id);
    expect(uncited).toEqual([]);
  });
});

describe('outcomes', () => {
  const examples: Record<OutcomeId, Parameters<typeof run>[0]> = {
    permanentResidence: { prosecution: { outcome: 'conviction', day: 700 } },
    temporaryResidence: {},
    otherProcedure: { cooperation: { statementDay: null }, detection: { asylumApplication: true } },
    // Found adult, never presumed a victim (a presumed victim found adult who holds nothing must leave).
    adultTrack: { age: { doubted: true, assessment: { low: 19, high: 22 } }, detection: { indicatorsRecognised: false } },
    returned: { durableSolution: { requestedDay: 30, decision: 'return' } },
    disappeared: { disappearsDay: 100 },
    notIdentified: { detection: { indicatorsRecognised: false } },
    mustLeave: { person: { declaredAge: 22 }, cooperation: { statementDay: null } },
  };
  for (const [outcome, overrides] of Object.entries(examples)) {
    it(`reaches ${outcome}`, () => expect(run(overrides).outcome).toBe(outcome));
  }
});
