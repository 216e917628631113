// The rules in force on a date: the law's dated values (law.ts), then the practice overlay and the reforms
// (overlays.ts) applied over them.
import type { Practice, ReformId } from '../case/types';
import { inForce, valueOn, type Rule } from './dated';
import { RULES, type RuleId, type RuleValues } from './law';
import { PRACTICE_OVERLAYS, REFORMS } from './overlays';

export { latestValue, valueOn, type DatedValue, type Rule } from './dated';
export { RULES, SEED_2010, SEED_2018, type RuleId, type RuleValues } from './law';
export { PRACTICE_OVERLAYS, REFORM_IDS, REFORMS, type PracticeOverlay, type Reform } from './overlays';

export interface RuleInForce<T> {
  value: T;
  basis: string;
  source: string;
  assumption?: string;
  /** 'asReported' overlay or reform id that replaced the law's value */
  overriddenBy?: string;
}
export type RulesInForce = { [K in RuleId]: RuleInForce<RuleValues[K]> };

/** The rules in force on `date`, with the practice overlay and then the reforms applied. */
export function getRulesInForce(date: string, practice: Practice = 'asWritten', reforms: readonly ReformId[] = []): RulesInForce {
  const out = {} as Record<RuleId, RuleInForce<unknown>>;
  for (const id of Object.keys(RULES) as RuleId[]) {
    const v = valueOn(RULES[id] as Rule<unknown>, date);
    out[id] = { value: v.value, basis: v.basis, source: v.source, ...(v.assumption ? { assumption: v.assumption } : {}) };
  }
  if (practice === 'asReported') {
    for (const o of PRACTICE_OVERLAYS) {
      if (inForce(o.from, o.to, date)) out[o.rule] = { value: o.value, basis: o.basis, source: o.source, ...(o.assumption ? { assumption: o.assumption } : {}), overriddenBy: 'asReported' };
    }
  }
  for (const id of reforms) {
    const reform = REFORMS[id];
    for (const [ruleId, value] of Object.entries(reform.overrides) as [RuleId, unknown][]) {
      out[ruleId] = { value, basis: `${reform.title} (${reform.recommendation})`, source: reform.source, overriddenBy: id };
    }
  }
  return out as RulesInForce;
}

/** Every date at which some rule changes value: the boundaries tests check on both sides. */
export function getRuleChangeDates(): { rule: RuleId; date: string }[] {
  const dates: { rule: RuleId; date: string }[] = [];
  for (const id of Object.keys(RULES) as RuleId[]) {
    for (const v of (RULES[id] as Rule<unknown>).values) if (v.from) dates.push({ rule: id, date: v.from });
  }
  return dates;
}
