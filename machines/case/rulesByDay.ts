// The rules by the day of each act (tempus regit actum, case-format.md revision of 2026-12-01): a case is detected on
// one date, but each milestone is decided under the rules in force on its own date. `RulesByDay` gives the rules of any
// simulated day (memoised per stretch of unchanged rules, so guards stay cheap pure functions of context and event) and names the dated
// value each rule took that day, for the milestone's `rules`.
import { addDays } from '../dates';
import { getRulesInForce, PRACTICE_OVERLAYS, RULES, valueOn, type Rule, type RuleId, type RulesInForce } from '../rules/rules';
import type { Practice, ReformId, RuleUse } from './types';

export interface RulesByDay {
  /** detection date: day 0 of the simulated clock */
  readonly detectedOn: string;
  /** the date of simulated day `day` */
  dateOf(day: number): string;
  /** the rules in force on simulated day `day`, with the practice overlay and the reforms applied */
  on(day: number): RulesInForce;
  /** the dated value of each rule in force on `day`: id, first day in force (null: before the modelled period), override */
  uses(ids: Iterable<RuleId>, day: number): RuleUse[];
}

function overlayOn(id: RuleId, date: string) {
  return PRACTICE_OVERLAYS.find((o) => o.rule === id && (o.from === undefined || o.from <= date) && (o.to === undefined || date <= o.to));
}

// The rules are piecewise constant: they change only on the days a dated value or a practice overlay starts or
// ends. One RulesInForce object per (practice, reforms, stretch between two such days) is shared by every case,
// so the age-decision memo (keyed on the rules object) stays effective and cohorts never rebuild rules.
let boundaries: string[] | undefined;
function changeDays(): string[] {
  if (!boundaries) {
    const days = new Set<string>();
    for (const r of Object.values(RULES) as Rule<unknown>[]) {
      for (const v of r.values) {
        if (v.from) days.add(v.from);
        if (v.to) days.add(addDays(v.to, 1));
      }
    }
    for (const o of PRACTICE_OVERLAYS) {
      if (o.from) days.add(o.from);
      if (o.to) days.add(addDays(o.to, 1));
    }
    boundaries = [...days].sort();
  }
  return boundaries;
}
/** Index of the stretch `date` falls in: how many change days are on or before it. */
function stretchOf(date: string): number {
  const days = changeDays();
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (days[mid]! <= date) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Stretch {
  rules: RulesInForce;
  /** RuleUse per rule id, the same object for every milestone decided in this stretch */
  uses: Map<RuleId, RuleUse>;
}
const stretches = new Map<string, Stretch[]>();

function stretchAt(date: string, practice: Practice, reforms: readonly ReformId[], prefix: string): Stretch {
  let list = stretches.get(prefix);
  if (!list) stretches.set(prefix, (list = []));
  const index = stretchOf(date);
  // The stretch's values are those of its first day (or of any day in it: nothing changes inside a stretch).
  return (list[index] ??= { rules: getRulesInForce(date, practice, reforms), uses: new Map() });
}

function useOf(stretch: Stretch, id: RuleId, date: string): RuleUse {
  let use = stretch.uses.get(id);
  if (!use) {
    const overriddenBy = stretch.rules[id].overriddenBy;
    if (overriddenBy === 'asReported') use = { id, from: overlayOn(id, date)?.from ?? null, overriddenBy };
    else if (overriddenBy) use = { id, from: null, overriddenBy };
    else use = { id, from: valueOn(RULES[id] as Rule<unknown>, date).from ?? null };
    stretch.uses.set(id, Object.freeze(use) as RuleUse);
  }
  return use;
}

// One object per (detection date, practice, reforms): runs of the same case share it, so contexts compare equal
// (the fast stepper checks XState's context against its own), and its day → date and day → stretch memos serve
// every child detected that day.
const MEMO_LIMIT = 50_000;
const byCase = new Map<string, Map<string, RulesByDay>>();
let memoSize = 0;
const NO_REFORMS_PREFIX: Record<Practice, string> = { asWritten: 'asWritten||', asReported: 'asReported||' };

export function createRulesByDay(detectedOn: string, practice: Practice = 'asWritten', reforms: readonly ReformId[] = []): RulesByDay {
  // Every run makes it more than once (facts, engine, machine context): the common case builds no string.
  const prefix = (reforms.length === 0 && NO_REFORMS_PREFIX[practice]) || `${practice}|${[...reforms].sort().join(',')}|`;
  let byDate = byCase.get(prefix);
  const cached = byDate?.get(detectedOn);
  if (cached) return cached;
  if (memoSize >= MEMO_LIMIT) {
    byCase.clear();
    memoSize = 0;
    byDate = undefined;
  }
  if (!byDate) byCase.set(prefix, (byDate = new Map()));
  const created = makeRulesByDay(detectedOn, practice, reforms, prefix);
  byDate.set(detectedOn, created);
  memoSize++;
  return created;
}

function makeRulesByDay(detectedOn: string, practice: Practice, reforms: readonly ReformId[], prefix: string): RulesByDay {
  // Days of the simulated clock are whole days from 0 to the horizon: arrays indexed by day (sparse is fine).
  const dates: string[] = [];
  const byDay: Stretch[] = [];
  const dateOf = (day: number) => dates[day] ?? (dates[day] = day === 0 ? detectedOn : addDays(detectedOn, day));
  const stretchOn = (day: number) => byDay[day] ?? (byDay[day] = stretchAt(dateOf(day), practice, reforms, prefix));
  return {
    detectedOn,
    dateOf,
    on: (day) => stretchOn(day).rules,
    uses(ids, day) {
      const stretch = stretchOn(day);
      const date = dateOf(day);
      const out: RuleUse[] = [];
      // A rule named twice is used once (one RuleUse per rule and stretch, so the list is short and includes is cheap).
      for (const id of ids) {
        const use = useOf(stretch, id, date);
        if (!out.includes(use)) out.push(use);
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
