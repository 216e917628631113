import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dodge, stackInRows } from '../../src/components/cohort/dodge';
import { KEY_SERIES, layoutTimeSeries, valueOf } from '../../src/components/cohort/timeSeriesLayout';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { simulatePeriod } from '../../src/engine/period';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;

describe('label placement', () => {
  it('dodge keeps every pair of labels at least the gap apart, inside the bounds when they fit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 15 }), (wanted) => {
        const placed = dodge(wanted, 10, 0, 200);
        const sorted = [...placed].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(10 - 1e-9);
        for (const y of placed) expect(y).toBeGreaterThanOrEqual(0);
        if (wanted.length * 10 <= 210) for (const y of placed) expect(y).toBeLessThanOrEqual(200 + 1e-9);
      }),
    );
  });

  it('stackInRows never puts two overlapping marks in one row', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 30 }), (xs) => {
        const rows = stackInRows(xs, 16);
        for (let i = 0; i < xs.length; i++)
          for (let j = i + 1; j < xs.length; j++)
            if (rows[i] === rows[j]) expect(Math.abs(xs[i] - xs[j])).toBeGreaterThanOrEqual(16);
      }),
    );
  });
});

describe('time series layout', () => {
  const result = simulatePeriod({
    set: exploited,
    period: { from: '2003-01-01', to: '2008-12-31', spread: 'uniform', practice: 'asWritten', reforms: [] },
    seed: 1,
    cohort: 600,
  });

  it('draws one point per year and configuration at the share of that year, without touching the results', () => {
    const before = JSON.stringify(result);
    const layout = layoutTimeSeries([result, result], KEY_SERIES, { width: 1000, scale: 'share' });
    expect(JSON.stringify(result)).toBe(before);
    expect(layout.facets).toHaveLength(KEY_SERIES.length);
    const guardians = layout.facets.find((f) => f.series.kind === 'milestone' && f.series.id === 'guardianAppointed')!;
    const line = guardians.lines[0];
    expect(line.points.map((p) => p.year)).toEqual(['2003', '2004', '2005', '2006', '2007', '2008']);
    expect(line.points[0].value).toBe(0);
    for (const p of line.points) expect(p.value).toBe(valueOf(result.byYear[p.year], guardians.series));
    // identical configurations: their letters are moved apart
    expect(Math.abs(guardians.lines[0].labelY - guardians.lines[1].labelY)).toBeGreaterThanOrEqual(11);
  });

  it('marks the 1 May 2004 guardianship start on the axis, numbered in date order, and fits any width', () => {
    for (const width of [320, 1024, 1920]) {
      const layout = layoutTimeSeries([result], KEY_SERIES, { width, scale: 'count' });
      const may = layout.markers.find((mk) => mk.date === '2004-05-01')!;
      expect(may).toBeDefined();
      expect(may.x).toBeGreaterThan(0);
      expect(may.x).toBeLessThan(layout.plot.width);
      expect(layout.markers.map((mk) => mk.number)).toEqual(layout.markers.map((_, i) => i + 1));
      for (const f of layout.facets) expect(f.x + layout.facetWidth).toBeLessThanOrEqual(layout.width + 1e-6);
    }
  });
});

describe('period markers of several configurations', () => {
  const base = { from: '2014-01-01', to: '2019-12-31', spread: 'uniform' as const, reforms: [] };
  const run = (practice: 'asWritten' | 'asReported', extra = {}) =>
    simulatePeriod({ set: exploited, period: { ...base, practice, ...extra }, seed: 1, cohort: 200 });
  const a = run('asWritten');
  const b = run('asReported');
  const c = run('asReported', { reforms: ['multiAgencyAgeAssessment'], reformsFrom: '2016-03-15' });

  it('draws a shared change once with its configurations, a B-only practice change for B (and C) only', () => {
    const layout = layoutTimeSeries([a, b, c], KEY_SERIES, { width: 1024, scale: 'share' });
    const ageTestEnd = layout.markers.filter((mk) => mk.kind === 'practice' && mk.id === 'ageDecisionMethod');
    expect(ageTestEnd).toHaveLength(1);
    expect(ageTestEnd[0]).toMatchObject({ date: '2015-06-09', edge: 'end', configs: [1, 2], label: `${ageTestEnd[0].number} B,C` });
    const reform = layout.markers.find((mk) => mk.kind === 'reform')!;
    expect(reform).toMatchObject({ date: '2016-03-15', configs: [2] });
    // a law change applies to all three and carries just its number
    const law = layout.markers.find((mk) => mk.kind === 'rule');
    if (law) expect(law.configs).toEqual([0, 1, 2]);
    if (law) expect(law.label).toBe(String(law.number));
    expect(layout.markers.map((mk) => mk.number)).toEqual(layout.markers.map((_, i) => i + 1));
    expect(layout.markers.map((mk) => mk.date)).toEqual([...layout.markers.map((mk) => mk.date)].sort());
  });

  it('puts each marker at its exact date, not 1 January, and no two labels of a row overlap', () => {
    for (const width of [1024, 1920]) {
      const layout = layoutTimeSeries([a, b, c], KEY_SERIES, { width, scale: 'share' });
      const reform = layout.markers.find((mk) => mk.kind === 'reform')!;
      const perDay = layout.plot.width / (6 * 365 + 2);
      // 2016-03-15 is day 804 of the period (2014, 2015, then 31 + 29 + 14 days of 2016)
      expect(reform.x).toBeCloseTo(804 * perDay, 0);
      expect(reform.x - layout.markers.find((mk) => mk.date === '2015-06-09')!.x).toBeGreaterThan(250 * perDay);
      for (const p of layout.markers)
        for (const q of layout.markers)
          if (p !== q && p.row === q.row)
            expect(Math.abs(p.labelX - q.labelX)).toBeGreaterThanOrEqual((p.labelWidth + q.labelWidth) / 2);
      // a strip of numbers above every row of facets
      const rowsOfFacets = new Set(layout.facets.map((f) => f.y));
      for (const y of rowsOfFacets) expect(y).toBeGreaterThanOrEqual(layout.stripHeight);
      expect(layout.stripHeight).toBeGreaterThan(0);
    }
  });
});
