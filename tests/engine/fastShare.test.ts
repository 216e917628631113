// The fast stepper's recordings, exported by one stepper and imported by another (each a module instance of its
// own, as two threads are): the importer gives XState's own runs, byte for byte, without recording what it was
// given; a step it was not given it records from XState as ever. An export that is damaged, of another machine or
// at odds with the stepper's recordings is refused, and the stepper goes on recording for itself.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../machines/case/run';
import { SCENARIOS } from '../../src/scenarios';
import { digest } from '../../machines/case/fastMachine';
import { procedureMachine } from '../../machines/procedure/machine';
import { expectSameAsXState, fixtureCases, freshStepper, randomCases, recordingsOf } from '../equivalence/importing';

const given = [...fixtureCases(), ...randomCases(600, 11)];
const others = randomCases(600, 12);

/** The export's body changed by `change`, its checksum made to match again (a well-formed but wrong export). */
function tampered(data: unknown, change: (body: Record<string, unknown[]>) => void): unknown {
  const copy = structuredClone(data) as { checksum: string; body: Record<string, unknown[]> };
  change(copy.body);
  copy.checksum = digest(JSON.stringify(copy.body));
  return copy;
}

describe('fast stepper recordings shared between instances', () => {
  it.each(['json', 'clone'] as const)('imported through %s, gives XState’s runs without recording them again', async (via) => {
    const data = await recordingsOf(given, via);
    const importer = await freshStepper();
    const { added } = importer.importRecordings(data);
    expect(added).toBeGreaterThan(100);
    for (const c of given) expectSameAsXState(c, importer.fastStepper);
    expect(importer.getFastStepperStats()).toMatchObject({ recorded: 0, imported: added });
    // Steps it was not given: recorded from XState (also from configurations it only imported), and the same runs.
    for (const c of [...others, ...SCENARIOS.map((s) => s.case)]) expectSameAsXState(c, importer.fastStepper);
    const stats = importer.getFastStepperStats();
    expect(stats.recorded).toBeGreaterThan(0);
    expect(stats.rebuilt).toBeGreaterThan(0);
    // What it imported and what it recorded, exported again: a third stepper records nothing of it all.
    const third = await freshStepper();
    third.importRecordings(JSON.parse(JSON.stringify(importer.exportRecordings().data)));
    for (const c of [...given, ...others]) expectSameAsXState(c, third.fastStepper);
    expect(third.getFastStepperStats().recorded).toBe(0);
  }, 120_000);

  it('exports from a point on, and only what it recorded itself when asked', async () => {
    const a = await freshStepper();
    const b = await freshStepper();
    for (const c of given.slice(0, 200)) runCase(c, { stepper: a.fastStepper });
    const first = a.exportRecordings({ recordedHere: true });
    const recordedFirst = a.getFastStepperStats().recorded;
    expect(b.importRecordings(first.data).added).toBe(recordedFirst);
    for (const c of given.slice(200)) runCase(c, { stepper: a.fastStepper });
    const rest = a.exportRecordings({ since: first.next, recordedHere: true });
    expect(b.importRecordings(rest.data).added).toBe(a.getFastStepperStats().recorded - recordedFirst);
    // b's own recordings go to a; a sends none of them back, nor what it sent before.
    for (const c of others.slice(0, 200)) runCase(c, { stepper: b.fastStepper });
    const recordedByB = b.getFastStepperStats().recorded;
    expect(recordedByB).toBeGreaterThan(0);
    expect(a.importRecordings(b.exportRecordings({ recordedHere: true }).data).added).toBe(recordedByB);
    expect(a.exportRecordings({ since: rest.next, recordedHere: true }).data.body.tapes).toEqual([]);
    const recordedByA = a.getFastStepperStats().recorded;
    for (const c of [...given, ...others.slice(0, 200)]) {
      expectSameAsXState(c, a.fastStepper);
      expectSameAsXState(c, b.fastStepper);
    }
    expect([a.getFastStepperStats().recorded, b.getFastStepperStats().recorded]).toEqual([recordedByA, recordedByB]);
  }, 120_000);

  it('refuses an export that is not one, damaged, of another machine or at odds with its recordings, and goes on recording', async () => {
    const sample = given.slice(0, 150);
    const data = (await recordingsOf(sample, 'clone')) as { body: { tapes: number[] } } & Record<string, unknown>;
    const stepper = await freshStepper();
    for (const c of sample) runCase(c, { stepper: stepper.fastStepper });
    const before = stepper.getFastStepperStats();
    const guards = new Set(Object.keys(procedureMachine.implementations.guards));
    const damaged = structuredClone(data);
    damaged.body.tapes[7] = damaged.body.tapes[7]! + 1;
    const refusals: [string, unknown, RegExp][] = [
      ['nothing', null, /not an export/],
      ['something else', { format: 'trace', body: {} }, /not an export/],
      ['another format version', { ...data, version: 2 }, /version 2/],
      ['another machine', { ...data, machine: '0123456789abcdef' }, /another machine/],
      ['damaged', damaged, /damaged/],
      ['a guard the machine lacks', tampered(data, (b) => (b.names = b.names!.map((n) => (guards.has(n as string) ? 'noSuchGuard' : n)))), /guard the machine does not have: noSuchGuard/],
      ['a state the machine lacks', tampered(data, (b) => (b.ids![0] = 'procedure.nowhere')), /state node the machine does not have: procedure\.nowhere/],
      ['an action list the machine lacks', tampered(data, (b) => (b.lists![0] = ['entry', 'procedure.nowhere'])), /action list the machine does not have/],
      ['a recording cut off', tampered(data, (b) => b.tapes!.pop()), /cut off/],
      // Each recording said to start from another configuration: at odds with what the stepper recorded itself.
      ['recordings at odds with its own', tampered(data, (b) => b.configurations!.reverse()), /at odds with the recordings here/],
    ];
    for (const [what, export_, reason] of refusals) {
      expect(() => stepper.importRecordings(export_), what).toThrow(reason);
      expect(() => stepper.importRecordings(export_), what).toThrow(/^fast stepper: import refused: /);
    }
    // As it was: nothing imported, its own recordings serve the cases it ran, and it records steps it has not met.
    expect(stepper.getFastStepperStats()).toMatchObject({ imported: 0, configurations: before.configurations });
    for (const c of sample) expectSameAsXState(c, stepper.fastStepper);
    expect(stepper.getFastStepperStats().recorded).toBe(before.recorded);
    for (const c of others.slice(0, 200)) expectSameAsXState(c, stepper.fastStepper);
    expect(stepper.getFastStepperStats().recorded).toBeGreaterThan(before.recorded);
    // The same export, untouched, is taken.
    expect(() => stepper.importRecordings(data)).not.toThrow();
  }, 120_000);
});
