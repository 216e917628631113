// A period cohort's time series as CSV: one row per year of detection, one column per figure (children
// detected, each outcome, each milestone reached), as a spreadsheet reader expects a time series.
import { toCsv } from './csv';
import type { PeriodResult } from './period';

function cell(value: string | number): string {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toYearCsv(result: Pick<PeriodResult, 'byYear' | 'outcomes' | 'milestones'>): string {
  const outcomes = Object.keys(result.outcomes);
  const milestones = Object.keys(result.milestones);
  const header = [
    'year',
    'cohort',
    ...outcomes.map((id) => `outcome:${id}`),
    ...milestones.map((id) => `milestone:${id}`),
  ];
  const rows = Object.entries(result.byYear).map(([year, y]) => [
    year,
    y.cohort,
    ...outcomes.map((id) => y.outcomes[id as keyof typeof y.outcomes] ?? 0),
    ...milestones.map((id) => y.milestones[id as keyof typeof y.milestones] ?? 0),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The CLI's .csv for a period: the totals' table, then `by_year` rows (id, year in `to`, count, share of the year). */
export function toPeriodCsv(result: PeriodResult): string {
  const rows: (string | number)[][] = [];
  for (const [year, y] of Object.entries(result.byYear)) {
    const share = (n: number) => (y.cohort ? +(n / y.cohort).toFixed(6) : 0);
    rows.push(['by_year', 'cohort', year, y.cohort, '', '']);
    for (const [id, n] of Object.entries(y.outcomes))
      rows.push(['by_year', `outcome:${id}`, year, n!, share(n!), '']);
    for (const [id, n] of Object.entries(y.milestones))
      rows.push(['by_year', id, year, n!, share(n!), '']);
  }
  for (const m of result.markers)
    rows.push(['rule_change', m.id, `${m.date}: ${m.title} — ${m.basis} (${m.source})`, '', '', '']);
  return toCsv(result) + rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
