import { describe, it, expect } from 'vitest';
import { deadlinesAt, toDeadline } from '../../src/view-model/deadlines';
import { comparePaths } from '../../src/view-model/compare';
import type { Milestone, Trace } from '../../machines/case/types';
import { stepCase } from '../../machines/case/run';
import { findScenario } from '../../src/scenarios';

const ms = (id: Milestone['id'], day: number, extra: Record<string, unknown> = {}): Milestone => ({ id, day, date: '', basis: '', source: '', ...extra });

describe('deadlines on the clock', () => {
  it('gives a minor 3 calendar months and an adult 45 days of reflection', () => {
    expect(toDeadline(ms('minorResidenceDocument', 0, { validMonths: 3 }), '2016-01-31')).toMatchObject({ startDay: 0, endDay: 29 + 31 + 30 });
    expect(toDeadline(ms('reflectionPeriod', 2, { validDays: 45 }), '2018-01-01')).toMatchObject({ startDay: 2, endDay: 47 });
  });
  it('counts 3 + 3 working days of border holding over a weekend', () => {
    // Friday 2016-09-02: six working days end on Monday 2016-09-12 (10 calendar days later)
    expect(toDeadline(ms('borderDetention', 0, { maxWorkingDays: 6 }), '2016-09-02')).toMatchObject({ endDay: 10 });
  });
  it('shows only the latest card, renewed every 6 months, and nothing not yet reached', () => {
    const list = [ms('temporaryResidenceCard', 100, { validMonths: 6 }), ms('temporaryResidenceCard', 283, { validMonths: 6 }), ms('ageAppeal', 400)];
    const shown = deadlinesAt(list, '2016-01-01', 300);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ kind: 'card', startDay: 283 });
  });
});

describe('deadlines ended early', () => {
  it('stops the card when the residence is withdrawn, and says why', () => {
    const list = [ms('temporaryResidenceCard', 100, { validMonths: 6 }), ms('residenceWithdrawn', 150)];
    expect(deadlinesAt(list, '2016-01-01', 149)[0]).toMatchObject({ kind: 'card', endDay: 283 });
    expect(deadlinesAt(list, '2016-01-01', 150)[0]).toMatchObject({ kind: 'card', endDay: 150, stoppedBy: 'residenceWithdrawn' });
  });
  it('leaves a deadline that had already run out as it was', () => {
    const list = [ms('minorResidenceDocument', 0, { validMonths: 3 }), ms('residenceWithdrawn', 200)];
    const [document] = deadlinesAt(list, '2016-01-01', 200);
    expect(document.stoppedBy).toBeUndefined();
    expect(document.endDay).toBe(91);
  });
  it('ends the border holding when the child moves to the observation centre', () => {
    const list = [ms('borderDetention', 0, { maxWorkingDays: 6 }), ms('observationCentre', 3)];
    expect(deadlinesAt(list, '2016-09-05', 3)[0]).toMatchObject({ kind: 'borderDetention', endDay: 3, stoppedBy: 'observationCentre' });
  });
  it('shows no running card after contact with the exploiters resumed (scenario "ties resumed")', () => {
    const scenario = findScenario('ties_resumed')!;
    const { trace } = stepCase(scenario.case);
    const withdrawn = trace.milestones.find((m) => m.id === 'residenceWithdrawn')!;
    const shown = deadlinesAt(trace.milestones, scenario.case.date, withdrawn.day + 1);
    expect(shown.filter((d) => withdrawn.day + 1 < d.endDay)).toEqual([]);
  });
});

describe('the window to appeal an adult age decision', () => {
  it('opens on the decision, for the 60 days the rule gives (scenario "found adult", 2016)', () => {
    const scenario = findScenario('found_adult_2016')!;
    const { trace } = stepCase(scenario.case);
    const decision = trace.milestones.find((m) => m.id === 'identifiedAsAdult')!;
    const [window] = deadlinesAt(trace.milestones, scenario.case.date, decision.day).filter((d) => d.kind === 'appeal');
    expect(window).toMatchObject({ milestoneId: 'identifiedAsAdult', startDay: decision.day, endDay: decision.day + 60, length: { days: 60 } });
  });
  it('closes when the appeal is lodged, and says so', () => {
    const scenario = findScenario('found_adult_2016')!;
    const decisionDay = stepCase(scenario.case).trace.milestones.find((m) => m.id === 'identifiedAsAdult')!.day;
    const { trace } = stepCase({ ...scenario.case, age: { ...scenario.case.age, appeal: { day: decisionDay + 20, outcome: 'pending' } } } as never);
    const [window] = deadlinesAt(trace.milestones, scenario.case.date, decisionDay + 30).filter((d) => d.kind === 'appeal');
    expect(window).toMatchObject({ startDay: decisionDay, endDay: decisionDay + 20, stoppedBy: 'ageAppeal' });
  });
});

describe('comparing two paths', () => {
  const trace = (ids: Milestone['id'][], outcome: Trace['outcome']) => ({ milestones: ids.map((id) => ms(id, 0)), outcome }) as Trace;
  it('lists milestones added and removed, counting repeats, and the outcome change', () => {
    const d = comparePaths(trace(['detected', 'temporaryResidenceCard', 'temporaryResidenceCard'], 'temporaryResidence'), trace(['detected', 'temporaryResidenceCard', 'permanentResidence'], 'permanentResidence'));
    expect(d).toEqual({ added: ['permanentResidence'], removed: ['temporaryResidenceCard'], outcomeBefore: 'temporaryResidence', outcomeAfter: 'permanentResidence', same: false });
    expect(comparePaths(trace(['detected'], 'returned'), trace(['detected'], 'returned')).same).toBe(true);
  });
});

describe('deadlines replaced or made moot', () => {
  it('ends the minor document when the AI replaces it, and every deadline when the child disappears', () => {
    const list = [ms('minorResidenceDocument', 0, { validMonths: 3 }), ms('registrationCertificate', 20, { validMonths: 3 }), ms('disappeared', 50)];
    const at30 = deadlinesAt(list, '2016-01-01', 30);
    expect(at30.find((d) => d.kind === 'minorDocument')).toMatchObject({ endDay: 20, stoppedBy: 'registrationCertificate' });
    expect(at30.find((d) => d.kind === 'registration')?.stoppedBy).toBeUndefined();
    expect(deadlinesAt(list, '2016-01-01', 60).every((d) => d.endDay <= 50)).toBe(true);
  });
});
