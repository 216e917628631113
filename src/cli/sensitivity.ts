// `npm run simulate -- --sensitivity <figure>`: the tornado table of src/engine/sensitivity.ts, as aligned text
// on stdout (default), CSV on stdout (--csv) or a file (--out table.csv|table.json). Timing goes to stderr.
import { analyseSensitivity, tableFor, type SensitivityFigure, type SensitivityRow, type SensitivityTable } from '../engine/sensitivity';
import { toSensitivityCsv } from '../engine/sensitivityCsv';
import type { CohortRequest } from '../engine/orchestrate';
import { figureLabel, paramLabel } from '../components/cohort/sensitivityLabels';
import { writeFileAtomically } from './output';
import { watchAncestors } from '../workers/lifeline';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const num = (x: number) => `${+x.toFixed(4)}`;

function pad(cells: string[][]): string {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export function formatTable(table: SensitivityTable): string {
  const name = (r: SensitivityRow) => `${r.cited ? '' : '◇ '}${r.label}${r.option !== undefined ? ` [${r.option}]` : ''}`;
  const rows = table.rows.map((r) => [
    name(r),
    r.cited ? 'cited' : 'assumption',
    `${num(r.value)} (${num(r.low)}–${num(r.high)})`,
    pct(r.atLow),
    pct(r.atHigh),
    `${(100 * r.swing).toFixed(2)} pt`,
  ]);
  const header = ['parameter [option moved]', 'basis', 'value (low–high)', 'at low', 'at high', 'swing'];
  return (
    `${figureLabel(table.figure, 'en')} (${table.figure}): ${pct(table.baseline)} as set; ` +
    `${table.cohort} children per run, seed ${table.seed}, set ${table.assumptionSet.id}, rules as of ${table.asOf}, ${table.practice}` +
    `${table.reforms.length ? `, reforms ${table.reforms.join('+')}` : ''}\n` +
    `◇ = labelled assumption (no cited source); weights over options: the option moving the figure most, others rescaled in proportion\n\n` +
    pad([header, ...rows]) +
    '\n'
  );
}

export function runSensitivityCli(
  request: CohortRequest,
  figure: SensitivityFigure,
  options: { out?: string; csv: boolean; reference: boolean },
): void {
  const lifeline = watchAncestors();
  const runs = analyseSensitivity(request, {
    engine: options.reference ? 'reference' : 'fast',
    onProgress: lifeline.check,
  });
  lifeline.stop();
  const table = tableFor(runs, figure, (p) => paramLabel(p, 'en'));
  const asCsv = options.csv || /\.csv$/i.test(options.out ?? '');
  const text = /\.json$/i.test(options.out ?? '') ? JSON.stringify(table, null, 2) + '\n' : asCsv ? toSensitivityCsv(table) : formatTable(table);
  if (options.out) writeFileAtomically(options.out, text);
  else process.stdout.write(text);
  const s = runs.stats;
  process.stderr.write(
    `simulate: sensitivity of ${figure}: ${s.runs} cohorts of ${runs.cohort} children in ${s.elapsedMs} ms; ` +
      `${s.machineRuns} machine runs${options.out ? `; written to ${options.out}` : ''}\n`,
  );
}
