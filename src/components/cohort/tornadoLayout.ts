// Pure layout of the sensitivity tornado: one row per parameter that moves the figure (widest swing on top), a
// bar from the figure as set to the figure at the low end (upper half of the row) and one to the figure at the
// high end (lower half), so the two never cover each other even when both ends move the figure the same way.
// Labels sit in a column left of the plot, wrapped to its width; value texts in reserved margins beside it.
import { scaleLinear } from 'd3-scale';
import type { SensitivityRow } from '../../engine/sensitivity';

export const TORNADO = {
  labelFont: 12,
  valueFont: 10,
  /** estimated advance of one character, in ems (system sans-serif; generous so wrapped labels never overrun) */
  charEm: 0.6,
  legendLine: 16,
  titleHeight: 22,
  axisHeight: 22,
  valueMargin: 50,
  barHeight: 9,
};

export interface TornadoBar {
  x: number;
  width: number;
  y: number;
  value: number;
  /** where the value's text goes and how it is anchored (outside the bar's far end) */
  textX: number;
  anchor: 'start' | 'end';
}
export interface TornadoRow {
  row: SensitivityRow;
  y: number;
  height: number;
  lines: string[];
  detailY: number;
  low: TornadoBar;
  high: TornadoBar;
}
export interface TornadoLayout {
  width: number;
  height: number;
  labelWidth: number;
  plot: { left: number; right: number; top: number; bottom: number };
  baselineX: number;
  ticks: { x: number; value: number }[];
  legendTop: number;
  rows: TornadoRow[];
}

/** Words wrapped into lines of at most `chars` characters (a word longer than that stays whole). */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

export function layoutTornado(rows: SensitivityRow[], options: { width: number; labelOf: (row: SensitivityRow) => string; legendLines: number }): TornadoLayout {
  const t = TORNADO;
  const width = Math.max(320, options.width);
  const charPx = t.labelFont * t.charEm;
  const labels = rows.map(options.labelOf);
  const longest = Math.max(10, ...labels.map((l) => l.length));
  // The label column takes what its longest label needs, at most 36% of the width (longer labels wrap).
  const labelWidth = Math.round(Math.min(longest * charPx, width * 0.36));
  const chars = Math.max(8, Math.floor(labelWidth / charPx));
  const legendTop = t.titleHeight;
  const top = legendTop + options.legendLines * t.legendLine + 6 + t.axisHeight;
  const left = labelWidth + 12 + t.valueMargin;
  const right = width - t.valueMargin;
  const values = rows.flatMap((r) => [r.atLow, r.atHigh, r.baseline]);
  const lo = Math.min(...values, 1);
  const hi = Math.max(...values, 0);
  // A span too narrow to scale (ends equal but for rounding) gets a fixed pad, as equal ends do.
  const pad = hi - lo > 1e-9 ? (hi - lo) * 0.04 : 0.005;
  const x = scaleLinear()
    .domain([Math.max(0, lo - pad), Math.min(1, hi + pad)])
    .range([left, right])
    .nice(Math.max(2, Math.floor((right - left) / 90)));
  let y = top;
  const placed = rows.map((row, i): TornadoRow => {
    const lines = wrap(labels[i], chars);
    const textHeight = lines.length * (t.labelFont + 3) + t.valueFont + 3;
    const height = Math.max(textHeight, 2 * t.barHeight + 8) + 10;
    const bar = (value: number, half: 0 | 1): TornadoBar => {
      const [a, b] = [x(row.baseline), x(value)];
      const outward = value < row.baseline ? 'end' : 'start';
      return {
        x: Math.min(a, b),
        width: Math.abs(b - a),
        y: y + height / 2 + (half ? 2 : -t.barHeight - 2),
        value,
        textX: outward === 'end' ? Math.min(a, b) - 3 : Math.max(a, b) + 3,
        anchor: outward,
      };
    };
    const placedRow = {
      row,
      y,
      height,
      lines,
      detailY: y + 5 + lines.length * (t.labelFont + 3) + t.valueFont - 2,
      low: bar(row.atLow, 0),
      high: bar(row.atHigh, 1),
    };
    y += height;
    return placedRow;
  });
  return {
    width,
    height: y + 8,
    labelWidth,
    plot: { left, right, top, bottom: y },
    baselineX: x(rows[0]?.baseline ?? 0),
    ticks: x.ticks(Math.max(2, Math.floor((right - left) / 90))).map((value) => ({ x: x(value), value })),
    legendTop,
    rows: placed,
  };
}
