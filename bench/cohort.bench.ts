// Cohort throughput: the machine (runCase, pure stepping), one XState actor per child (baseline, same machine),
// and the fast path (one machine run per distinct case file); 1,000,000 children through the CLI path.
import { CHROMIUM_PATH, launchChromium } from '../tests/chromium';
import { createActor, SimulatedClock } from 'xstate';
import { procedureMachine } from '../machines/procedure/machine';
import { stepCase } from '../machines/case/run';
import { getCaseEvents } from '../machines/case/events';
import { toFacts } from '../machines/case/facts';
import type { CaseFile } from '../machines/case/types';
import { DEFAULT_ASSUMPTION_SET } from '../src/engine/assumptions';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../src/engine/generate';
import { simulateCohort, PathCache } from '../src/engine/simulate';
import { simulateCohortForCli } from '../src/workers/node-pool';
import { openSummaryStore } from '../src/workers/summary-store';
import { existsSync, mkdtempSync } from 'node:fs';
import { preview } from 'vite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const set = DEFAULT_ASSUMPTION_SET;
const config: CohortConfig = {
  asOf: set.calibratedFor.asOf,
  practice: set.calibratedFor.practice,
  reforms: [],
};
const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en')}/s`;
const peakMb = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB peak RSS`;

function children(n: number, seed = 9): CaseFile[] {
  const sampler = createSampler(set, config);
  const c = new Int32Array(SLOT_COUNT);
  return Array.from({ length: n }, (_, i) => (sampler.sample(seed, i, c), sampler.toCase(c)));
}

/** Baseline: one actor per child, its case events sent in order on a simulated clock (delays fire as time passes). */
function runWithActor(caseFile: CaseFile): number {
  const { facts, rules } = toFacts(caseFile);
  const events = getCaseEvents(caseFile, rules, new Set());
  const clock = new SimulatedClock();
  const actor = createActor(procedureMachine, { input: { facts, rules }, clock } as never);
  let steps = 0;
  actor.subscribe(() => steps++);
  actor.start();
  let now = 0;
  for (const event of events) {
    if (event.day > facts.horizonDays || actor.getSnapshot().status !== 'active') break;
    clock.increment(event.day - now);
    now = event.day;
    actor.send(event as never);
  }
  if (actor.getSnapshot().status === 'active') clock.increment(facts.horizonDays - now);
  actor.stop();
  return steps + 1;
}

export default async function bench() {
  const sample = children(600);
  // Warm both paths so the JIT does not favour the second.
  sample.slice(0, 50).forEach((c) => (stepCase(c), runWithActor(c)));

  let t = performance.now();
  let steps = 0;
  for (const c of sample) steps += stepCase(c).steps.length;
  const machineMs = performance.now() - t;
  console.log(
    `machine (runCase, pure stepping): ${sample.length} children in ${machineMs.toFixed(0)} ms → ${rate(sample.length, machineMs)} children, ${rate(steps, machineMs)} steps (${(steps / sample.length).toFixed(1)} steps/child)`,
  );

  t = performance.now();
  let actorSteps = 0;
  for (const c of sample) actorSteps += runWithActor(c);
  const actorMs = performance.now() - t;
  console.log(
    `baseline (one XState actor per child): ${sample.length} children in ${actorMs.toFixed(0)} ms → ${rate(sample.length, actorMs)} children, ${rate(actorSteps, actorMs)} snapshots`,
  );

  const cache = new PathCache();
  for (const n of [100_000]) {
    const cold = simulateCohort({ set, config, seed: 1, cohort: n }, { cache });
    console.log(
      `fast path, cold, 1 thread: ${n.toLocaleString('en')} children in ${cold.stats.elapsedMs} ms → ${rate(n, cold.stats.elapsedMs)} children; ${cold.stats.distinctCases} distinct case files = ${cold.stats.machineRuns} machine runs (${((cold.stats.elapsedMs / cold.stats.machineRuns) * 1000).toFixed(0)} µs per run incl. drawing); ×${(n / cold.stats.elapsedMs / (sample.length / machineMs)).toFixed(1)} the machine, ×${(n / cold.stats.elapsedMs / (sample.length / actorMs)).toFixed(1)} the actor baseline`,
    );
    const warm = simulateCohort({ set, config, seed: 1, cohort: n }, { cache });
    console.log(
      `fast path, warm cache (same set and configuration): ${n.toLocaleString('en')} children in ${warm.stats.elapsedMs} ms → ${rate(n, warm.stats.elapsedMs)} children`,
    );
  }

  const million = 1_000_000;
  const cacheDir = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
  t = performance.now();
  const coldStore = openSummaryStore(set, config, cacheDir);
  const cold = await simulateCohortForCli(
    { set, config, seed: 1, cohort: million },
    { threads: 2, store: coldStore },
  );
  coldStore.save();
  const coldMs = performance.now() - t;
  console.log(
    `CLI path, cold (empty disk cache, machine runs on 2 worker threads): ${million.toLocaleString('en')} children in ${coldMs.toFixed(0)} ms (goal ≤ 2000 ms) → ${rate(million, coldMs)} children; ${cold.stats.distinctCases} distinct case files, ${cold.stats.machineRuns} machine runs`,
  );
  t = performance.now();
  const warmStore = openSummaryStore(set, config, cacheDir);
  const warmCli = await simulateCohortForCli(
    { set, config, seed: 1, cohort: million },
    { threads: 2, store: warmStore },
  );
  const warmMs = performance.now() - t;
  console.log(
    `CLI path, warm (disk cache from the previous run, same set and configuration): ${million.toLocaleString('en')} children in ${warmMs.toFixed(0)} ms (goal ≤ 2000 ms) → ${rate(million, warmMs)} children; ${warmCli.stats.machineRuns} machine runs`,
  );
  t = performance.now();
  const otherSeed = await simulateCohortForCli(
    { set, config, seed: 2, cohort: million },
    { threads: 2, store: warmStore },
  );
  console.log(
    `CLI path, another seed with that cache: ${(performance.now() - t).toFixed(0)} ms; ${otherSeed.stats.machineRuns} new machine runs of ${otherSeed.stats.distinctCases} distinct case files`,
  );
  console.log(
    `memory: ${peakMb()}, heap now ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
  );
  await measureBrowser();
}

/** 100,000 children in the built app (dist/, `npm run build` first) in Chromium: run time and main-thread long tasks. */
async function measureBrowser() {
  if (!existsSync('dist/index.html') || !existsSync(CHROMIUM_PATH)) {
    console.log('browser: skipped (needs `npm run build` and Chromium at /usr/bin/chromium)');
    return;
  }
  const server = await preview({
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const address = server.httpServer.address();
  const browser = await launchChromium();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    await page.goto(
      `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/#/cohorts`,
    );
    await page.getByTestId('cohort-run').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration))),
      ).observe({ type: 'longtask' });
    });
    await page.getByTestId('cohort-size').selectOption('100000');
    for (const label of ['first run (cold worker cache)', 'second run (warm worker cache)']) {
      await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
      const started = Date.now();
      await page.getByTestId('cohort-run').click();
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="cohort-run"]')?.hasAttribute('disabled'),
        null,
        { timeout: 300_000 },
      );
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
      );
      const ms = Date.now() - started;
      const longTasks = await page.evaluate(
        () => (window as unknown as { longTasks: number[] }).longTasks,
      );
      console.log(
        `browser, 100,000 children simulated and drawn, ${label}: ${ms} ms (goal ≤ 1000 ms); main-thread tasks > 50 ms: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'} (goal: none)`,
      );
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}
