// The nearest protected path as the diagram's second path: B is the changed case's own run, the parting box
// names every change with the first rule it triggers.
import { describe, expect, it } from 'vitest';
import { runCase, stepCase } from '../../machines/case/run';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { generateChildCase } from '../../src/engine/generate';
import { findNearestProtectedPath } from '../../src/engine/whyNot';
import { getWhyNotComparison } from '../../src/components/why/whyNotPath';

const set = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const config = { asOf: '2018-01-01', practice: 'asReported' as const, reforms: [] };

describe('why-not path on the diagram', () => {
  it('draws this child as A and the nearest protected case as B, each change named with its rule', () => {
    const child = Array.from({ length: 400 }, (_, i) => generateChildCase(set, config, 1, i)).find(
      (c) => c.detection.exploitation !== 'none' && runCase(c).outcome === 'notIdentified',
    )!;
    const answer = findNearestProtectedPath(child, { maxRuns: 500, timeBudgetMs: 20_000 });
    if (answer.status !== 'found') throw new Error(`expected a protected path, got ${answer.status}`);
    const run = stepCase(child);
    const c = getWhyNotComparison(run, answer.caseFile, answer.changes);
    expect(c.transitionsA).toEqual(run.steps.flatMap((s) => s.transitions));
    expect(c.transitionsB).toEqual(stepCase(answer.caseFile).steps.flatMap((s) => s.transitions));
    expect(c.transitionsB).not.toEqual(c.transitionsA);
    expect(c.partingStateId).toBeTruthy();
    expect(c.outcomeA).toBe('Not identified as a victim');
    expect(c.outcomeB).not.toBe(c.outcomeA);
    expect(c.legend).toEqual(["A: this child's path", 'B: the nearest protected path']);
    expect(c.notes).toHaveLength(answer.changes.length);
    expect(c.notes![0]).toMatch(/^1\. The indicators of trafficking are recognised at detection → Presumed victim \(/);
  });
});
