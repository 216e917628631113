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
