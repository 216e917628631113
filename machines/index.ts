// The domain model's public surface: the UI, the cohort engine, the CLIs and the tests import from here.
export { procedureMachine, shelterFor, dayOf, type ProcedureContext, type ProcedureEvent } from './procedure/machine';
export { CITATIONS, cite, type Citation, type CitationId } from './procedure/citations';
export { evaluateConditions, CONDITION_ORDER, CONDITION_SOURCES, type Known } from './procedure/conditions';
export {
  RULES,
  REFORMS,
  REFORM_IDS,
  PRACTICE_OVERLAYS,
  getRulesInForce,
  getRuleChangeDates,
  valueOn,
  type RuleId,
  type RulesInForce,
} from './rules/rules';
export { EEA_MEMBERSHIP, isEeaNationalOn } from './rules/eea';
export { ASSUMPTIONS, toFacts, decideAge, type Facts } from './case/facts';
export { runCase, stepCase, getCaseEvents, type Run, type Step, type StepEvent, type TakenTransition } from './case/run';
export { parseCaseFile, parseCaseText, formatIssues, CaseFileSchema, MODELLED_PERIOD, type CaseIssue, type ParseResult } from './case/validate';
export type * from './case/types';
