// Each step lists the assumptions and rules its milestones relied on, and the trace lists no more than the run used.
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../machines/case/facts';
import { stepCase } from '../../machines/case/run';
import { makeCase } from './cases';

describe('what a run relied on, step by step', () => {
  it('names the same-day referral on the step the specialised centre comes, and the referral texts in force', () => {
    const { steps, trace } = stepCase(makeCase({ date: '2016-03-01' }));
    const first = steps[0]!;
    expect(first.assumptions).toContain(ASSUMPTIONS.sameDayReferral);
    expect(first.rulesUsed).toEqual(expect.arrayContaining(['nationalReferralMechanism', 'prosecutionGuideline']));
    // COL 01/2015's start date is itself an assumption of the rules table: the step and the trace both say so.
    expect(first.assumptions.join(' ')).toMatch(/COL 01\/2015/);
    for (const step of steps) for (const a of step.assumptions) expect(trace.assumptions).toContain(a);
  });

  it('lists the acquittal assumption whichever comes first, the withdrawal on the definition or the acquittal', () => {
    const acquitted = stepCase(makeCase({ prosecution: { outcome: 'acquittal', day: 200 } }));
    const withdrawal = acquitted.trace.milestones.find((m) => m.id === 'residenceWithdrawn');
    expect(withdrawal?.failedCondition).toBe('definition');
    expect(acquitted.trace.assumptions).toContain(ASSUMPTIONS.acquittalFailsDefinition);
    const step = acquitted.steps.find((s) => s.milestones.some((m) => m.id === 'residenceWithdrawn'))!;
    expect(step.assumptions).toContain(ASSUMPTIONS.acquittalFailsDefinition);
  });
});
