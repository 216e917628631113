// Every acceptance fixture and built-in scenario, run through XState and the fast stepper: identical runs.
import { describe, it } from 'vitest';
import { parseCaseText } from '../../machines/case/validate';
import { SCENARIOS } from '../../src/scenarios';
import { loadFixtures } from '../fixtures/cases/load';
import { expectSameRun } from './compare';

describe('fast stepper ≡ XState on fixtures and scenarios', () => {
  it.each(loadFixtures().map((f) => [f.name, f.caseText] as const))('fixture %s', (_name, text) => {
    const parsed = parseCaseText(text);
    if (!parsed.ok) throw new Error('fixture does not parse');
    expectSameRun(parsed.value);
  });
  it.each(SCENARIOS.map((s) => [s.id, s.case] as const))('scenario %s', (_id, caseFile) => expectSameRun(caseFile));
});
