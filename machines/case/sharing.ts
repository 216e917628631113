// Runs that share their beginning. A cohort's distinct case files often have the same facts and differ only in
// their later dated events (the day of a statement, of a disappearance…); up to the first event where two differ,
// the machine takes the same steps for both. A RunSharing keeps, for the case files of one set of facts run one
// after the other, the runner's state after every step (a trie of checkpoints keyed by the event each step took),
// and a run whose facts and first events match resumes from the deepest matching checkpoint instead of stepping
// the machine again. It is the same run: the same events in the same order from the same state; what a run adds to
// its trace (milestones, assumptions) is replayed from the checkpoint in the order it was first added.
// Checkpoints are kept for one set of facts at a time: callers group case files by facts to share the most.
import type { Milestone, Trace, VictimStatusConditions } from './types';
import type { ClockState } from './clock';
import type { StepEvent } from './events';
import { isSameFacts, type AssumptionId, type Facts } from './facts';
import { isSameData } from './sameData';
import type { StepperSnapshot } from './stepper';

/** What else changes with each step of a run and must come back with a checkpoint (e.g. the edges recorded). */
export interface StepObserver {
  save(): unknown;
  restore(saved: unknown): void;
}

/** The runner's state after one step, and the steps taken after it by the runs that went on from it. */
export interface Checkpoint {
  /** the event the step took (undefined for the first step: the case opened) */
  readonly event: StepEvent | undefined;
  /** whether that event was one of the case's own (compared by value) or a timer (the same object in every run) */
  readonly fromCase: boolean;
  readonly clock: ClockState;
  readonly snapshot: StepperSnapshot;
  readonly decision: VictimStatusConditions | undefined;
  /** the run's milestones, assumptions used and other assumptions so far: a prefix of these logs */
  readonly milestones: readonly Milestone[];
  readonly milestoneCount: number;
  readonly usedLog: readonly AssumptionId[];
  readonly usedCount: number;
  readonly otherLog: readonly string[];
  readonly otherCount: number;
  readonly observed: unknown;
  readonly next: Checkpoint[];
  /**
   * The trace of the last run that ended here, with the assumptions that run began with (its case file's own:
   * toFacts, getCaseEvents). A later run that ends here too, with no step of its own and the same beginning
   * assumptions, has the same trace: every other input of buildTrace is this checkpoint's.
   */
  ending: { readonly startUsed: readonly AssumptionId[]; readonly trace: Trace } | undefined;
}

export interface RunSharing {
  /** the stepper's own state saved and restored with each checkpoint */
  readonly observer: StepObserver | undefined;
  /**
   * The deepest checkpoint a run of these facts and case events can resume from (undefined: none, start afresh;
   * checkpoints of other facts are dropped).
   */
  resumeFrom(facts: Facts, caseEvents: readonly StepEvent[]): Checkpoint | undefined;
  /** A run took a step from `from` (undefined: its first step) and reached this state. */
  add(from: Checkpoint | undefined, reached: Checkpoint): void;
  /** steps resumed rather than taken, steps taken, and runs that ended where an earlier one did (its trace reused) */
  readonly stats: { resumed: number; taken: number; endingsReused: number };
}

/** `peek`: the event the run's clock would hand out next from a checkpoint (Clock.peek, with the run's horizon). */
export function createRunSharing(
  observer: StepObserver | undefined,
  peek: (state: ClockState, caseEvents: readonly StepEvent[], horizon: number) => StepEvent | undefined,
): RunSharing {
  let facts: Facts | undefined;
  let root: Checkpoint | undefined;
  const stats = { resumed: 0, taken: 0, endingsReused: 0 };
  return {
    observer,
    stats,
    resumeFrom(runFacts, caseEvents) {
      if (!facts || !isSameFacts(facts, runFacts)) {
        facts = runFacts;
        root = undefined;
        return undefined;
      }
      if (!root) return undefined;
      let at: Checkpoint = root;
      stats.resumed++;
      for (;;) {
        if (at.snapshot.status !== 'active') return at;
        const event = peek(at.clock, caseEvents, runFacts.horizonDays);
        if (!event) return at;
        const fromCase = at.clock.nextCase < caseEvents.length && event === caseEvents[at.clock.nextCase];
        const next: Checkpoint | undefined = at.next.find((c) => (fromCase ? c.fromCase && isSameData(c.event, event) : c.event === event));
        if (!next) return at;
        stats.resumed++;
        at = next;
      }
    },
    add(from, reached) {
      stats.taken++;
      if (from) from.next.push(reached);
      else root = reached;
    },
  };
}
