// What changed between two paths of the same child (rules date, practice, reforms, a different choice).
import type { MilestoneId, OutcomeId, Trace } from '../../machines/case/types';

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
