// A sensitivity table as CSV: one row per parameter, widest swing first, with the run's cohort, seed, set and
// rules in every row so a row read alone still says where it comes from.
import { cell } from './csv';
import type { SensitivityTable } from './sensitivity';

export function toSensitivityCsv(table: SensitivityTable): string {
  const header = [
    'figure', 'rank', 'param', 'label', 'option', 'basis', 'source', 'value', 'low', 'high',
    'figure_at_low', 'figure_at_high', 'figure_baseline', 'swing', 'cohort', 'seed', 'set', 'as_of', 'practice', 'reforms',
  ];
  const round = (x: number) => +x.toFixed(6);
  const rows = table.rows.map((r, i) => [
    table.figure, i + 1, r.param, r.label, r.option ?? '', r.cited ? 'cited' : 'assumption', r.source,
    round(r.value), round(r.low), round(r.high), round(r.atLow), round(r.atHigh), round(r.baseline), round(r.swing),
    table.cohort, table.seed, table.assumptionSet.id, table.asOf, table.practice, table.reforms.join('+'),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
