// The teaching library must cover what the issue asks for: every region, each kind of exploitation, each way a
// child leaves the path, and each rule that changed over time shown on the same child before and after.
import { describe, it, expect } from 'vitest';
import { SCENARIOS, scenarioTitle, scenarioTeaches, findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';
import type { MilestoneId, Trace } from '../../machines/case/types';

const traces = new Map<string, Trace>(SCENARIOS.map((s) => [s.id, stepCase(s.case).trace]));
const has = (id: string, milestone: MilestoneId) => traces.get(id)!.milestones.some((m) => m.id === milestone);

describe('teaching scenarios', () => {
  it('are at least ten, each with a title and what it teaches', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(10);
    for (const s of SCENARIOS) {
      expect(scenarioTitle(s.id)).not.toBe(s.id);
      expect(scenarioTeaches(s.id).length).toBeGreaterThan(40);
      expect(s.source.length).toBeGreaterThan(5);
    }
  });

  it('cover every region and every kind of exploitation', () => {
    expect(new Set(SCENARIOS.map((s) => s.case.detection.region))).toEqual(new Set(['brussels', 'flanders', 'wallonia']));
    expect(new Set(SCENARIOS.map((s) => s.case.detection.exploitation))).toEqual(
      new Set(['sexual', 'labour', 'criminal', 'begging', 'unknown', 'none']),
    );
  });

  it('cover every way a child leaves the path to protection', () => {
    const outcomes = new Set([...traces.values()].map((t) => t.outcome));
    for (const outcome of ['notIdentified', 'disappeared', 'returned', 'mustLeave', 'otherProcedure', 'permanentResidence'] as const)
      expect(outcomes, outcome).toContain(outcome);
    const all = [...traces.keys()];
    expect(all.some((id) => has(id, 'identifiedAsAdult') && has(id, 'adultTrack')), 'found adult').toBe(true);
    expect(all.some((id) => has(id, 'residenceWithdrawn') && traces.get(id)!.victimStatusConditions.tiesCut === 'unmet'), 'a condition fails').toBe(true);
    expect(all.some((id) => has(id, 'prosecutionDismissed')), 'dismissal').toBe(true);
  });

  it('pairs are the same child on both sides of a rule change, and the change shows on the path', () => {
    const pairs = SCENARIOS.filter((s) => s.pairOf);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const s of pairs) {
      const other = findScenario(s.pairOf!)!;
      expect(other.pairOf).toBe(s.id);
      const { date: _a, title: _t, person: p1, ...rest1 } = s.case;
      const { date: _b, title: _u, person: p2, ...rest2 } = other.case;
      expect(rest1).toEqual(rest2);
      expect({ ...p1, declaredBirthDate: undefined }).toEqual({ ...p2, declaredBirthDate: undefined });
    }
    // EEA child before/after the law of 12 May 2014
    expect(has('romanian_girl_2012', 'outsideGuardianshipScope')).toBe(true);
    expect(has('romanian_girl_2016', 'guardianAppointed')).toBe(true);
    // adult reflection document before/after 20 May 2017
    const doc = (id: string) => traces.get(id)!.milestones.find((m) => m.id === 'reflectionPeriod')?.document;
    expect([doc('found_adult_2016'), doc('found_adult_2018')]).toEqual(['orderToLeave', 'annex15']);
    // age of record before/after the 2018 Council of State rulings
    expect(traces.get('declared_birthdate_2017')!.person.ageOfRecord).toBeGreaterThan(traces.get('declared_birthdate_2019')!.person.ageOfRecord);
    // non-punishment from 1 July 2019
    expect([has('cannabis_boy_2018', 'nonPunishment'), has('cannabis_boy_2020', 'nonPunishment')]).toEqual([false, true]);
  });
});
