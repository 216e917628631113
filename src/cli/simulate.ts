// `npm run simulate -- --cohort 100000 --seed 1 --as-of 2018-01-01 [--assumptions set.json] [--reforms a,b]
//   [--practice asReported] [--workers 2] [--no-cache] [--reference] --out results.json|.csv`
// Over a period: `--from 2004-01-01 --to 2024-12-31 [--spread uniform|arrivals] [--granularity segment|month|day]
//   [--reforms-from YYYY-MM-DD]` (src/engine/period.ts; results gain byYear and the dated rule changes).
// Bad flags or a bad assumption file: a message on stderr naming what is wrong, exit code 2; nothing is written.
// --reference steps XState itself instead of the fast stepper (same results, for checking; no cache is read).
// --workers is capped to the cores there are. The run stops if the npm that started it is killed (lifeline.ts).
// Sensitivity: `--sensitivity <figure> [--cohort N] [--set id] [--csv]` (src/cli/sensitivity.ts) prints a tornado table.
import { readFileSync } from 'node:fs';
import { whyNotWritable, writeFileAtomically } from './output';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { isValidIsoDate } from '../../machines/dates';
import { REFORM_IDS } from '../../machines/rules/rules';
import { MODELLED_PERIOD } from '../../machines/case/validate';
import type { Practice, ReformId } from '../../machines/case/types';
import {
  ASSUMPTION_SETS,
  DEFAULT_ASSUMPTION_SET,
  parseAssumptionText,
  type AssumptionSet,
} from '../engine/assumptions';
import type { CohortRequest } from '../engine/simulate';
import { toCsv } from '../engine/csv';
import { capThreads, simulateCohortForCli, simulatePeriodForCli } from '../workers/node-pool';
import { openSummaryStore } from '../workers/summary-store';
import type { PeriodRequest } from '../engine/period';
import { checkPeriod, type Granularity, type Period, type Spread } from '../engine/periodDates';
import { toPeriodCsv } from '../engine/periodCsv';
import { watchAncestors, type Lifeline } from '../workers/lifeline';
import { DEFAULT_SENSITIVITY_COHORT, FIGURE_IDS, MAX_SENSITIVITY_COHORT, type SensitivityFigure } from '../engine/sensitivity';
import { runSensitivityCli } from './sensitivity';

const USAGE = `usage: npm run simulate -- --cohort N --seed S [--as-of YYYY-MM-DD] [--assumptions set.json]
         [--reforms ${REFORM_IDS.join(',')}] [--practice asWritten|asReported] [--workers K] [--no-cache] [--reference] [--out results.json|results.csv]
       period: [--from YYYY-MM-DD --to YYYY-MM-DD] [--spread uniform|arrivals] [--granularity segment|month|day] [--reforms-from YYYY-MM-DD]
       sensitivity: --sensitivity ${FIGURE_IDS.join('|')} [--cohort N (default ${DEFAULT_SENSITIVITY_COHORT})] [--set ${ASSUMPTION_SETS.map((s) => s.id).join('|')}] [--csv] [--out table.csv|.json]`;

class UsageError extends Error {}

function parseCommandLine(argv: string[]): {
  request: CohortRequest;
  period?: Period;
  out?: string;
  workers: number;
  cache: boolean;
  reference: boolean;
  sensitivity?: SensitivityFigure;
  csv: boolean;
} {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        cohort: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        assumptions: { type: 'string' },
        reforms: { type: 'string' },
        practice: { type: 'string' },
        workers: { type: 'string' },
        'no-cache': { type: 'boolean' },
        reference: { type: 'boolean' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        spread: { type: 'string' },
        granularity: { type: 'string' },
        'reforms-from': { type: 'string' },
        sensitivity: { type: 'string' },
        set: { type: 'string' },
        csv: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const problems: string[] = [];
  const wholeNumber = (
    flag: string,
    raw: string | undefined,
    min: number,
    max: number,
    fallback?: number,
  ): number => {
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      problems.push(`--${flag} is required`);
      return 0;
    }
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || n < min || n > max)
      problems.push(`--${flag} ${raw}: expected a whole number from ${min} to ${max}`);
    return n;
  };
  const sensitivity = values.sensitivity as SensitivityFigure | undefined;
  if (sensitivity !== undefined && !FIGURE_IDS.includes(sensitivity))
    problems.push(`--sensitivity ${sensitivity}: expected one of ${FIGURE_IDS.join(', ')}`);
  if (sensitivity === undefined && values.csv) problems.push('--csv goes with --sensitivity (a cohort is written as CSV with --out file.csv)');
  const cohort = sensitivity
    ? wholeNumber('cohort', values.cohort, 1, MAX_SENSITIVITY_COHORT, DEFAULT_SENSITIVITY_COHORT)
    : wholeNumber('cohort', values.cohort, 1, 10_000_000);
  const seed = wholeNumber('seed', values.seed, 0, 2 ** 31 - 1, 1);
  const workers = wholeNumber('workers', values.workers, 0, 64, availableParallelism());

  let set: AssumptionSet = DEFAULT_ASSUMPTION_SET;
  if (values.set !== undefined) {
    const bundled = ASSUMPTION_SETS.find((s) => s.id === values.set);
    if (values.assumptions !== undefined) problems.push('--set and --assumptions cannot be combined: give one set');
    else if (bundled) set = bundled;
    else problems.push(`--set ${values.set}: unknown set (known: ${ASSUMPTION_SETS.map((s) => s.id).join(', ')})`);
  }
  if (values.assumptions !== undefined) {
    let text: string | undefined;
    try {
      text = readFileSync(values.assumptions, 'utf8');
    } catch (error) {
      problems.push(
        `--assumptions ${values.assumptions}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    if (text !== undefined) {
      const parsed = parseAssumptionText(text);
      if (parsed.ok) set = parsed.value;
      else
        problems.push(
          `--assumptions ${values.assumptions} is not a valid assumption set:\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
        );
    }
  }
  const asOf = values['as-of'] ?? set.calibratedFor.asOf;
  if (!isValidIsoDate(asOf)) problems.push(`--as-of ${asOf}: expected a date YYYY-MM-DD`);
  else if (asOf < MODELLED_PERIOD.from || asOf > MODELLED_PERIOD.to)
    problems.push(
      `--as-of ${asOf}: the model covers ${MODELLED_PERIOD.from} to ${MODELLED_PERIOD.to}`,
    );
  const practice = (values.practice ?? set.calibratedFor.practice) as Practice;
  if (practice !== 'asWritten' && practice !== 'asReported')
    problems.push(`--practice ${practice}: expected asWritten or asReported`);
  const reforms = (values.reforms ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean) as ReformId[];
  for (const r of reforms)
    if (!REFORM_IDS.includes(r))
      problems.push(`--reforms: unknown reform "${r}" (known: ${REFORM_IDS.join(', ')})`);
  if (values.out !== undefined && !/\.(json|csv)$/i.test(values.out))
    problems.push(`--out ${values.out}: expected a file name ending in .json or .csv`);
  else if (values.out !== undefined) {
    const why = whyNotWritable(values.out);
    if (why) problems.push(`--out ${values.out}: ${why}; nothing was run`);
  }
  const period = parsePeriodFlags(values, set, practice, [...new Set(reforms)], problems);
  if (sensitivity && period) problems.push('--sensitivity runs on one date (--as-of); it cannot be combined with --from/--to');
  if (problems.length) throw new UsageError(problems.join('\n'));
  return {
    request: { set, config: { asOf, practice, reforms: [...new Set(reforms)] }, seed, cohort },
    period,
    out: values.out,
    workers,
    cache: !values['no-cache'] && !values.reference,
    reference: values.reference === true,
    sensitivity,
    csv: values.csv === true,
  };
}

/** --from/--to make a period cohort; its problems are added to `problems` with the flag's name. */
function parsePeriodFlags(
  values: Record<string, string | boolean | undefined>,
  set: AssumptionSet,
  practice: Practice,
  reforms: ReformId[],
  problems: string[],
): Period | undefined {
  const flag = (name: string) => values[name] as string | undefined;
  const [from, to] = [flag('from'), flag('to')];
  if (from === undefined && to === undefined) {
    for (const name of ['spread', 'granularity', 'reforms-from'])
      if (flag(name) !== undefined) problems.push(`--${name} needs --from and --to`);
    return undefined;
  }
  if (from === undefined || to === undefined) {
    problems.push('--from and --to go together');
    return undefined;
  }
  if (values['as-of'] !== undefined) problems.push('--as-of cannot be combined with --from/--to');
  const spread = (flag('spread') ?? 'uniform') as Spread;
  if (spread !== 'uniform' && spread !== 'arrivals')
    problems.push(`--spread ${spread}: expected uniform or arrivals`);
  const granularity = (flag('granularity') ?? 'segment') as Granularity;
  if (!['segment', 'month', 'day'].includes(granularity))
    problems.push(`--granularity ${granularity}: expected segment, month or day`);
  const period: Period = { from, to, spread, granularity, practice, reforms };
  if (flag('reforms-from') !== undefined) period.reformsFrom = flag('reforms-from');
  if (problems.length === 0)
    problems.push(
      ...checkPeriod(period, set).map((p) => `--${p.replace(/^reformsFrom/, 'reforms-from')}`),
    );
  return period;
}

async function main() {
  let parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`simulate: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  const { request, out, workers, cache, reference, period, sensitivity } = parsed;
  if (sensitivity) return runSensitivityCli(request, sensitivity, { out, csv: parsed.csv, reference });
  const lifeline = watchAncestors();
  const threads = capThreads(workers);
  if (workers > threads) process.stderr.write(`simulate: --workers ${workers}: this machine has ${availableParallelism()} cores; using ${threads}\n`);
  if (period) return writePeriod({ ...request, period }, out, reference, threads, lifeline);
  // Paths already computed for this engine, set and configuration are read from disk (--no-cache: not).
  const note = (message: string) => process.stderr.write(`simulate: ${message}\n`);
  const store = cache ? openSummaryStore(request.set, request.config, undefined, note) : undefined;
  const result = await simulateCohortForCli(request, {
    threads,
    store,
    engine: reference ? 'reference' : 'fast',
    onBeat: lifeline.check,
  });
  lifeline.check();
  store?.save();
  const text = out && /\.csv$/i.test(out) ? toCsv(result) : JSON.stringify(result, null, 2) + '\n';
  if (out) writeFileAtomically(out, text);
  else process.stdout.write(text);
  const s = result.stats;
  lifeline.stop();
  process.stderr.write(
    `simulate: ${request.cohort} children (set ${request.set.id}, seed ${request.seed}, detected on ${request.config.asOf}, ${request.config.practice}` +
      `${request.config.reforms.length ? `, reforms ${request.config.reforms.join('+')}` : ''}) in ${s.elapsedMs} ms; ` +
      `${s.distinctCases} distinct case files, ${s.machineRuns} machine runs` +
      `${store ? ` (${s.distinctCases - s.machineRuns} paths from the cache)` : ''}${reference ? ', XState reference stepper' : ''}` +
      `${out ? `; written to ${out}` : ''}\n`,
  );
}

// Period cohorts: one machine run per distinct case file and simulated day, shared out as a cohort's are.
async function writePeriod(request: PeriodRequest, out: string | undefined, reference: boolean, threads: number, lifeline: Lifeline) {
  const result = await simulatePeriodForCli(request, { threads, engine: reference ? 'reference' : 'fast', onBeat: lifeline.check });
  lifeline.check();
  lifeline.stop();
  const text = out && /\.csv$/i.test(out) ? toPeriodCsv(result) : JSON.stringify(result, null, 2) + '\n';
  if (out) writeFileAtomically(out, text);
  else process.stdout.write(text);
  const { period } = request;
  const s = result.stats;
  process.stderr.write(
    `simulate: ${request.cohort} children detected ${period.from} to ${period.to} (${period.spread}, set ${request.set.id}, seed ${request.seed}, ${period.practice}` +
      `${period.reforms.length ? `, reforms ${period.reforms.join('+')}${period.reformsFrom ? ` from ${period.reformsFrom}` : ''}` : ''}) in ${s.elapsedMs} ms; ` +
      `${s.distinctCases} distinct case files, ${s.machineRuns} machine runs${out ? `; written to ${out}` : ''}\n`,
  );
}

await main();
