// What changed between two paths of the same child (rules date, practice, reforms, a different choice).
import type { Milestone, MilestoneId, OutcomeId, Trace } from '../../machines/case/types';
import type { Run, Step, TakenTransition } from '../../machines/case/run';

export interface PathDifference {
  added: MilestoneId[];
  removed: MilestoneId[];
  outcomeBefore: OutcomeId;
  outcomeAfter: OutcomeId;
  same: boolean;
}

function countIds(trace: Trace): Map<MilestoneId, number> {
  const counts = new Map<MilestoneId, number>();
  for (const { id } of trace.milestones) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Milestone ids as multisets: a renewal more or less counts as a difference. */
export function comparePaths(before: Trace, after: Trace): PathDifference {
  const a = countIds(before);
  const b = countIds(after);
  const added: MilestoneId[] = [];
  const removed: MilestoneId[] = [];
  for (const [id, n] of b) for (let i = a.get(id) ?? 0; i < n; i++) added.push(id);
  for (const [id, n] of a) for (let i = b.get(id) ?? 0; i < n; i++) removed.push(id);
  return {
    added,
    removed,
    outcomeBefore: before.outcome,
    outcomeAfter: after.outcome,
    same: added.length === 0 && removed.length === 0 && before.outcome === after.outcome,
  };
}

/** What the diagram, the stage map and the timeline need of two runs of the same child. */
export interface RunsCompared {
  /** how many leading steps both runs share (same event, same transitions) */
  sharedSteps: number;
  /** the first step at which they differ, in each run (undefined when one run simply ends) */
  partingA?: Step;
  partingB?: Step;
  /** the state where they part: the source of the first transition that differs */
  partingStateId?: string;
  /** the first milestone that differs, with its basis and source: what parts them */
  partingMilestone?: Milestone;
  /** day of the parting */
  partingDay?: number;
  /** every transition each run takes, in order */
  transitionsA: TakenTransition[];
  transitionsB: TakenTransition[];
  /** the states each run ends in */
  endA: string[];
  endB: string[];
}

const stepKey = (s: Step) =>
  JSON.stringify([s.day, s.event.type, s.transitions, s.milestones.map((m) => m.id)]);

/** Where two runs of the same child part: the shared steps, the first differing step, the two ends. Pure. */
export function compareRuns(a: Run, b: Run): RunsCompared {
  let shared = 0;
  while (shared < a.steps.length && shared < b.steps.length && stepKey(a.steps[shared]) === stepKey(b.steps[shared])) shared++;
  const partingA = a.steps[shared];
  const partingB = b.steps[shared];
  const firstDifferent = (x?: Step, y?: Step) => x?.transitions.find((t, i) => JSON.stringify(t) !== JSON.stringify(y?.transitions[i]));
  const transition = firstDifferent(partingB, partingA) ?? firstDifferent(partingA, partingB);
  const milestoneIds = (s?: Step) => new Set(s?.milestones.map((m) => m.id));
  const idsA = milestoneIds(partingA);
  const idsB = milestoneIds(partingB);
  const partingMilestone =
    partingB?.milestones.find((m) => !idsA.has(m.id)) ?? partingA?.milestones.find((m) => !idsB.has(m.id)) ?? partingB?.milestones[0] ?? partingA?.milestones[0];
  return {
    sharedSteps: shared,
    ...(partingA && { partingA }),
    ...(partingB && { partingB }),
    ...(transition && { partingStateId: transition.source }),
    ...(partingMilestone && { partingMilestone }),
    ...((partingA || partingB) && { partingDay: Math.min(partingA?.day ?? Infinity, partingB?.day ?? Infinity) }),
    transitionsA: a.steps.flatMap((s) => s.transitions),
    transitionsB: b.steps.flatMap((s) => s.transitions),
    endA: a.steps.at(-1)?.activeStateIds ?? [],
    endB: b.steps.at(-1)?.activeStateIds ?? [],
  };
}
