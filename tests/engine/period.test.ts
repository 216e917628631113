import { describe, expect, it } from 'vitest';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { generatePeriodChildCase, simulatePeriod } from '../../src/engine/period';
import {
  checkPeriod,
  createDayDrawer,
  getPeriodMarkers,
  getSimulatedDays,
  type Period,
} from '../../src/engine/periodDates';
import { generateChildCase } from '../../src/engine/generate';
import { PathCache } from '../../src/engine/simulate';
import { runCase } from '../../machines/case/run';
import { addDays, daysBetween } from '../../machines/dates';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const period: Period = {
  from: '2003-03-01',
  to: '2005-10-31',
  spread: 'uniform',
  practice: 'asWritten',
  reforms: [],
};
const cache = new PathCache(Infinity);

describe('cohorts over a period', () => {
  const result = simulatePeriod({ set: exploited, period, seed: 2, cohort: 1_500 }, { cache });

  it('gives figures for every year of detection that add up to the totals', () => {
    expect(Object.keys(result.byYear)).toEqual(['2003', '2004', '2005']);
    const years = Object.values(result.byYear);
    expect(years.reduce((s, y) => s + y.cohort, 0)).toBe(1_500);
    for (const [id, n] of Object.entries(result.outcomes))
      expect(years.reduce((s, y) => s + (y.outcomes[id as keyof typeof y.outcomes] ?? 0), 0)).toBe(n);
    for (const [id, n] of Object.entries(result.milestones))
      expect(years.reduce((s, y) => s + (y.milestones[id as keyof typeof y.milestones] ?? 0), 0)).toBe(n);
    for (const y of years)
      expect(Object.values(y.outcomes).reduce((s, n) => s + n!, 0)).toBe(y.cohort);
  });

  it('crossing 1 May 2004: no guardian for children detected before it, guardians after it', () => {
    expect(result.byYear['2003'].milestones.guardianAppointed ?? 0).toBe(0);
    expect(result.byYear['2005'].milestones.guardianAppointed).toBeGreaterThan(0);
    // child by child, on the exact day of detection
    const exact: Period = { ...period, from: '2004-03-01', to: '2004-06-30', granularity: 'day' };
    let before = 0;
    let after = 0;
    for (let i = 0; i < 300; i++) {
      const caseFile = generatePeriodChildCase(exploited, exact, 2, i);
      const guardian = runCase(caseFile).milestones.some((m) => m.id === 'guardianAppointed');
      if (caseFile.date < '2004-05-01') {
        expect(guardian, caseFile.date).toBe(false);
        before++;
      } else if (guardian) after++;
    }
    expect(before).toBeGreaterThan(50);
    expect(after).toBeGreaterThan(10);
  });

  it('is reproducible, and draws the same facts for child i as a one-day cohort', () => {
    const again = simulatePeriod({ set: exploited, period, seed: 2, cohort: 1_500 }, { cache: new PathCache(Infinity) });
    expect({ ...again, stats: null }).toEqual({ ...result, stats: null });
    const inPeriod = generatePeriodChildCase(exploited, period, 2, 7);
    const oneDay = generateChildCase(exploited, { asOf: inPeriod.date, practice: 'asWritten', reforms: [] }, 2, 7);
    expect(inPeriod.person).toEqual(oneDay.person);
    expect(inPeriod.age).toEqual(oneDay.age);
  });

  it('decides each child under the rules of its simulated day, never of another year', () => {
    const days = getSimulatedDays(period, exploited);
    for (let d = 0; d < days.length; d++) {
      expect(days[d]).toBeLessThanOrEqual(d);
      expect(addDays(period.from, days[d]).slice(0, 4)).toBe(addDays(period.from, d).slice(0, 4));
    }
    // 1 May 2004 starts a stretch of its own
    const may = daysBetween(period.from, '2004-05-01');
    expect(days[may]).toBe(may);
    expect(days[may - 1]).toBeLessThan(may);
  });

  it('marks every dated rule change inside the period, with its source', () => {
    const markers = getPeriodMarkers(period, exploited);
    const guardianship = markers.find((m) => m.id === 'guardianshipServiceOperational');
    expect(guardianship).toMatchObject({ date: '2004-05-01', kind: 'rule' });
    expect(guardianship!.source).toMatch(/reference\.md/);
    expect(markers.every((m) => m.date > period.from && m.date <= period.to)).toBe(true);
    expect(markers.map((m) => m.date)).toEqual([...markers.map((m) => m.date)].sort());
  });

  it('marks the end of a practice overlay on the day after its last day, and its start, only as reported', () => {
    const wide: Period = { from: '2014-01-01', to: '2023-12-31', spread: 'uniform', practice: 'asReported', reforms: [] };
    const reported = getPeriodMarkers(wide, exploited).filter((m) => m.kind === 'practice');
    expect(reported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'ageDecisionMethod', date: '2015-06-09', edge: 'end' }),
        expect.objectContaining({ id: 'ageOfRecordWhenMinor', date: '2018-06-28', edge: 'end' }),
        expect.objectContaining({ id: 'ageTestCarriedOut', date: '2022-10-26', edge: 'start' }),
      ]),
    );
    expect(getPeriodMarkers({ ...wide, practice: 'asWritten' }, exploited).some((m) => m.kind === 'practice')).toBe(false);
  });

  it('applies a reform only to children detected from its date', () => {
    const reformed = simulatePeriod(
      {
        set: exploited,
        period: { ...period, reforms: ['guardianForEveryChild'], reformsFrom: '2004-01-01' },
        seed: 2,
        cohort: 1_500,
      },
      { cache },
    );
    expect(reformed.byYear['2003']).toEqual(result.byYear['2003']);
    // a guardian for every child from 2004: those detected before 1 May 2004 get one too
    expect(reformed.byYear['2004'].milestones.guardianAppointed).toBeGreaterThan(
      result.byYear['2004'].milestones.guardianAppointed!,
    );
    expect(reformed.markers.some((m) => m.kind === 'reform' && m.date === '2004-01-01')).toBe(true);
  });
});

describe('detection dates', () => {
  const long: Period = { from: '2010-01-01', to: '2019-12-31', spread: 'arrivals', practice: 'asReported', reforms: [] };

  it('spread by yearly arrivals: each year gets its cited share of the children', () => {
    const draw = createDayDrawer(long, DEFAULT_ASSUMPTION_SET);
    const perYear = new Map<string, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const year = addDays(long.from, draw(1, i)).slice(0, 4);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const arrivals = DEFAULT_ASSUMPTION_SET.yearlyArrivals!;
    const total = Object.keys(arrivals)
      .filter((y) => y >= '2010' && y <= '2019')
      .reduce((s, y) => s + arrivals[y].value, 0);
    expect(perYear.get('2015')! / n).toBeCloseTo(arrivals['2015'].value / total, 2);
    expect(perYear.get('2016')! / n).toBeCloseTo(arrivals['2016'].value / total, 2);
  });

  it('spread uniformly: every day in the period, none outside', () => {
    const draw = createDayDrawer({ ...long, spread: 'uniform' }, DEFAULT_ASSUMPTION_SET);
    const days = daysBetween(long.from, long.to) + 1;
    let first2015 = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = draw(3, i);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(days);
      if (addDays(long.from, d).startsWith('2015')) first2015++;
    }
    expect(first2015 / 20_000).toBeCloseTo(365 / days, 1);
  });

  it('names what is wrong with a period', () => {
    expect(checkPeriod({ ...long, from: '2020-01-01' }, DEFAULT_ASSUMPTION_SET)).toEqual([
      'from 2020-01-01 is after to 2019-12-31',
    ]);
    expect(checkPeriod({ ...long, to: '2019-02-30' }, DEFAULT_ASSUMPTION_SET)[0]).toMatch(/^to 2019-02-30/);
    expect(checkPeriod(long, exploited)[0]).toMatch(/no yearlyArrivals/);
    expect(checkPeriod({ ...long, to: '2029-12-31' }, DEFAULT_ASSUMPTION_SET)[0]).toMatch(
      /no figure for 2027, 2028, 2029/,
    );
  });
});
