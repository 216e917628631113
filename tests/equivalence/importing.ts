// Recordings shared between fast steppers: each stepper a fresh module instance (its own machine, guards and
// action functions, as in another thread), one recording, the other importing what it exported.
import fc from 'fast-check';
import { expect, vi } from 'vitest';
import { runCase } from '../../machines/case/run';
import { xstateStepper } from '../../machines/case/stepper';
import { parseCaseText } from '../../machines/case/validate';
import type { CaseFile } from '../../machines/case/types';
import { loadFixtures } from '../fixtures/cases/load';
import { caseFileArbitrary } from '../machines/arbitraries';
import { cohortChildArbitrary, expectSameRun } from './compare';

export type FastStepperModule = typeof import('../../machines/case/fastStepper');

/** A fast stepper with nothing recorded: a module instance of its own. */
export async function freshStepper(): Promise<FastStepperModule> {
  vi.resetModules();
  return import('../../machines/case/fastStepper');
}

/** Every acceptance fixture's case file. */
export function fixtureCases(): CaseFile[] {
  return loadFixtures().map((f) => {
    const parsed = parseCaseText(f.caseText);
    if (!parsed.ok) throw new Error(`fixture ${f.name} does not parse`);
    return parsed.value;
  });
}

/** `count` random case files, the same ones for a seed: cohort children, and a quarter written over every field. */
export function randomCases(count: number, seed: number): CaseFile[] {
  const children = fc.sample(cohortChildArbitrary, { numRuns: count - Math.floor(count / 4), seed });
  return [...children, ...fc.sample(caseFileArbitrary, { numRuns: Math.floor(count / 4), seed: seed + 1 })];
}

/** The case's run through `stepper` is XState's, step for step, and its trace the same bytes. */
export function expectSameAsXState(caseFile: CaseFile, stepper: FastStepperModule['fastStepper']): void {
  expectSameRun(caseFile, stepper);
  const ours = JSON.stringify(runCase(caseFile, { stepper }));
  const theirs = JSON.stringify(runCase(caseFile, { stepper: xstateStepper }));
  if (ours !== theirs) expect({ caseFile, trace: ours }).toEqual({ caseFile, trace: theirs });
}

/** The export of a stepper that ran `cases`, as it arrives elsewhere: through JSON, or a structured clone. */
export async function recordingsOf(cases: CaseFile[], via: 'json' | 'clone'): Promise<unknown> {
  const recorder = await freshStepper();
  for (const c of cases) runCase(c, { stepper: recorder.fastStepper });
  const { data } = recorder.exportRecordings();
  expect(recorder.getFastStepperStats().recorded).toBeGreaterThan(0);
  return via === 'json' ? JSON.parse(JSON.stringify(data)) : structuredClone(data);
}
