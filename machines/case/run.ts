// Contract placeholder: implemented in the next commit (the procedure engine).
import type { CaseFile, Milestone, Trace, VictimStatusConditions } from './types';

export interface StepEvent {
  type: string;
  day: number;
  [payload: string]: unknown;
}
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
}
export interface Run {
  trace: Trace;
  steps: Step[];
}

export function stepCase(caseFile: CaseFile): Run {
  throw new Error(`engine not implemented yet: ${caseFile.format}`);
}
export function runCase(caseFile: CaseFile): Trace {
  return stepCase(caseFile).trace;
}
