// Props for the triple-test age axis, from the case (declared age, exam ranges), the rules in force (how the age is
// decided) and the run (decided age).
import type { CaseFile, Milestone, Trace } from '../../machines/case/types';
import { ageOn } from '../../machines/dates';
import { ageOfRecordAfterDecision, toFacts } from '../../machines/case/facts';
import { createRulesByDay } from '../../machines/case/rulesByDay';
import { getRulesInForce, type RulesInForce } from '../../machines/rules/rules';

/** How the axis draws the decision, after the `ageDecisionMethod` rule in force (practice and reforms applied). */
const AXIS_RULE: Record<RulesInForce['ageDecisionMethod']['value'], AgeAxisProps['rule']> = {
  lowestAge: 'lowest',
  doctorConclusion: 'doctor',
  multiAgency: 'multiAgency',
};

export interface AgeAxisProps {
  declaredAge: number;
  exams?: { exam: string; low: number; high: number }[];
  range?: { low: number; high: number };
  decidedAge?: number;
  rule: 'lowest' | 'doctor' | 'multiAgency';
  majority: number;
}

export function ageAxisProps(caseFile: CaseFile, trace: Trace | undefined, reached: Milestone[]): AgeAxisProps | null {
  const assessment = caseFile.age?.assessment;
  if (!caseFile.age?.doubted || !assessment || 'refused' in assessment) return null;
  const { declaredAge, declaredBirthDate } = caseFile.person;
  const declared = declaredAge ?? (declaredBirthDate ? Math.floor(ageOn(declaredBirthDate, caseFile.date)) : undefined);
  if (declared === undefined) return null;
  const rules = rulesOf(caseFile, trace);
  if (!rules) return null;
  const decided = trace ? decidedAge(caseFile, reached) : undefined;
  // The method the decision used on its own day (the doctor's conclusion only as reported before the 2015 ruling);
  // before the decision, the rule of the detection day.
  const method = reached.find((ms) => ms.id === 'ageAssessment')?.method as RulesInForce['ageDecisionMethod']['value'] | undefined;
  const rule = AXIS_RULE[method ?? rules.ageDecisionMethod.value];
  return {
    declaredAge: declared,
    ...('exams' in assessment ? { exams: assessment.exams } : { range: { low: assessment.low, high: assessment.high } }),
    decidedAge: decided,
    rule,
    majority: rules.ageOfMajority.value,
  };
}

/** The exact age the decision holds the person to (the trace keeps whole years only: 16.5 must not show as 16). */
export function decidedAge(caseFile: CaseFile, reached: Milestone[]): number | undefined {
  const foundMinor = reached.some((ms) => ms.id === 'identifiedAsMinor');
  if (!foundMinor && !reached.some((ms) => ms.id === 'identifiedAsAdult')) return undefined;
  const decision = reached.find((ms) => ms.id === 'identifiedAsMinor' || ms.id === 'identifiedAsAdult')!;
  const { facts } = toFacts(caseFile);
  // Decided under the rules of the decision's own day.
  return ageOfRecordAfterDecision(facts, createRulesByDay(facts.date, facts.practice, facts.reforms).on(decision.day), foundMinor);
}

/** The rules the run used (the trace names their date, practice and reforms), else the case's; none for a bad date. */
function rulesOf(caseFile: CaseFile, trace: Trace | undefined): RulesInForce | undefined {
  try {
    return trace
      ? getRulesInForce(trace.rulesInForce, trace.practice, trace.reforms)
      : getRulesInForce(caseFile.date, caseFile.practice, caseFile.reforms);
  } catch {
    return undefined;
  }
}
