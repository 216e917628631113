// Dates of a period cohort: when each child is detected (uniformly, or by the set's yearly arrivals), the
// days at which the rules in force change (the segments children are simulated in), and the dated rule
// changes, practice overlays, EEA accessions and reforms to mark on a time axis, each with its citation.
import { addDays, daysBetween, isValidIsoDate } from '../../machines/dates';
import { PRACTICE_OVERLAYS, REFORMS, RULES, type DatedValue } from '../../machines/rules/rules';
import { EEA_MEMBERSHIP } from '../../machines/rules/eea';
import { MODELLED_PERIOD } from '../../machines/case/validate';
import type { Practice, ReformId } from '../../machines/case/types';
import type { AssumptionSet } from './assumptions/schema';
import { fmix32 } from './hash';

export type Spread = 'uniform' | 'arrivals';
/**
 * How finely detection dates are kept when simulating: 'segment' simulates each child as detected on the
 * first day of its stretch of unchanged rules within its year (exact for the rules in force on detection,
 * cheap: ~2 segments a year); 'month' on the first of its month; 'day' on its own day (exact, costly).
 */
export type Granularity = 'segment' | 'month' | 'day';

export interface Period {
  from: string;
  to: string;
  spread: Spread;
  granularity?: Granularity;
  practice: Practice;
  reforms: ReformId[];
  /** reforms apply to children detected on or after this day (absent: to all) */
  reformsFrom?: string;
}

/** Problems with a period, each naming the field; empty when it is usable with `set`. */
export function checkPeriod(period: Period, set: AssumptionSet): string[] {
  const problems: string[] = [];
  for (const [name, date] of [
    ['from', period.from],
    ['to', period.to],
    ...(period.reformsFrom ? [['reformsFrom', period.reformsFrom]] : []),
  ] as const) {
    if (!isValidIsoDate(date)) problems.push(`${name} ${date}: expected a date YYYY-MM-DD`);
    else if (date < MODELLED_PERIOD.from || date > MODELLED_PERIOD.to)
      problems.push(`${name} ${date}: the model covers ${MODELLED_PERIOD.from} to ${MODELLED_PERIOD.to}`);
  }
  if (problems.length === 0 && period.from > period.to)
    problems.push(`from ${period.from} is after to ${period.to}`);
  if (problems.length === 0 && period.spread === 'arrivals') {
    const arrivals = set.yearlyArrivals;
    if (!arrivals) problems.push(`assumption set "${set.id}" has no yearlyArrivals to spread by`);
    else {
      const missing = yearsOf(period).filter((y) => arrivals[y] === undefined);
      if (missing.length)
        problems.push(`assumption set "${set.id}": yearlyArrivals has no figure for ${missing.join(', ')}`);
      else if (yearsOf(period).every((y) => arrivals[y].value === 0))
        problems.push(`assumption set "${set.id}": yearlyArrivals are all 0 in the period`);
    }
  }
  return problems;
}

export function yearsOf(period: { from: string; to: string }): string[] {
  const years: string[] = [];
  for (let y = +period.from.slice(0, 4); y <= +period.to.slice(0, 4); y++) years.push(String(y));
  return years;
}

/**
 * Child i's detection day (days after `from`): a pure function of (seed, i) drawn from its own stream, so
 * the facts generate.ts draws for the child do not change with the period.
 */
export function createDayDrawer(period: Period, set: AssumptionSet): (seed: number, index: number) => number {
  const days = daysBetween(period.from, period.to) + 1;
  const unit = (seed: number, index: number) =>
    (fmix32(seed ^ fmix32((index ^ 0x5bd1e995) + 0x7f4a7c15)) >>> 0) / 2 ** 32;
  if (period.spread === 'uniform') return (seed, index) => Math.floor(unit(seed, index) * days);
  // By yearly arrivals: each year weighs its figure times the share of the year inside the period.
  const starts: number[] = [];
  const lengths: number[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  for (const year of yearsOf(period)) {
    const first = year === period.from.slice(0, 4) ? period.from : `${year}-01-01`;
    const last = year === period.to.slice(0, 4) ? period.to : `${year}-12-31`;
    const inside = daysBetween(first, last) + 1;
    const yearLength = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
    starts.push(daysBetween(period.from, first));
    lengths.push(inside);
    cumulative.push((sum += (set.yearlyArrivals![year].value * inside) / yearLength));
  }
  return (seed, index) => {
    const u = unit(seed, index) * sum;
    let k = 0;
    while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
    const before = k === 0 ? 0 : cumulative[k - 1];
    const within = (u - before) / (cumulative[k] - before);
    return starts[k] + Math.min(lengths[k] - 1, Math.floor(within * lengths[k]));
  };
}

/** Days (after `from`) on which the rules a child is decided under may change, plus each 1 January. */
function changeDays(period: Period, set: AssumptionSet): Set<number> {
  const dates = new Set<string>();
  for (const y of yearsOf(period)) dates.add(`${y}-01-01`);
  const addRange = (from?: string, to?: string) => {
    if (from) dates.add(from);
    if (to) dates.add(addDays(to, 1));
  };
  for (const rule of Object.values(RULES))
    for (const v of rule.values as DatedValue<unknown>[]) addRange(v.from, v.to);
  if (period.practice === 'asReported') for (const o of PRACTICE_OVERLAYS) addRange(o.from, o.to);
  for (const code of Object.keys(set.params.nationality.value)) {
    const m = EEA_MEMBERSHIP[code];
    if (m) addRange(m.from, m.to);
  }
  if (period.reformsFrom && period.reforms.length) dates.add(period.reformsFrom);
  const days = new Set<number>([0]);
  const total = daysBetween(period.from, period.to) + 1;
  for (const date of dates) {
    const d = daysBetween(period.from, date);
    if (d > 0 && d < total) days.add(d);
  }
  return days;
}

/** The day each child of a day is simulated as detected on (see Granularity), for every day of the period. */
export function getSimulatedDays(period: Period, set: AssumptionSet): Int32Array {
  const total = daysBetween(period.from, period.to) + 1;
  const simulated = new Int32Array(total);
  const granularity = period.granularity ?? 'segment';
  const starts = changeDays(period, set);
  let current = 0;
  for (let d = 0; d < total; d++) {
    const date = granularity === 'segment' ? '' : addDays(period.from, d);
    if (granularity === 'day' || starts.has(d) || (granularity === 'month' && date.endsWith('-01')))
      current = d;
    simulated[d] = current;
  }
  return simulated;
}

export type MarkerKind = 'rule' | 'practice' | 'eea' | 'reform';
export interface PeriodMarker {
  date: string;
  kind: MarkerKind;
  /** whether something takes effect on `date` or stops (the day after its last day) */
  edge: 'start' | 'end';
  /** rule id, reform id, or country code */
  id: string;
  title: string;
  basis: string;
  source: string;
}

/**
 * Everything that changes on a date inside the period, for the time axis; sorted by date. A dated value or
 * overlay with a `to` also ends: its end is marked on the day after `to`, when the next rules apply.
 */
export function getPeriodMarkers(period: Period, set: AssumptionSet): PeriodMarker[] {
  const inside = (date?: string): date is string =>
    !!date && date > period.from && date <= period.to;
  const markers: PeriodMarker[] = [];
  const edges = (from: string | undefined, to: string | undefined, marker: Omit<PeriodMarker, 'date' | 'edge'>) => {
    if (inside(from)) markers.push({ ...marker, date: from, edge: 'start' });
    const end = to && addDays(to, 1);
    if (inside(end)) markers.push({ ...marker, date: end, edge: 'end' });
  };
  for (const [id, rule] of Object.entries(RULES))
    for (const v of rule.values as DatedValue<unknown>[])
      // the law's values follow one another: the next value's start marks the change
      if (inside(v.from))
        markers.push({ date: v.from, edge: 'start', kind: 'rule', id, title: rule.title, basis: v.basis, source: v.source });
  if (period.practice === 'asReported')
    for (const o of PRACTICE_OVERLAYS)
      edges(o.from, o.to, { kind: 'practice', id: o.rule, title: RULES[o.rule].title, basis: o.basis, source: o.source });
  for (const code of Object.keys(set.params.nationality.value)) {
    const m = EEA_MEMBERSHIP[code];
    if (!m) continue;
    const eea = { kind: 'eea', id: code, basis: m.note, source: 'machines/rules/eea.ts (accession treaties)' } as const;
    edges(m.from, undefined, { ...eea, title: `${code} joins the EEA` });
    edges(undefined, m.to, { ...eea, title: `${code} leaves the EEA` });
  }
  if (period.reformsFrom && inside(period.reformsFrom))
    for (const id of period.reforms)
      markers.push({ date: period.reformsFrom, edge: 'start', kind: 'reform', id, title: REFORMS[id].title, basis: REFORMS[id].recommendation, source: REFORMS[id].source });
  return markers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
