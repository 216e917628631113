// The engine: runs a case file through the procedure machine, stepping it through a Stepper (XState's pure
// microstep functions by default) on a simulated clock in days. Delayed transitions come back as `xstate.raise`
// actions with a delay; the clock schedules them itself, so a run is deterministic and never waits.
// Parts: events.ts (case → events), clock.ts (timers, next event), stepper.ts (stepping), trace.ts (outcome, assumptions).
import { MILESTONES } from '../catalogue/milestones';

import { evaluateConditions } from '../procedure/conditions';
import type { MilestoneParams, ProcedureEvent } from '../procedure/machine';
import { START_OF_DAY_DELAYS } from '../procedure/setup';
import { Clock, type TimerReport } from './clock';
import { getCaseEvents, type StepEvent } from './events';
import { ASSUMPTIONS, toFacts, type AssumptionId } from './facts';
import type { RuleId, RulesInForce } from '../rules/rules';
import { USES } from './uses';
import { xstateStepper, type Microstep, type Stepper, type StepperSnapshot } from './stepper';
import { createRulesByDay } from './rulesByDay';
import { buildTrace } from './trace';
import { createRunSharing as createSharing, type Checkpoint, type RunSharing, type StepObserver } from './sharing';
import type { CaseFile, Milestone, MilestoneId, Trace, VictimStatusConditions } from './types';

export type { StepEvent } from './events';
export type { TimerReport } from './clock';
export type { RunSharing, StepObserver } from './sharing';

export interface TakenTransition {
  source: string;
  targets: string[];
  eventType: string;
}
export interface Step {
  index: number;
  day: number;
  date: string;
  event: StepEvent;
  activeStateIds: string[];
  transitions: TakenTransition[];
  milestones: Milestone[];
  conditions: VictimStatusConditions;
  /** the timers running after this step, and those this step fired or cancelled (with `ended`) */
  timers: TimerReport[];
  /** the dated rules this step's milestones relied on beyond their citation (uses.ts) */
  rulesUsed: RuleId[];
  /** the assumptions this step's milestones relied on (the engine's, their citations', their rules') */
  assumptions: string[];
}
export interface Run {
  trace: Trace;
  steps: Step[];
}

export interface RunOptions {
  /** Keep every step (the step-through view); off for cohorts, which read the trace only. */
  recordSteps?: boolean;
  /** How the machine is stepped: XState by default; a faster stepper must give the same microsteps. */
  stepper?: Stepper;
}

function regionOf(id: string): string {
  return id.split('.').slice(0, 3).join('.');
}

/** The transitions one microstep took, from the active leaves before and after it (exported for the cohort map). */
export function transitionsBetween(before: readonly string[], after: readonly string[], eventType: string): TakenTransition[] {
  const exited = before.filter((id) => !after.includes(id));
  const entered = after.filter((id) => !before.includes(id));
  const out: TakenTransition[] = [];
  for (const source of exited) {
    const targets = entered.filter((t) => regionOf(t) === regionOf(source) || !t.startsWith('procedure.pathway'));
    out.push({ source, targets, eventType });
  }
  for (const target of entered) {
    if (!out.some((t) => t.targets.includes(target))) out.push({ source: '', targets: [target], eventType });
  }
  return out;
}

export function stepCase(caseFile: CaseFile, options: RunOptions = {}): Run {
  return run(caseFile, options.stepper ?? xstateStepper, options.recordSteps ?? true, undefined);
}

function run(caseFile: CaseFile, stepper: Stepper, recordSteps: boolean, sharing: RunSharing | undefined): Run {
  const { facts, used: usedList } = toFacts(caseFile);
  // Each act under the rules of its own day (tempus regit actum); the detection day's for what has no day of its own.
  const byDay = createRulesByDay(facts.date, facts.practice, facts.reforms);
  const used = new Set<AssumptionId>(usedList);
  const caseEvents = getCaseEvents(caseFile, byDay, used);
  const clock = new Clock(caseEvents, facts.horizonDays, recordSteps, START_OF_DAY_DELAYS);
  let milestones: Milestone[] = [];
  const seen = new Set<MilestoneId>();
  const steps: Step[] = [];
  const otherAssumptions = new Set<string>();
  let decision: VictimStatusConditions | undefined;
  let snapshot: StepperSnapshot | undefined;
  let active: string[] = [];
  // A run that shares checkpoints logs what it adds to `used` and `otherAssumptions` in order, to replay it on resuming.
  let usedLog: AssumptionId[] | undefined;
  let otherLog: string[] | undefined;
  const useAssumption = (id: AssumptionId) => {
    used.add(id);
    usedLog?.push(id);
  };
  const addOther = (text: string) => {
    otherAssumptions.add(text);
    otherLog?.push(text);
  };

  /** Interprets one event's microsteps: milestones, status decisions, timers set and cancelled. */
  const apply = (microsteps: Microstep[], event: StepEvent, fired?: TimerReport) => {
    // What only a kept step shows (a cohort keeps the trace alone: nothing to allocate per step).
    const added: Milestone[] | undefined = recordSteps ? [] : undefined;
    const transitions: TakenTransition[] | undefined = recordSteps ? [] : undefined;
    const ended: TimerReport[] | undefined = recordSteps ? [] : undefined;
    // The step's day is one: its rules are looked up once, when first needed.
    let rulesOfDay: RulesInForce | undefined;
    const rulesOn = () => (rulesOfDay ??= byDay.on(event.day));
    const stepAssumptions = recordSteps ? new Set<string>() : undefined;
    const stepRules = recordSteps ? new Set<RuleId>() : undefined;
    const decisionDayAssumed = event.decisionDayAssumed === true;
    for (const { snapshot: next, actions } of microsteps) {
      for (const action of actions) {
        if (action.type === 'recordMilestone') {
          const p = action.params as MilestoneParams;
          const spec = MILESTONES[p.id];
          if (seen.has(p.id) && !spec.repeats && !isAfterProvisional(p, milestones)) continue;
          // case-format.md names one attribute `basis` (durableSolutionProcedure): the legal text then moves to `legalBasis`.
          const clash = p.attributes !== undefined && 'basis' in p.attributes;
          const m = { id: p.id, date: byDay.dateOf(event.day), day: event.day, basis: p.basis, source: p.source } as Milestone;
          if (clash) m.legalBasis = p.basis;
          if (p.attributes) Object.assign(m, p.attributes);
          // A decision day the case file did not give is the model's: the milestone it decides says so.
          m.rules = decisionDayAssumed ? [...p.rules, ...byDay.uses(['durableSolutionDecisionDays'], event.day)] : p.rules;
          // The durable-solution documents do not rest on the five conditions of the victim status.
          if (spec.isStatusDecision && p.attributes?.procedure !== 'durableSolution') {
            m.conditions = evaluateConditions(facts, rulesOn(), (action.context ?? next.context).known);
          }
          const useOf = USES[p.id];
          const uses = useOf?.(m, { facts, rules: rulesOn(), known: (action.context ?? next.context).known, seen, earlier: milestones });
          seen.add(p.id);
          if (uses?.assumptions) for (const id of uses.assumptions) {
            useAssumption(id);
            stepAssumptions?.add(ASSUMPTIONS[id]);
          }
          if (uses?.rules) for (const id of uses.rules) {
            stepRules?.add(id);
            const assumption = rulesOn()[id].assumption;
            if (assumption) {
              addOther(assumption);
              stepAssumptions?.add(assumption);
            }
          }
          if (p.assumption) {
            addOther(p.assumption);
            stepAssumptions?.add(p.assumption);
          }
          milestones.push(m);
          added?.push(m);
        } else if (action.type === 'recordStatusDecision') {
          decision = evaluateConditions(facts, rulesOn(), (action.context ?? next.context).known);
        } else if (action.type === 'xstate.raise') {
          const p = action.params as { event: { type: string }; id?: string; delay?: number };
          if (typeof p.delay === 'number') clock.schedule(p.id, p.delay, p.event);
        } else if (action.type === 'xstate.cancel') {
          const cancelled = clock.cancel((action.params as { sendId: string }).sendId);
          if (cancelled) ended?.push(cancelled);
        }
      }
      if (transitions) {
        const nextActive = next.activeIds as string[];
        transitions.push(...transitionsBetween(active, nextActive, event.type));
        active = nextActive;
      }
      snapshot = next;
    }
    if (!added || !transitions || !ended || !stepRules || !stepAssumptions) return;
    const byMilestones = added.map((m) => m.id);
    const end = (how: 'fired' | 'cancelled') => (t: TimerReport): TimerReport => ({ ...t, ended: { day: event.day, how, byEvent: event.type, byMilestones } });
    steps.push({
      index: steps.length,
      day: event.day,
      date: byDay.dateOf(event.day),
      event,
      activeStateIds: active,
      transitions,
      milestones: added,
      conditions: evaluateConditions(facts, rulesOn(), snapshot!.context.known),
      timers: [...(fired ? [end('fired')(fired)] : []), ...ended.map(end('cancelled')), ...clock.running()],
      rulesUsed: [...stepRules],
      assumptions: [...stepAssumptions],
    });
  };

  // Sharing (cohorts only: a kept step would need what a checkpoint does not keep).
  const share = recordSteps ? undefined : sharing;
  let at: Checkpoint | undefined;
  /** After a step: the state it reached, for later runs with the same beginning. */
  const checkpoint = (event: StepEvent | undefined, fromCase: boolean) => {
    const reached: Checkpoint = {
      event,
      fromCase,
      clock: clock.save(),
      snapshot: snapshot!,
      decision,
      milestones,
      milestoneCount: milestones.length,
      usedLog: usedLog!,
      usedCount: usedLog!.length,
      otherLog: otherLog!,
      otherCount: otherLog!.length,
      observed: share!.observer?.save(),
      next: [],
      ending: undefined,
    };
    share!.add(at, reached);
    at = reached;
  };
  // The assumptions the case file itself brings (before any step): what a checkpoint's ending depends on beyond it.
  const startUsed = share ? [...used] : undefined;
  const resumed = share?.resumeFrom(facts, caseEvents);
  if (share) {
    usedLog = resumed ? resumed.usedLog.slice(0, resumed.usedCount) : [];
    otherLog = resumed ? resumed.otherLog.slice(0, resumed.otherCount) : [];
  }
  if (resumed) {
    at = resumed;
    clock.resume(resumed.clock);
    snapshot = resumed.snapshot;
    decision = resumed.decision;
    milestones = resumed.milestones.slice(0, resumed.milestoneCount);
    for (const m of milestones) seen.add(m.id);
    for (const id of usedLog!) used.add(id);
    for (const text of otherLog!) otherAssumptions.add(text);
    share!.observer?.restore(resumed.observed);
    // A run that ends where an earlier one ended, without a step of its own: the same trace.
    const ending = resumed.ending;
    if (ending && isSameList(ending.startUsed, startUsed!) && !hasNextStep(resumed, caseEvents, facts.horizonDays)) {
      share!.stats.endingsReused++;
      return { trace: ending.trace, steps };
    }
  } else {
    apply(stepper.initial({ facts }), { type: 'case.opened', day: 0 });
    if (share) checkpoint(undefined, false);
  }
  while (snapshot!.status === 'active') {
    const next = clock.next();
    if (!next) break;
    apply(stepper.next(snapshot!, next.event as unknown as ProcedureEvent), next.event, next.fired);
    if (share) checkpoint(next.event, caseEvents.includes(next.event));
  }
  const final = snapshot!;
  const endDay = final.status === 'done' ? clock.today : facts.horizonDays;
  const trace = buildTrace({ facts, byDay, final, endDay, milestones, seen, used, otherAssumptions, decision });
  if (at) at.ending = { startUsed: startUsed!, trace };
  return { trace, steps };
}

/** Whether a run resumed at this checkpoint would step again (it is active and has an event up to its horizon). */
function hasNextStep(at: Checkpoint, caseEvents: readonly StepEvent[], horizon: number): boolean {
  return at.snapshot.status === 'active' && Clock.peek(at.clock, caseEvents, horizon) !== undefined;
}

function isSameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A provisional guardian at the border is followed by the guardian appointed on identification. */
function isAfterProvisional(p: MilestoneParams, milestones: Milestone[]): boolean {
  return p.id === 'guardianAppointed' && !p.attributes?.provisional && isProvisionalGuardianOnly(milestones);
}
function isProvisionalGuardianOnly(milestones: Milestone[]): boolean {
  const guardians = milestones.filter((m) => m.id === 'guardianAppointed');
  return guardians.length > 0 && guardians.every((m) => m.provisional === true);
}

/**
 * Shares the beginnings of a series of runs through one stepper (sharing.ts): give it to runCase for each case
 * file, case files with equal facts one after the other. `observer`: state of the stepper's own (a wrapper's) to
 * save and restore with each checkpoint. The traces of runs sharing a beginning share milestone objects: read only.
 */
export function createRunSharing(observer?: StepObserver): RunSharing {
  return createSharing(observer, Clock.peek);
}

/** The trace alone: the same run as `stepCase`, without keeping the steps; `sharing` to share run beginnings. */
export function runCase(caseFile: CaseFile, options: Omit<RunOptions, 'recordSteps'> & { sharing?: RunSharing } = {}): Trace {
  return run(caseFile, options.stepper ?? xstateStepper, false, options.sharing).trace;
}
