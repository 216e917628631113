// A step that records no milestone (a time limit ran out, nothing took its place): what happened, the states it
// left the child in, what is still in place and what comes next, from the run alone (no law of its own).
import type { Step } from '../../machines/case/run';

export interface QuietStep {
  /** the named delay whose time ran out at this step, when a timer fired it */
  fired: string | undefined;
  /** the states this step entered (still active after it) */
  entered: string[];
  /** the other states the child is in */
  still: string[];
  /** the step after this one, if the period followed has one */
  next: Step | undefined;
}

export function quietStep(step: Step | undefined, next: Step | undefined): QuietStep | null {
  if (!step || step.milestones.length > 0 || step.index === 0) return null;
  const targets = new Set(step.transitions.flatMap((t) => t.targets));
  return {
    fired: step.timers.find((t) => t.ended?.how === 'fired')?.delay,
    entered: step.activeStateIds.filter((id) => targets.has(id)),
    still: step.activeStateIds.filter((id) => !targets.has(id)),
    next,
  };
}
