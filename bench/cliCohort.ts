// Child process of cohort.bench.ts: one CLI cohort (or period cohort) run alone (cold, no disk cache), so that its peak RSS is its
// own (worker threads share the process's). Prints one JSON line. Args: set id, children, threads[, from, to].
import { ASSUMPTION_SETS } from '../src/engine/assumptions';
import { simulateCohortForCli, simulatePeriodForCli } from '../src/workers/node-pool';

const [setId, children, threads, from, to] = process.argv.slice(2);
const set = ASSUMPTION_SETS.find((s) => s.id === setId)!;
const cohort = Number(children);
const started = performance.now();
const result = from
  ? await simulatePeriodForCli(
      { set, seed: 1, cohort, period: { from, to, spread: 'uniform', granularity: 'segment', practice: set.calibratedFor.practice, reforms: [] } },
      { threads: Number(threads) },
    )
  : await simulateCohortForCli({ set, config: { ...set.calibratedFor, reforms: [] }, seed: 1, cohort }, { threads: Number(threads) });
const wallMs = Math.round(performance.now() - started);
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
console.log(
  JSON.stringify({ wallMs, cpuMs: Math.round((userCPUTime + systemCPUTime) / 1000), peakMb: Math.round(maxRSS / 1024), distinct: result.stats.distinctCases }),
);
