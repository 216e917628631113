// TEMPORARY: the Stepper interface the catalogue branch introduces in machines/case/stepper.ts (replaced on merge).
import type { ProcedureContext, ProcedureEvent, ProcedureInput } from '../procedure/machine';

export interface StepperSnapshot {
  status: 'active' | 'done' | 'error';
  context: ProcedureContext;
  activeIds: readonly string[];
}
export interface ExecutedAction {
  type: string;
  params?: unknown;
  context?: ProcedureContext;
}
export interface Microstep {
  snapshot: StepperSnapshot;
  actions: readonly ExecutedAction[];
}
export interface Stepper {
  initial(input: ProcedureInput): Microstep[];
  next(snapshot: StepperSnapshot, event: ProcedureEvent): Microstep[];
}
