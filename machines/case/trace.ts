// Trace building, once the run has stopped: the outcome (from the states the catalogue names, then the facts),
// the age of record, and the assumptions the run used.
import { OUTCOMES } from '../catalogue/outcomes';
import { evaluateConditions, type Known } from '../procedure/conditions';
import { PRACTICE_OVERLAYS, RULES, type RulesInForce } from '../rules/rules';
import { getOutcomeAndTrack, type HorizonView, type OutcomeAndTrack } from './outcome';
import type { RulesByDay } from './rulesByDay';
import { ASSUMPTIONS, ageOfRecordAfterDecision, decideAge, type AssumptionId, type Facts } from './facts';
import { isActive, type StepperSnapshot } from './stepper';
import type { Milestone, MilestoneId, RuleUse, Trace, VictimStatusConditions } from './types';

/** What the run hands over when it stops. */
export interface FinishedRun {
  facts: Facts;
  /** the rules of each day (tempus regit actum) */
  byDay: RulesByDay;
  final: StepperSnapshot;
  /** the day the run stopped: the last event's day if the machine finished, else the horizon */
  endDay: number;
  milestones: Milestone[];
  seen: ReadonlySet<MilestoneId>;
  /** engine assumptions noted on the way (case defaults, case events, milestones' uses) */
  used: Set<AssumptionId>;
  /** assumptions of the milestones' citations and of the rules they used */
  otherAssumptions: ReadonlySet<string>;
  /** the five conditions at the last status decision */
  decision: VictimStatusConditions | undefined;
}

/**
 * The text of the law a milestone cites: in `legalBasis` when one of its attributes took the name `basis`
 * (case-format.md's durableSolutionProcedure; run.ts moves the citation's text there), else in `basis`.
 */
export function milestoneBasis(milestone: Pick<Milestone, 'basis'> & { legalBasis?: unknown }): string {
  return typeof milestone.legalBasis === 'string' ? milestone.legalBasis : milestone.basis;
}

export function buildTrace(run: FinishedRun): Trace {
  const { facts, byDay, final, endDay, milestones, seen, used } = run;
  const rules = byDay.on(0);
  const known = final.context.known;
  const { outcome, track } = outcomeOf(final, facts, endDay, seen);
  const outcomeDay = milestones.find((m) => m.id === outcome)?.day ?? endDay;
  const ageAssessed = seen.has('identifiedAsMinor') || seen.has('identifiedAsAdult');
  // The age decision under the rules of its own day.
  const age = ageAssessed ? assessedAge(facts, byDay.on(known.ageDecisionDay ?? 0), known, used) : facts.declaredAge;
  // The engine's, the citations', then those behind the dated rule values the milestones were decided under.
  const assumptions = new Set<string>();
  for (const id of used) assumptions.add(ASSUMPTIONS[id]);
  for (const text of run.otherAssumptions) assumptions.add(text);
  for (const m of milestones) if (m.rules) for (const text of assumptionsOfUses(m.rules)) assumptions.add(text);
  return {
    format: 'pathway-trace/1',
    rulesInForce: facts.date,
    practice: facts.practice,
    reforms: facts.reforms,
    person: { ageOfRecord: Math.floor(age + 1e-9), eea: facts.eea, minor: age < rules.ageOfMajority.value },
    milestones,
    victimStatusConditions: run.decision ?? evaluateConditions(facts, rules, known),
    assumptions: [...assumptions],
    outcome,
    track,
    outcomeDay,
    horizonDays: facts.horizonDays,
  };
}

const VICTIM_TRACK = 'procedure.pathway.victimTrack';
const DURABLE_SOLUTION = 'procedure.pathway.otherTracks.durableSolution';
const anyActive = (snapshot: StepperSnapshot, states: readonly string[], under: string) =>
  states.some((s) => s.startsWith(under) && isActive(snapshot, s));

/** What the active states alone say of the horizon day. */
type StatesView = Pick<HorizonView, 'ended' | 'thbDocument' | 'durableSolutionDocument' | 'durableSolutionPending' | 'notIdentified'> & {
  durableSolutionPermanent: boolean;
  minor: boolean;
  ageOpen: boolean;
};
// Once per active-ids array: the fast stepper shares one per configuration, so cohorts read each configuration once.
const statesViews = new WeakMap<readonly string[], StatesView>();
function statesViewOf(snapshot: StepperSnapshot): StatesView {
  let view = statesViews.get(snapshot.activeIds);
  if (!view) {
    const identity = (s: string) => isActive(snapshot, `procedure.pathway.identity.${s}`);
    view = {
      durableSolutionPermanent: anyActive(snapshot, OUTCOMES.permanentResidence.states, DURABLE_SOLUTION),
      ended: isActive(snapshot, 'procedure.disappeared') ? 'disappeared' : isActive(snapshot, 'procedure.returned') ? 'returned' : undefined,
      thbDocument: anyActive(snapshot, OUTCOMES.temporaryResidence.states, VICTIM_TRACK),
      durableSolutionDocument: anyActive(snapshot, OUTCOMES.temporaryResidence.states, DURABLE_SOLUTION),
      durableSolutionPending: anyActive(snapshot, OUTCOMES.otherProcedure.states, DURABLE_SOLUTION),
      notIdentified: anyActive(snapshot, OUTCOMES.notIdentified.states, VICTIM_TRACK),
      minor: identity('minor'),
      ageOpen: identity('outsideScope') || identity('reported') || identity('ageDoubted') || identity('screening'),
    };
    statesViews.set(snapshot.activeIds, view);
  }
  return view;
}

/** What the person holds and which procedure they are in on the horizon day, read from the final snapshot. */
function outcomeOf(snapshot: StepperSnapshot, facts: Facts, day: number, seen: ReadonlySet<MilestoneId>): OutcomeAndTrack {
  const known = snapshot.context.known;
  const states = statesViewOf(snapshot);
  const underGuardianship = states.minor && day < (known.majorityDay ?? Infinity);
  return getOutcomeAndTrack({
    // The B card is a terminal state (reference Stage 12): reached first, a later disappearance or return does not undo it.
    permanentResidence: seen.has('permanentResidence') ? (states.durableSolutionPermanent ? 'durableSolution' : 'thb') : undefined,
    ended: states.ended,
    thbDocument: states.thbDocument,
    durableSolutionDocument: states.durableSolutionDocument,
    durableSolutionPending: states.durableSolutionPending,
    asylumApplied: facts.asylumApplication,
    notIdentified: states.notIdentified,
    foundAdult: known.ageDecision === 'adult' && !(facts.declaredAge >= 18 && !facts.ageDoubted),
    underGuardianship,
    adult: !underGuardianship && !states.ageOpen,
  });
}

/** The age of record after the Guardianship Service decided on the age. */
function assessedAge(facts: Facts, rules: RulesInForce, known: Known, used: Set<AssumptionId>): number {
  if (known.ageDecision === undefined || !facts.ageDoubted) return facts.declaredAge;
  const assumption = decideAge(facts, rules).assumption;
  if (assumption) used.add(assumption);
  return ageOfRecordAfterDecision(facts, rules, known.ageDecision === 'minor');
}

/** The assumptions a milestone's rule uses rest on, in order; once per list when the list is shared (frozen). */
function assumptionsOfUses(uses: readonly RuleUse[]): readonly string[] {
  const shared = Object.isFrozen(uses);
  const known = shared ? assumptionsOfList.get(uses) : undefined;
  if (known) return known;
  const found: string[] = [];
  for (const use of uses) {
    const text = assumptionOf(use);
    if (text !== undefined) found.push(text);
  }
  if (shared) assumptionsOfList.set(uses, found);
  return found;
}
const assumptionsOfList = new WeakMap<readonly RuleUse[], readonly string[]>();

/** The assumption a dated rule value or a practice overlay rests on, if any (reforms cite their recommendations). */
function assumptionOf(use: RuleUse): string | undefined {
  // Rule uses are shared per stretch of unchanged rules (rulesByDay.ts): look each up once.
  if (assumptionOfUse.has(use)) return assumptionOfUse.get(use);
  const found = findAssumption(use);
  assumptionOfUse.set(use, found);
  return found;
}
const assumptionOfUse = new WeakMap<RuleUse, string | undefined>();
function findAssumption(use: RuleUse): string | undefined {
  if (use.overriddenBy === 'asReported')
    return PRACTICE_OVERLAYS.find((o) => o.rule === use.id && (o.from ?? null) === use.from)?.assumption;
  if (use.overriddenBy) return undefined;
  const values = (RULES as Record<string, { values: { from?: string; assumption?: string }[] }>)[use.id]?.values ?? [];
  return values.find((v) => (v.from ?? null) === use.from)?.assumption;
}
