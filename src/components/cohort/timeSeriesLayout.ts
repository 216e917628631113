// Pure layout of a period cohort's time series: one small chart per figure (outcome or milestone), one line
// per configuration, and the dated rule changes as numbered marks on the time axis. Returns fresh objects;
// the results are never touched.
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { MilestoneId, OutcomeId } from '../../../machines/case/types';
import type { PeriodResult, YearFigures } from '../../engine/period';
import type { PeriodMarker } from '../../engine/periodDates';
import { ANY_PROTECTION } from '../../../machines/catalogue/outcomes';
import { dodge, stackInRows } from './dodge';
import { CONFIG_LETTERS } from './format';

export type SeriesId =
  | { kind: 'protected' }
  | { kind: 'outcome'; id: OutcomeId }
  | { kind: 'milestone'; id: MilestoneId };

/** The figures drawn by default: where children are protected or lost, and the stages on the way. */
export const KEY_SERIES: SeriesId[] = [
  { kind: 'protected' },
  { kind: 'outcome', id: 'disappeared' },
  { kind: 'outcome', id: 'notIdentified' },
  { kind: 'milestone', id: 'presumedVictim' },
  { kind: 'milestone', id: 'guardianAppointed' },
  { kind: 'milestone', id: 'ageAssessment' },
  { kind: 'milestone', id: 'identifiedAsAdult' },
  { kind: 'milestone', id: 'temporaryResidenceCard' },
];
export const seriesKey = (s: SeriesId) => (s.kind === 'protected' ? 'protected' : `${s.kind}:${s.id}`);

export function valueOf(year: YearFigures, series: SeriesId): number {
  if (series.kind === 'protected')
    return ANY_PROTECTION.reduce((sum, id) => sum + (year.outcomes[id] ?? 0), 0);
  if (series.kind === 'outcome') return year.outcomes[series.id] ?? 0;
  return year.milestones[series.id] ?? 0;
}

export type Scale = 'share' | 'count';

export interface FacetLine {
  config: number;
  d: string;
  points: { x: number; y: number; year: string; value: number; of: number }[];
  /** where the configuration's letter goes, right of the last point, moved off the other letters */
  labelY: number;
}
export interface Facet {
  series: SeriesId;
  x: number;
  y: number;
  lines: FacetLine[];
  yTicks: { y: number; value: number }[];
  max: number;
}
export interface PlacedMarker extends PeriodMarker {
  number: number;
  /** the exact date on the plot's axis */
  x: number;
  /** where its label is centred: at x, kept inside the facet */
  labelX: number;
  labelWidth: number;
  row: number;
  /** the configurations (indices into the results) it applies to */
  configs: number[];
  /** number, then the letters of its configurations unless it applies to all: "3 B,C" */
  label: string;
}

/** One marker per change, whichever configurations share it, in date order (then first seen). */
export function mergeMarkers(results: readonly PeriodResult[]): { marker: PeriodMarker; configs: number[] }[] {
  const merged = new Map<string, { marker: PeriodMarker; configs: number[] }>();
  results.forEach((r, config) => {
    for (const mk of r.markers) {
      const key = [mk.date, mk.kind, mk.id, mk.edge, mk.basis].join('|');
      const seen = merged.get(key);
      if (seen) seen.configs.push(config);
      else merged.set(key, { marker: mk, configs: [config] });
    }
  });
  return [...merged.values()].sort((a, b) => (a.marker.date < b.marker.date ? -1 : a.marker.date > b.marker.date ? 1 : 0));
}
export interface TimeSeriesLayout {
  width: number;
  height: number;
  facetWidth: number;
  facetHeight: number;
  /** inner plot box of each facet, relative to the facet */
  plot: { left: number; top: number; width: number; height: number };
  facets: Facet[];
  xTicks: { x: number; year: string }[];
  markers: PlacedMarker[];
  markerRows: number;
  /** height of the numbered strip above each row of facets */
  stripHeight: number;
  markerSize: number;
}

const yearStart = (iso: string) => {
  const year = +iso.slice(0, 4);
  const start = Date.UTC(year, 0, 1);
  return year + (Date.parse(`${iso}T00:00:00Z`) - start) / (Date.UTC(year + 1, 0, 1) - start);
};

export function layoutTimeSeries(
  results: readonly PeriodResult[],
  series: readonly SeriesId[],
  options: { width: number; scale: Scale; facetMinWidth?: number; facetHeight?: number },
): TimeSeriesLayout {
  const markerSize = 16;
  const width = Math.max(280, options.width);
  const columns = Math.max(1, Math.floor(width / (options.facetMinWidth ?? 300)));
  const facetWidth = width / columns;
  const facetHeight = options.facetHeight ?? 170;
  const plot = { left: 44, top: 22, width: facetWidth - 44 - 22, height: facetHeight - 22 - 24 };
  const period = results[0]?.period ?? { from: '2004-01-01', to: '2004-12-31' };
  const years = Object.keys(results[0]?.byYear ?? {});
  const x = scaleLinear()
    .domain([yearStart(period.from), yearStart(period.to) + 1 / 365])
    .range([0, plot.width]);
  const midYear = (year: string) => {
    const from = Math.max(+year, yearStart(period.from));
    const to = Math.min(+year + 1, yearStart(period.to) + 1 / 365);
    return x((from + to) / 2);
  };
  // Ticks every 1, 2, 5 or 10 years, so that year labels (~32 px) never touch.
  const step = [1, 2, 5, 10].find((s) => (plot.width / Math.max(1, years.length)) * s >= 36) ?? 10;
  const xTicks = years.filter((y) => +y % step === 0).map((year) => ({ x: x(+year), year }));

  const merged = mergeMarkers(results);
  const labels = merged.map(({ configs }, i) =>
    configs.length < results.length ? `${i + 1} ${configs.map((c) => CONFIG_LETTERS[c]).join(',')}` : `${i + 1}`,
  );
  // ~5.6 px a character at the markers' 9 px font, plus padding
  const labelWidths = labels.map((l) => Math.max(markerSize, 8 + l.length * 5.6));
  const markerXs = merged.map(({ marker }) => x(yearStart(marker.date)));
  const labelXs = markerXs.map((mx, i) =>
    Math.min(Math.max(mx, labelWidths[i] / 2 - plot.left), plot.width + 20 - labelWidths[i] / 2),
  );
  const rows = stackInRows(labelXs, labelWidths);
  const markerRows = merged.length ? Math.max(...rows) + 1 : 0;
  // each row of facets has the numbered strip above it
  const stripHeight = markerRows * (markerSize + 2) + (markerRows ? 6 : 0);

  const facets: Facet[] = series.map((s, i) => {
    const perConfig = results.map((r) =>
      years.map((year) => {
        const y = r.byYear[year];
        const value = valueOf(y, s);
        return { year, value, of: y.cohort, shown: options.scale === 'share' ? (y.cohort ? value / y.cohort : 0) : value };
      }),
    );
    const max = Math.max(options.scale === 'share' ? 0.01 : 1, ...perConfig.flat().map((p) => p.shown));
    const yScale = scaleLinear().domain([0, max]).nice(4).range([plot.height, 0]);
    const path = line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y);
    const lines = perConfig.map((points, config) => {
      const placed = points.map((p) => ({ x: midYear(p.year), y: yScale(p.shown), year: p.year, value: p.value, of: p.of }));
      return { config, d: path(placed) ?? '', points: placed, labelY: placed.at(-1)?.y ?? 0 };
    });
    const labelYs = dodge(lines.map((l) => l.labelY), 11, 0, plot.height);
    lines.forEach((l, k) => (l.labelY = labelYs[k]));
    return {
      series: s,
      x: (i % columns) * facetWidth,
      y: stripHeight + Math.floor(i / columns) * (facetHeight + stripHeight),
      lines,
      yTicks: yScale.ticks(4).map((value) => ({ y: yScale(value), value })),
      max: yScale.domain()[1],
    };
  });
  return {
    width,
    height: Math.ceil(series.length / columns) * (facetHeight + stripHeight),
    facetWidth,
    facetHeight,
    plot,
    facets,
    xTicks,
    markers: merged.map(({ marker, configs }, i) => ({
      ...marker,
      number: i + 1,
      x: markerXs[i],
      labelX: labelXs[i],
      labelWidth: labelWidths[i],
      row: rows[i],
      configs,
      label: labels[i],
    })),
    markerRows,
    stripHeight,
    markerSize,
  };
}
