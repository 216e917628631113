// The runner steps the machine only through the Stepper interface: a second stepper (issue 10) plugs in there.
import { describe, expect, it } from 'vitest';
import { runCase, stepCase } from '../../machines/case/run';
import { xstateStepper, type Stepper, type StepperSnapshot } from '../../machines/case/stepper';
import { toFacts } from '../../machines/case/facts';
import { makeCase } from './cases';

describe('stepper', () => {
  it('drives every run: a stepper given in the options is the one the runner calls', () => {
    let calls = 0;
    const counting: Stepper = {
      initial: (input) => (calls++, xstateStepper.initial(input)),
      next: (snapshot, event) => (calls++, xstateStepper.next(snapshot, event)),
    };
    const c = makeCase({ cooperation: { statementDay: 30 } });
    expect(runCase(c, { stepper: counting })).toEqual(runCase(c));
    expect(calls).toBeGreaterThan(2);
  });

  it('reports the active atomic and final states the step-through view shows', () => {
    const { steps } = stepCase(makeCase());
    const [first] = xstateStepper.initial(toInput()).slice(-1);
    expect(steps[0]!.activeStateIds).toEqual(first!.snapshot.activeIds);
    expect(first!.snapshot.activeIds).toContain('procedure.pathway.victimTrack.minorDocument');
  });

  it('refuses a snapshot it did not make, naming the stepper', () => {
    const foreign: StepperSnapshot = { status: 'active', context: xstateStepper.initial(toInput())[0]!.snapshot.context, activeIds: [] };
    expect(() => xstateStepper.next(foreign, { type: 'statement.given', day: 1 })).toThrow(/xstateStepper/);
  });
});

function toInput() {
  const { facts, rules } = toFacts(makeCase());
  return { facts, rules };
}
