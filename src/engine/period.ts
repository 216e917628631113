// Cohorts over a period: each child gets a detection day in [from, to] (periodDates.ts), is simulated under
// the rules of its own dates, and the figures come as totals plus `byYear` (per year of detection, same
// shapes as the totals, adding up to them). Drawing spreads children over simulated days; each day's distinct
// case files then go through the cohort orchestrator (orchestrate.ts: resolvePaths, the fast stepper).
import { addDays } from '../../machines/dates';
import type { CaseFile, MilestoneId, OutcomeId } from '../../machines/case/types';
import type { AssumptionSet } from './assumptions/schema';
import { createSampler, SLOT_COUNT, type CohortConfig, type Sampler } from './generate';
import { aggregateCohort, type CohortEntry, type CohortResult, type PathSummary } from './aggregate';
import {
  mergeByPath,
  mergeCounts,
  packChoices,
  resolvePaths,
  type CountedCases,
  type Engine,
  type ProgressReport,
} from './orchestrate';
import { PathCache } from './simulate';
import { KeyIndex } from './keyIndex';
import {
  checkPeriod,
  createDayDrawer,
  getPeriodMarkers,
  getSimulatedDays,
  type Period,
  type PeriodMarker,
} from './periodDates';

export interface PeriodRequest {
  set: AssumptionSet;
  period: Period;
  seed: number;
  cohort: number;
}

/** Figures of the children detected in one year: the same shapes as a cohort's totals. */
export interface YearFigures {
  cohort: number;
  outcomes: Partial<Record<OutcomeId, number>>;
  milestones: Partial<Record<MilestoneId, number>>;
}

export interface PeriodResult extends CohortResult {
  period: Period;
  /** per calendar year of detection, every year of the period (a year without children has cohort 0) */
  byYear: Record<string, YearFigures>;
  /** what changed on which date inside the period, cited, for the time axis */
  markers: PeriodMarker[];
}

/** The configuration child-days are simulated under: the simulated detection day, practice, reforms. */
function configOn(period: Period, date: string): CohortConfig {
  const reformed = !period.reformsFrom || date >= period.reformsFrom;
  return { asOf: date, practice: period.practice, reforms: reformed ? [...period.reforms] : [] };
}

/** The distinct cases of one simulated day (days from the period's start) met while drawing some children. */
export interface DayCounts {
  day: number;
  counted: CountedCases;
}

/**
 * The sampler of a simulated day: the rules of that date, the period's practice and reforms. Drawing and planning
 * both need it, so it is made once per set and configuration (a period has a few such days a year).
 */
function daySampler(request: PeriodRequest, day: number): Sampler {
  const config = configOn(request.period, addDays(request.period.from, day));
  let bySet = daySamplers.get(request.set);
  if (!bySet) daySamplers.set(request.set, (bySet = new Map()));
  const key = `${config.asOf}|${config.practice}|${config.reforms.join(',')}`;
  let sampler = bySet.get(key);
  if (!sampler) bySet.set(key, (sampler = createSampler(request.set, config)));
  return sampler;
}
const daySamplers = new WeakMap<PeriodRequest['set'], Map<string, Sampler>>();

/**
 * Draws the days and facts of children from..to (default: all); returns the distinct cases of each simulated day
 * met, in order of day.
 */
export function countPeriodChildren(
  request: PeriodRequest,
  onProgress?: (done: number) => void,
  from = 0,
  to = request.cohort,
): DayCounts[] {
  const { set, period, seed } = request;
  const problems = checkPeriod(period, set);
  if (problems.length) throw new Error(problems.join('\n'));
  const drawDay = createDayDrawer(period, set);
  const simulatedDay = getSimulatedDays(period, set);
  const byDay = new Map<number, DayCounts & { sampler: Sampler; index: KeyIndex }>();
  const c = new Int32Array(SLOT_COUNT);
  for (let i = from; i < to; i++) {
    const day = simulatedDay[drawDay(seed, i)];
    let counts = byDay.get(day);
    if (!counts) {
      counts = {
        day,
        sampler: daySampler(request, day),
        index: new KeyIndex(64),
        counted: { keys: [], counts: [], firstChild: [], choices: new Int32Array(64 * SLOT_COUNT) },
      };
      byDay.set(day, counts);
    }
    const key = counts.sampler.sample(seed, i, c);
    const at = counts.index.add(key);
    if (at === counts.counted.keys.length) {
      const { counted } = counts;
      // One growing buffer per day, not one small array per case file (half a million of them over 20 years).
      if ((counted.keys.length + 1) * SLOT_COUNT > counted.choices.length) {
        const grown = new Int32Array(counted.choices.length * 2);
        grown.set(counted.choices);
        counted.choices = grown;
      }
      counted.choices.set(c, counted.keys.length * SLOT_COUNT);
      counted.keys.push(key);
      counted.counts.push(1);
      counted.firstChild.push(i);
    } else counts.counted.counts[at]++;
    if (onProgress && (i - from + 1) % 50_000 === 0) onProgress(i - from + 1);
  }
  return [...byDay.values()]
    .sort((a, b) => a.day - b.day)
    .map(({ day, counted }) => ({ day, counted: { ...counted, choices: counted.choices.slice(0, counted.keys.length * SLOT_COUNT) } }));
}

/**
 * The days counted over consecutive ranges of children (given in order) as one: what countPeriodChildren over the
 * whole range gives (each day's counts merged by mergeCounts).
 */
export function mergePeriodCounts(parts: readonly (readonly DayCounts[])[]): DayCounts[] {
  const byDay = new Map<number, CountedCases[]>();
  for (const part of parts) for (const { day, counted } of part) byDay.set(day, [...(byDay.get(day) ?? []), counted]);
  return [...byDay]
    .sort(([a], [b]) => a - b)
    .map(([day, counted]) => ({ day, counted: mergeCounts(counted) }));
}

export interface PeriodOptions {
  onProgress?: (report: ProgressReport) => void;
  /** paths kept between runs, one scope per simulated day (give one with room for every day) */
  cache?: PathCache;
  engine?: Engine;
}

/** A period cohort drawn and looked up in the cache: per simulated day, what is known and what needs the machine. */
export interface PeriodPlan {
  request: PeriodRequest;
  days: {
    day: number;
    sampler: Sampler;
    counted: CountedCases;
    summaries: (PathSummary | undefined)[];
    /** indices into counted.keys of the cases the cache did not know */
    missing: number[];
    store: Map<number, PathSummary>;
  }[];
  started: number;
}

/** `drawn`: the days already counted elsewhere (workers that drew ranges of the children, mergePeriodCounts). */
export function planPeriod(
  request: PeriodRequest,
  cache: PathCache = new PathCache(Infinity),
  onProgress?: (report: ProgressReport) => void,
  drawn?: { days: DayCounts[]; started: number },
): PeriodPlan {
  const started = drawn?.started ?? performance.now();
  const days =
    drawn?.days ?? countPeriodChildren(request, (done) => onProgress?.({ phase: 'drawing', done, total: request.cohort }));
  return {
    request,
    started,
    days: days.map(({ day, counted }) => {
      const sampler = daySampler(request, day);
      const store = cache.scope(request.set, sampler.config);
      const summaries = counted.keys.map((key) => store.get(key));
      const missing = summaries.flatMap((s, i) => (s === undefined ? [i] : []));
      return { day, sampler, counted, summaries, missing, store };
    }),
  };
}

/** Aggregates a period plan once every day's paths are filled in (the filler adds them to the day's store). */
export function completePeriod(plan: PeriodPlan): PeriodResult {
  const { set, period, seed, cohort } = plan.request;
  const entriesByYear = new Map<string, CohortEntry[]>();
  for (const d of plan.days) {
    const year = addDays(period.from, d.day).slice(0, 4);
    const entries = entriesByYear.get(year) ?? [];
    // Case files sharing a path merge (as in completeCohort): the same figures for fewer entries.
    entriesByYear.set(year, mergeByPath(d.summaries, d.counted.counts, d.counted.firstChild, entries));
  }
  const all = [...entriesByYear.values()].flat();
  const totals = aggregateCohort(all, {
    set,
    config: { asOf: period.from, practice: period.practice, reforms: [...period.reforms] },
    seed,
    cohort,
  });
  return {
    ...totals,
    period: { ...period, reforms: [...period.reforms] },
    byYear: getYearFigures(entriesByYear, period),
    markers: getPeriodMarkers(period, set),
    stats: {
      distinctCases: plan.days.reduce((s, d) => s + d.counted.keys.length, 0),
      machineRuns: plan.days.reduce((s, d) => s + d.missing.length, 0),
      elapsedMs: Math.round(performance.now() - plan.started),
    },
  };
}

/** The period cohort in this thread (the CLI and the browser share the machine runs out: node-pool, cohort.worker). */
export function simulatePeriod(request: PeriodRequest, options: PeriodOptions = {}): PeriodResult {
  const progress = options.onProgress;
  const plan = planPeriod(request, options.cache, progress);
  const total = plan.days.reduce((s, d) => s + d.missing.length, 0);
  let resolved = 0;
  for (const d of plan.days) {
    const found = resolvePaths(d.sampler, packChoices(d.counted, d.missing), options.engine ?? 'fast', (done) =>
      progress?.({ phase: 'running', done: resolved + done, total }),
    );
    d.missing.forEach((i, j) => d.store.set(d.counted.keys[i], (d.summaries[i] = found[j])));
    resolved += d.missing.length;
  }
  progress?.({ phase: 'aggregating', done: 0, total: 1 });
  return completePeriod(plan);
}

function getYearFigures(entriesByYear: Map<string, CohortEntry[]>, period: Period): Record<string, YearFigures> {
  const byYear: Record<string, YearFigures> = {};
  for (let y = +period.from.slice(0, 4); y <= +period.to.slice(0, 4); y++) {
    const outcomes: Partial<Record<OutcomeId, number>> = {};
    const milestones: Partial<Record<MilestoneId, number>> = {};
    let cohort = 0;
    for (const { summary, count } of entriesByYear.get(String(y)) ?? []) {
      cohort += count;
      outcomes[summary.outcome] = (outcomes[summary.outcome] ?? 0) + count;
      // children reaching a milestone at least once, as the totals count them
      for (const id of new Set(summary.milestones.map((m) => m.id)))
        milestones[id] = (milestones[id] ?? 0) + count;
    }
    byYear[String(y)] = { cohort, outcomes, milestones };
  }
  return byYear;
}

/** Child i of a period cohort, as a case file for the step-through view (on its simulated day). */
export function generatePeriodChildCase(
  set: AssumptionSet,
  period: Period,
  seed: number,
  index: number,
): CaseFile {
  const day = getSimulatedDays(period, set)[createDayDrawer(period, set)(seed, index)];
  const sampler = createSampler(set, configOn(period, addDays(period.from, day)));
  const choices = new Int32Array(SLOT_COUNT);
  sampler.sample(seed, index, choices);
  return {
    ...sampler.toCase(choices),
    title: `Cohort “${set.name}” ${period.from}–${period.to}, seed ${seed}, child #${index}`,
  };
}
