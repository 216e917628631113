// Law coverage counts a provision for a case only when the case's run passes through it.
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { formatCoverage, getLawCoverage, type CoveredRun } from '../../src/engine/lawCoverage';
import { makeCase } from '../machines/cases';

function covered(name: string, overrides: Parameters<typeof makeCase>[0]): CoveredRun {
  const caseFile = makeCase(overrides);
  return { name, caseFile, run: stepCase(caseFile) };
}
const row = (rows: ReturnType<typeof getLawCoverage>, id: string) => rows.find((r) => r.id === id)!;

describe('law coverage', () => {
  const appeal = covered('appeal', { age: { doubted: true, assessment: { low: 19, high: 23 }, appeal: { day: 30, outcome: 'rejected', decisionDay: 90 } } });
  const plain = covered('plain', {});
  const rows = getLawCoverage([appeal, plain]);

  it('counts a state citation only for the cases that enter the state', () => {
    expect(row(rows, 'ageAppeal').cases).toEqual(['appeal']);
    expect(row(rows, 'detection').cases).toEqual(['appeal', 'plain']);
    expect(row(rows, 'permanentResidence').cases).toEqual([]);
  });

  it('counts a milestone-only citation (non-punishment) from the milestone, on the right side of its date', () => {
    const before = covered('2019-06', { date: '2019-06-01', detection: { exploitation: 'criminal' } });
    const after = covered('2019-08', { date: '2019-08-01', detection: { exploitation: 'criminal' } });
    const r = getLawCoverage([before, after]);
    expect(row(r, 'nonPunishment').cases).toEqual(['2019-08']);
  });

  it('names the dated rule value each milestone used on its own day, and the reforms it asks for', () => {
    const short = { horizonDays: 200 };
    const reform = covered('reform', { ...short, reforms: ['noCooperationCondition'] });
    const r = getLawCoverage([covered('2016', short), reform, covered('2010', { ...short, date: '2010-06-01' }), covered('2016-long', { horizonDays: 600 })]);
    expect(row(r, 'nationalReferralMechanism@2008-10-31').cases).toEqual(['2016', 'reform', '2010', '2016-long']);
    // The A card renewed in 2017 is decided under the circular of 2016 (tempus regit actum).
    expect(row(r, 'nationalReferralMechanism@2017-03-10').cases).toEqual(['2016-long']);
    expect(row(r, 'reform:noCooperationCondition').cases).toEqual(['reform']);
  });

  it('prefers the rules each milestone says it used', () => {
    const withRules: CoveredRun = {
      ...plain,
      run: {
        ...plain.run,
        trace: { ...plain.run.trace, milestones: [{ ...plain.run.trace.milestones[0], rules: [{ id: 'mezaOpen', from: '2022-01-01' }] }] },
      },
    };
    const r = getLawCoverage([withRules]);
    expect(row(r, 'mezaOpen@2022-01-01').cases).toEqual(['plain']);
    expect(row(r, 'nationalReferralMechanism@2008-10-31').cases).toEqual([]);
  });

  it('lists the provisions no case reaches', () => {
    const text = formatCoverage(rows);
    expect(text).toMatch(/Not reached: .*`permanentResidence`/);
    expect(text).not.toMatch(/Not reached: .*`detection`/);
  });
});
