// The law of each act's own day: the rules of any simulated day, and the dated value each rule took that day.
import { describe, expect, it } from 'vitest';
import { createRulesByDay, recordRuleReads } from '../../machines/case/rulesByDay';
import { getRuleChangeDates, getRulesInForce } from '../../machines/rules/rules';
import { addDays, daysBetween } from '../../machines/dates';

describe('createRulesByDay', () => {
  it('gives on each day the rules of that day, not those of the detection date, on both sides of every change', () => {
    const byDay = createRulesByDay('2004-01-01');
    for (const { rule, date } of getRuleChangeDates()) {
      const day = daysBetween('2004-01-01', date);
      if (day < 0) continue;
      expect(byDay.on(day)[rule].value, `${rule} on ${date}`).toEqual(getRulesInForce(date)[rule].value);
      expect(byDay.on(day - 1)[rule].value, `${rule} the day before ${date}`).toEqual(getRulesInForce(addDays(date, -1))[rule].value);
      expect(byDay.on(day)[rule].value).not.toEqual(byDay.on(day - 1)[rule].value);
    }
  });

  it('names the dated value in force that day by its first day, null when it predates the model', () => {
    const byDay = createRulesByDay('2017-05-01');
    expect(byDay.uses(['reflectionDocument'], 18)).toEqual([{ id: 'reflectionDocument', from: null }]);
    expect(byDay.uses(['reflectionDocument'], 19)).toEqual([{ id: 'reflectionDocument', from: '2017-05-20' }]);
  });

  it('names a practice overlay or a reform instead of the law when they replace its value', () => {
    const reported = createRulesByDay('2022-10-20', 'asReported');
    expect(reported.uses(['ageTestCarriedOut'], 5)).toEqual([{ id: 'ageTestCarriedOut', from: null }]);
    expect(reported.uses(['ageTestCarriedOut'], 6)).toEqual([{ id: 'ageTestCarriedOut', from: '2022-10-26', overriddenBy: 'asReported' }]);
    const reformed = createRulesByDay('2016-03-01', 'asWritten', ['noCooperationCondition']);
    expect(reformed.uses(['childStatusRequiresCooperation'], 0)).toEqual([
      { id: 'childStatusRequiresCooperation', from: null, overriddenBy: 'noCooperationCondition' },
    ]);
  });

  it('computes each date once', () => {
    const byDay = createRulesByDay('2016-03-01');
    expect(byDay.on(40)).toBe(byDay.on(40));
    expect(byDay.on(0)).toBe(byDay.on(0));
  });
});

describe('recordRuleReads', () => {
  it('records the rules read through it and nothing else', () => {
    const { rules, read } = recordRuleReads(getRulesInForce('2016-03-01'));
    expect(rules.mezaOpen.value).toBe(false);
    void rules.reflectionDocument.basis;
    expect([...read]).toEqual(['mezaOpen', 'reflectionDocument']);
  });
});
