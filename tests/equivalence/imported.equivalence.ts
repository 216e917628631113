// Recordings shared between fast steppers, at scale: one stepper (a module instance of its own) records 10,000
// random case files and every fixture; another imports its export through JSON and must give XState's runs, byte
// for byte, on them (recording nothing) and on 10,000 others (recording what it was not given).
import { describe, expect, it } from 'vitest';
import { expectSameAsXState, fixtureCases, freshStepper, randomCases, recordingsOf } from './importing';

describe('fast stepper ≡ XState with imported recordings', () => {
  it('gives 20,000 random case files and every fixture the same run', async () => {
    const given = [...fixtureCases(), ...randomCases(10_000, 101)];
    const importer = await freshStepper();
    importer.importRecordings(await recordingsOf(given, 'json'));
    for (const c of given) expectSameAsXState(c, importer.fastStepper);
    expect(importer.getFastStepperStats().recorded).toBe(0);
    for (const c of randomCases(10_000, 202)) expectSameAsXState(c, importer.fastStepper);
    expect(importer.getFastStepperStats().rebuilt).toBeGreaterThan(0);
  });
});
