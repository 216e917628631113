// The rules by the day of each act (tempus regit actum, case-format.md revision of 2026-12-01): a case is detected on
// one date, but each milestone is decided under the rules in force on its own date. `RulesByDay` gives the rules of any
// simulated day (memoised per date, so guards stay cheap pure functions of context and event) and names the dated
// value each rule took that day, for the milestone's `rules`.
import { addDays } from '../dates';
import { getRulesInForce, PRACTICE_OVERLAYS, RULES, valueOn, type Rule, type RuleId, type RulesInForce } from '../rules/rules';
import type { Practice, ReformId, RuleUse } from './types';

export interface RulesByDay {
  /** detection date: day 0 of the simulated clock */
  readonly detectedOn: string;
  /** the rules in force on simulated day `day`, with the practice overlay and the reforms applied */
  on(day: number): RulesInForce;
  /** the dated value of each rule in force on `day`: id, first day in force (null: before the modelled period), override */
  uses(ids: Iterable<RuleId>, day: number): RuleUse[];
}

function overlayOn(id: RuleId, date: string) {
  return PRACTICE_OVERLAYS.find((o) => o.rule === id && (o.from === undefined || o.from <= date) && (o.to === undefined || date <= o.to));
}

// Shared by every case with the same practice and reforms: cohorts meet the same dates again and again, and one
// object per date keeps the age-decision memo (keyed on the rules object) effective.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, RulesInForce>();

// One object per (detection date, practice, reforms): runs of the same case share it, so contexts compare equal
// (the fast stepper checks XState's context against its own).
const byCase = new Map<string, RulesByDay>();

export function createRulesByDay(detectedOn: string, practice: Practice = 'asWritten', reforms: readonly ReformId[] = []): RulesByDay {
  const prefix = `${practice}|${[...reforms].sort().join(',')}|`;
  const cached = byCase.get(prefix + detectedOn);
  if (cached) return cached;
  if (byCase.size >= MEMO_LIMIT) byCase.clear();
  const created = makeRulesByDay(detectedOn, practice, reforms, prefix);
  byCase.set(prefix + detectedOn, created);
  return created;
}

function makeRulesByDay(detectedOn: string, practice: Practice, reforms: readonly ReformId[], prefix: string): RulesByDay {
  const dateOf = (day: number) => (day === 0 ? detectedOn : addDays(detectedOn, day));
  const on = (day: number) => {
    const date = dateOf(day);
    const key = prefix + date;
    let rules = memo.get(key);
    if (!rules) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, (rules = getRulesInForce(date, practice, reforms)));
    }
    return rules;
  };
  return {
    detectedOn,
    on,
    uses(ids, day) {
      const date = dateOf(day);
      const rules = on(day);
      const out: RuleUse[] = [];
      for (const id of new Set(ids)) {
        const overriddenBy = rules[id].overriddenBy;
        if (overriddenBy === 'asReported') out.push({ id, from: overlayOn(id, date)?.from ?? null, overriddenBy });
        else if (overriddenBy) out.push({ id, from: null, overriddenBy });
        else out.push({ id, from: valueOn(RULES[id] as Rule<unknown>, date).from ?? null });
      }
      return out;
    },
  };
}

/**
 * The rules of one day, and the ids of the rules read through it: a milestone's citation and attributes are
 * computed through this view, so its `rules` name exactly what they used (plus the rules its guards decided on).
 */
export function recordRuleReads(rules: RulesInForce): { rules: RulesInForce; read: Set<RuleId> } {
  const read = new Set<RuleId>();
  const view = new Proxy(rules, {
    get(target, key) {
      if (typeof key === 'string' && key in RULES) read.add(key as RuleId);
      return target[key as RuleId];
    },
  });
  return { rules: view, read };
}
