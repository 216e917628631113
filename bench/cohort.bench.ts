// Cohort throughput, in one run: the machine stepped by XState (runCase, pure stepping), one XState actor per child
// (the naive baseline, same machine), and the fast stepper (machines/case/fastStepper.ts) per distinct case file,
// in children/s and steps/s with their ratios; then the CLI path (1,000,000 children, cold, 2 threads, also over
// 2004–2024) and the browser (100,000 exploited children, three configurations, click to drawn; then over
// 2004–2024). CPU times are printed beside wall times: on a shared machine the wall clock also counts others' work.
import { CHROMIUM_PATH, launchChromium } from '../tests/chromium';
import { cohortDrawn } from '../tests/e2e/drawn';
import { createActor, SimulatedClock } from 'xstate';
import { procedureMachine } from '../machines/procedure/machine';
import { runCase, stepCase } from '../machines/case/run';
import { getCaseEvents } from '../machines/case/events';
import { fastStepper, getFastStepperStats } from '../machines/case/fastStepper';
import { xstateStepper, type Stepper } from '../machines/case/stepper';
import { toFacts } from '../machines/case/facts';
import { createRulesByDay } from '../machines/case/rulesByDay';
import type { CaseFile } from '../machines/case/types';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../src/engine/assumptions';
import type { AssumptionSet } from '../src/engine/assumptions/schema';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../src/engine/generate';
import { countChildren } from '../src/engine/orchestrate';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { preview } from 'vite';
import type { Page } from 'playwright-core';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const configOf = (set: AssumptionSet): CohortConfig => ({ asOf: set.calibratedFor.asOf, practice: set.calibratedFor.practice, reforms: [] });
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);
const fmt = (n: number) => n.toLocaleString('en');
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Distinct case files of a cohort of the exploited set, in order of first appearance. */
function distinctCases(n: number, seed = 9): CaseFile[] {
  const sampler = createSampler(exploited, configOf(exploited));
  const counted = countChildren(sampler, seed, 0, n * 3);
  return counted.keys.slice(0, n).map((_, k) => sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)));
}

/** Baseline: one actor per child, its case events sent in order on a simulated clock (delays fire as time passes). */
function runWithActor(caseFile: CaseFile): number {
  const { facts } = toFacts(caseFile);
  const events = getCaseEvents(caseFile, createRulesByDay(facts.date, facts.practice, facts.reforms), new Set());
  const clock = new SimulatedClock();
  const actor = createActor(procedureMachine, { input: { facts }, clock } as never);
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

/** A stepper that adds the CPU time spent inside it (the stepping alone, without the runner's trace building). */
function timedStepper(stepper: Stepper): { stepper: Stepper; ms: () => number } {
  let spent = 0;
  const time = <T>(f: () => T): T => {
    const c = cpuMs();
    try {
      return f();
    } finally {
      spent += cpuMs() - c;
    }
  };
  return {
    stepper: { initial: (input) => time(() => stepper.initial(input)), next: (s, e) => time(() => stepper.next(s, e)) },
    ms: () => spent,
  };
}

/** Passes over the same cases: the fastest counts (others' work on a shared machine only ever slows a pass down). */
const PASSES = 3;

/** Runs every case, PASSES times; steps are the runs' steps (events taken, the same for every engine since the runs are). */
function measure(label: string, cases: CaseFile[], run: (c: CaseFile) => unknown) {
  const steps = cases.reduce((n, c) => n + stepCase(c).steps.length, 0);
  let ms = Infinity;
  let wall = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const t = performance.now();
    const c = cpuMs();
    for (const caseFile of cases) run(caseFile);
    ms = Math.min(ms, cpuMs() - c);
    wall = Math.min(wall, performance.now() - t);
  }
  const childrenPerS = perSecond(cases.length, ms);
  console.log(
    `${label}: ${fmt(cases.length)} distinct case files, best of ${PASSES} passes: ${ms.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall) → ${fmt(childrenPerS)} children/s, ${fmt(perSecond(steps, ms))} steps/s`,
  );
  return childrenPerS;
}

/** COHORT_BENCH=case,cli,browser (any of them; default all) runs only those parts. */
const parts = new Set((process.env.COHORT_BENCH ?? 'case,cli,browser').split(','));

export default async function bench() {
  if (parts.has('case')) measurePerCase();
  if (parts.has('cli')) await measureCli();
  if (parts.has('browser')) await measureBrowser();
}

function measurePerCase() {
  const sample = distinctCases(3_000);
  // Warm every path (JIT; the fast stepper's trie) on other children, so that no path is favoured.
  for (const c of distinctCases(6_000, 4)) runCase(c, { stepper: fastStepper });
  sample.slice(0, 100).forEach((c) => (runCase(c), runWithActor(c)));
  const recordedBefore = getFastStepperStats().recorded;

  console.log('### Per distinct case file (exploited-children set, 2018 as reported), one thread');
  const reference = measure('XState runCase (pure stepping, the reference)', sample.slice(0, 600), (c) => runCase(c, { stepper: xstateStepper }));
  const actor = measure('baseline: one XState actor per child', sample.slice(0, 600), runWithActor);
  const fast = measure('fast stepper (runCase with fastStepper)', sample, (c) => runCase(c, { stepper: fastStepper }));
  // The stepping alone (inside the stepper), the same runs again: the runner's own work (milestones, citations,
  // trace) is the same code for both steppers, so it bounds the ratio of whole runs.
  let steppingFast = Infinity;
  let steppingXState = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const timedFast = timedStepper(fastStepper);
    const timedXState = timedStepper(xstateStepper);
    sample.slice(0, 600).forEach((c) => runCase(c, { stepper: timedXState.stepper }));
    sample.forEach((c) => runCase(c, { stepper: timedFast.stepper }));
    steppingFast = Math.min(steppingFast, timedFast.ms() / sample.length);
    steppingXState = Math.min(steppingXState, timedXState.ms() / 600);
  }
  console.log(
    `stepping alone (CPU inside the stepper, per case file): XState ${(steppingXState * 1000).toFixed(0)} µs, fast stepper ${(steppingFast * 1000).toFixed(0)} µs → ×${(steppingXState / steppingFast).toFixed(1)}; ` +
      `the rest of a run (events, milestones, citations, trace; the same code under both) ≈ ${Math.max(0, (1000 / fast - steppingFast) * 1000).toFixed(0)} µs ` +
      `(the timing itself, two clock reads a step, counts as stepping)`,
  );
  const { recorded, configurations } = getFastStepperStats();
  console.log(
    `ratios: fast stepper ×${(fast / reference).toFixed(1)} XState runCase (goal ≥ 50), ×${(fast / actor).toFixed(1)} the actor baseline (goal ≥ 20); ` +
      `actor baseline ×${(actor / reference).toFixed(1)} runCase. Fast stepper: ${recorded - recordedBefore} of its steps recorded from XState during the measure, ${configurations} configurations known`,
  );
  console.log(`memory: ${peakMb()} MB peak RSS, heap now ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
}

/** One CLI run in a child process of its own (bench/cliCohort.ts), so that its peak RSS is its alone. */
function runCli(args: string[]): { wallMs: number; cpuMs: number; peakMb: number; distinct: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/cliCohort.ts', ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function measureCli() {
  console.log('### CLI path: 1,000,000 children, cold (no disk cache), 2 threads, each run in a process of its own');
  for (const [set, goal, period] of [
    [exploited, 3_000, undefined],
    [DEFAULT_ASSUMPTION_SET, 1_500, undefined],
    [exploited, undefined, ['2004-01-01', '2024-12-31']],
  ] as const) {
    const r = runCli([set.id, '1000000', '2', ...(period ?? [])]);
    console.log(
      `${set.id}${period ? `, detected ${period[0]} to ${period[1]}` : ''}: 1,000,000 children in ${fmt(r.wallMs)} ms wall` +
        `${goal ? ` (goal ≤ ${fmt(goal)} ms)` : ''}, ${fmt(r.cpuMs)} ms CPU (both threads); ` +
        `${fmt(r.distinct)} distinct case files = machine runs; ${r.peakMb} MB peak RSS (goal ≤ 500)`,
    );
  }
}

/**
 * CPU time (ms) of this process's descendants: the browser's processes, its workers being threads of the page's.
 * Linux only (/proc); null elsewhere. Clock ticks are taken as 100 a second (Linux's USER_HZ).
 */
function browserCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stats = readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      // Fields after the command name (which may hold spaces): state, ppid, …, utime (14th), stime (15th).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return [{ pid: +name, ppid: +fields[1], ticks: +fields[11] + +fields[12] }];
    } catch {
      return []; // gone meanwhile
    }
  });
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats)
      if (!ours.has(s.pid) && ours.has(s.ppid)) {
        ours.add(s.pid);
        grew = true;
      }
  }
  return stats.reduce((ms, s) => (s.pid !== process.pid && ours.has(s.pid) ? ms + s.ticks * 10 : ms), 0);
}

/** Clicks Run and waits until the results are drawn; the main thread's long tasks and the browser's CPU meanwhile. */
async function timeRun(page: Page): Promise<{ ms: number; cpu: string; longTasks: number[] }> {
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const cpuBefore = browserCpuMs();
  const started = Date.now();
  await page.getByTestId('cohort-run').click();
  // Polled every 50 ms, not every frame: the bench's own polling must not load the main thread it measures.
  // Drawn: the run is done and no section still catching up.
  await page.waitForFunction(cohortDrawn, null, { timeout: 600_000, polling: 50 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const ms = Date.now() - started;
  const cpuAfter = browserCpuMs();
  const cpu = cpuBefore === null || cpuAfter === null ? '' : `, ${fmt(cpuAfter - cpuBefore)} ms CPU (browser, all threads)`;
  return { ms, cpu, longTasks: await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks) };
}

/** 100,000 exploited children, three configurations (rules of 2010/2016/2018), in the built app (dist/) in Chromium. */
async function measureBrowser() {
  if (!existsSync('dist/index.html') || !existsSync(CHROMIUM_PATH)) {
    console.log('browser: skipped (needs `npm run build` and Chromium at /usr/bin/chromium)');
    return;
  }
  const server = await preview({ logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/#/cohorts`);
    await page.getByTestId('cohort-run').waitFor();
    await page.getByTestId('cohort-set').selectOption('exploited-children');
    await page.getByRole('button', { name: /2010 \/ 2016 \/ 2018/ }).click();
    await page.getByTestId('cohort-size').selectOption('100000');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({
        type: 'longtask',
      });
    });
    for (const label of ['first run (cold)', 'second run (warm worker cache)']) {
      const { ms, cpu, longTasks } = await timeRun(page);
      console.log(
        `browser, 100,000 exploited children × 3 configurations, click to drawn, ${label}: ${fmt(ms)} ms (goal ≤ 2,000 ms)${cpu}; ` +
          `main-thread tasks > 50 ms: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`,
      );
    }
    // Issue 12's figure: a period cohort (the controls' default period, 2004–2024), two practices.
    await page.getByTestId('cohort-period-on').check();
    await page.getByRole('button', { name: 'As written / as reported' }).click();
    const { ms, cpu, longTasks } = await timeRun(page);
    console.log(
      `browser, 100,000 exploited children detected 2004-01-01 to 2024-12-31 × 2 practices, click to drawn (new days, warm workers): ${fmt(ms)} ms${cpu}; ` +
        `main-thread tasks > 50 ms: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`,
    );
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}
