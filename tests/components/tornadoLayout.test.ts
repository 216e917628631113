import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutTornado, TORNADO, wrap } from '../../src/components/cohort/tornadoLayout';
import type { SensitivityRow } from '../../src/engine/sensitivity';

const row = (param: string, atLow: number, atHigh: number, baseline = 0.2): SensitivityRow => ({
  param: param as SensitivityRow['param'],
  label: param,
  value: 0.5,
  low: 0.1,
  high: 0.9,
  atLow,
  atHigh,
  baseline,
  swing: Math.max(atLow, atHigh, baseline) - Math.min(atLow, atHigh, baseline),
  cited: false,
  source: 'assumption',
});

describe('tornado layout', () => {
  it('draws each bar from the baseline to its end, low above high, rows stacked without overlap', () => {
    const layout = layoutTornado([row('a', 0.1, 0.3), row('b', 0.25, 0.22)], { width: 900, labelOf: (r) => r.label, legendLines: 4 });
    const [a, b] = layout.rows;
    expect(a.low.x + a.low.width).toBeCloseTo(layout.baselineX, 6); // low end left of the baseline
    expect(a.high.x).toBeCloseTo(layout.baselineX, 6);
    expect(a.low.anchor).toBe('end');
    expect(a.high.anchor).toBe('start');
    // both ends above the baseline: two bars on the same side, in separate halves of the row
    expect(b.low.x).toBeCloseTo(layout.baselineX, 6);
    expect(b.high.x).toBeCloseTo(layout.baselineX, 6);
    expect(b.high.y).toBeGreaterThanOrEqual(b.low.y + TORNADO.barHeight + 2);
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    expect(b.high.y + TORNADO.barHeight).toBeLessThanOrEqual(b.y + b.height);
  });

  it('keeps bars and value texts between the label column and the right edge at any width and figures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 320, max: 1920 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ends, width, baseline) => {
          const layout = layoutTornado(ends.map(([l, h], i) => row(`p${i}`, l, h, baseline)), { width, labelOf: () => 'a fairly long parameter label: option', legendLines: 4 });
          for (const r of layout.rows)
            for (const bar of [r.low, r.high]) {
              expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left - 1e-6);
              expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.right + 1e-6);
              // the value text's reserved margin lies beyond the label column and inside the chart
              expect(bar.textX).toBeGreaterThan(layout.labelWidth + 12 - 1e-6);
              expect(bar.textX).toBeLessThanOrEqual(layout.width - TORNADO.valueMargin + 3 + 1e-6);
            }
        },
      ),
      // Ends and baseline equal but for rounding: the scale's domain must not collapse (found by a random seed).
      { examples: [[[[0.9999999999999976, 0.9999999999999976]], 828, 0.9999999999999989]] },
    );
  });

  it('wraps a long label to the column, word by word', () => {
    expect(wrap('Ergebnis des Alterstests (wenn volljährig): 17-19', 20)).toEqual(['Ergebnis des', 'Alterstests (wenn', 'volljährig): 17-19']);
    const layout = layoutTornado([row('a', 0.1, 0.3)], { width: 400, labelOf: () => 'Kontakt zu den Ausbeutern wieder aufgenommen', legendLines: 4 });
    const chars = Math.floor(layout.labelWidth / (TORNADO.labelFont * TORNADO.charEm));
    expect(layout.rows[0].lines.length).toBeGreaterThan(1);
    for (const line of layout.rows[0].lines) expect(line.length).toBeLessThanOrEqual(chars);
  });
});
