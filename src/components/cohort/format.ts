// Labels and number formats shared by the cohort components.
import { isProtectedOutcome } from '../../../machines/catalogue/outcomes';
import { label } from '../step/labels';
import { COHORT_SOURCE, OUTCOME_PREFIX } from '../../engine/aggregate';
import type { CohortConfig } from '../../engine/generate';
import { m } from '../../i18n/messages';
import { numberFormat } from '../../i18n/numbers';
import { formatDate } from '../shell/dates';

/** Okabe–Ito colours (then Tol's wine and a grey) for configurations A–H; every use also shows the letter, never colour alone. */
export const CONFIG_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#882255',
  '#555555',
];
export const CONFIG_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export function nodeLabel(id: string): string {
  if (id === COHORT_SOURCE) return m.cohort_node_cohort();
  if (id.startsWith(OUTCOME_PREFIX))
    return `→ ${label('outcome', id.slice(OUTCOME_PREFIX.length))}`;
  const [milestone, ordinal] = id.split('#');
  return ordinal ? `${label('milestone', milestone)} #${ordinal}` : label('milestone', milestone);
}
export function outcomeColour(outcome: string): string {
  if (outcome === 'permanentResidence') return '#009e73';
  if (outcome === 'temporaryResidence') return '#56b4e9';
  if (outcome === 'otherProcedure') return '#0072b2';
  if (outcome === 'disappeared') return '#d55e00';
  if (outcome === 'notIdentified') return '#e69f00';
  if (outcome === 'adultTrack') return '#7f7f7f';
  if (outcome === 'returned') return '#882255';
  return '#cc79a7';
}
/** Outcomes where the child stays protected (drawn in blue/green, the others in orange/vermillion). */
export const isProtected = isProtectedOutcome;

export function configLabel(c: CohortConfig & { period?: { from: string; to: string; reformsFrom?: string } }): string {
  const reforms = c.reforms.length
    ? ` · ${c.reforms.map((r) => label('reform', r)).join(', ')}`
    : '';
  // Dates as people read them in the UI language ("1 mars 2016"); the ISO day stays in the results and exports.
  const dates = c.period
    ? m.period_detected_between({ from: formatDate(c.period.from), to: formatDate(c.period.to) })
    : m.cohort_rules_as_of({ date: formatDate(c.asOf) });
  return `${dates} · ${label('practice', c.practice)}${reforms}`;
}
export function percent(n: number, total: number, digits = 1): string {
  if (!total) return '–';
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n / total);
}
export function count(n: number): string {
  return numberFormat().format(n);
}
/** A count written short where the whole one has no room ("57K"); the whole one is always nearby (title, table). */
export function compactCount(n: number): string {
  return numberFormat({ notation: 'compact' }).format(n);
}
/**
 * A difference in percentage points from configuration A: one sign only, the arrow ("▼ 1.2 pt", not "▼-1.2 pt"),
 * none when there is no difference ("0.0 pt": "=" or "±" read as an equation or a margin of error beside a
 * share); never colour alone. `spoken` says it in words for screen readers, which read no arrows.
 */
export function deltaPoints(
  n: number,
  base: number,
  total: number,
  baseTotal: number,
): { text: string; spoken: string; changed: boolean } {
  const exact = (100 * n) / (total || 1) - (100 * base) / (baseTotal || 1);
  // rounded as shown, so a difference too small to show reads "0.0 pt", never "▼ 0.0 pt"
  const d = Math.round(exact * 10) / 10 || 0;
  const changed = Math.abs(exact) >= 0.5;
  const points = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(d));
  // n: the plural (French "1,5 point", "2,0 points")
  const spoken = d > 0 ? m.cohort_delta_more({ points, n: Math.abs(d) }) : d < 0 ? m.cohort_delta_fewer({ points, n: Math.abs(d) }) : m.cohort_delta_same();
  // ordinary spaces: the table cell (nowrap) keeps them on one line, the funnel is SVG text
  return { text: `${d > 0 ? '▲ ' : d < 0 ? '▼ ' : ''}${points} pt`, spoken, changed };
}
