// Cohort throughput, in one run: per distinct case file (bench/perCase.ts, bundled: XState runCase, one XState actor
// per child, the fast stepper, their ratios); then the CLI path (1,000,000 children, cold, 2 threads, also over
// 2004–2024) and the browser (100,000 exploited children, three configurations, click to drawn; then over
// 2004–2024). CPU times are printed beside wall times: on a shared machine the wall clock also counts others' work.
import { CHROMIUM_PATH, launchChromium } from '../tests/chromium';
import { cohortDrawn } from '../tests/e2e/drawn';
import { DEFAULT_ASSUMPTION_SET, ASSUMPTION_SETS } from '../src/engine/assumptions';
import { bundledUrl } from '../src/workers/node-pool';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { preview } from 'vite';
import type { Page } from 'playwright-core';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const fmt = (n: number) => n.toLocaleString('en');

/** COHORT_BENCH=case,cli,browser (any of them; default all) runs only those parts. */
const parts = new Set((process.env.COHORT_BENCH ?? 'case,cli,browser').split(','));
/** COHORT_BENCH_COLD=1: the browser's cold runs only (no warm second run, no period cohort). */
const coldOnly = process.env.COHORT_BENCH_COLD === '1';

export default async function bench() {
  if (parts.has('case')) await measurePerCase();
  if (parts.has('cli')) await measureCli();
  if (parts.has('browser')) await measureBrowser();
}

/** bench/perCase.ts as one esbuild bundle (no name-keeping wrappers), imported from memory. */
async function measurePerCase() {
  const url = bundledUrl(new URL('./perCase.ts', import.meta.url)).href;
  const { measurePerCase: measure } = (await import(url)) as { measurePerCase: () => void };
  console.log('(the machine as an esbuild bundle, as the CLI workers and the browser run it)');
  measure();
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

/** One thread of the browser: its process, whether it is that process's main thread, its name, its CPU ticks. */
interface ThreadTicks {
  pid: number;
  main: boolean;
  name: string;
  ticks: number;
}

/** Fields after a /proc stat line's command name (which may hold spaces): state, ppid, …, utime (14th), stime (15th). */
function statFields(path: string): { name: string; fields: string[] } {
  const stat = readFileSync(path, 'utf8');
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
}

/**
 * The CPU ticks of every thread of this process's descendants (the browser's processes; the page's workers are
 * threads of its process), by "pid/tid". Linux only (/proc); null elsewhere.
 */
function browserThreads(): Map<string, ThreadTicks> | null {
  if (!existsSync('/proc/self/stat')) return null;
  const processes = readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      return [{ pid: +name, ppid: +statFields(`/proc/${name}/stat`).fields[1] }];
    } catch {
      return []; // gone meanwhile
    }
  });
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes)
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
  }
  ours.delete(process.pid);
  const threads = new Map<string, ThreadTicks>();
  for (const pid of ours)
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const { name, fields } = statFields(`/proc/${pid}/task/${tid}/stat`);
        threads.set(`${pid}/${tid}`, { pid, main: +tid === pid, name, ticks: +fields[11] + +fields[12] });
      }
    } catch {
      // gone meanwhile
    }
  return threads;
}

/**
 * The browser's CPU between two readings: all threads, the page's main thread, each cohort worker. On a shared
 * machine the wall clock counts others' work too; the busiest thread's CPU is about what a quiet machine's wall
 * clock would show. Clock ticks are taken as 100 a second (Linux's USER_HZ).
 */
function cpuBetween(before: Map<string, ThreadTicks> | null, after: Map<string, ThreadTicks> | null): string {
  if (!before || !after) return '';
  const spent = [...after].map(([id, t]) => ({ ...t, ms: (t.ticks - (before.get(id)?.ticks ?? 0)) * 10 }));
  const workers = spent.filter((t) => t.name.startsWith('DedicatedWorker'));
  const page = spent.find((t) => t.main && workers.some((w) => w.pid === t.pid));
  const total = spent.reduce((ms, t) => ms + t.ms, 0);
  // The rest by thread name (V8's GC helpers, the compositor, the GPU process…): what else the run costs.
  const others = new Map<string, number>();
  for (const t of spent) if (t !== page && !workers.includes(t) && t.ms > 0) others.set(t.name, (others.get(t.name) ?? 0) + t.ms);
  const busiest = [...others].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return (
    `, ${fmt(total)} ms CPU (browser, all threads; page main thread ${page ? fmt(page.ms) : '?'}, ` +
    `workers ${workers.map((w) => fmt(w.ms)).join(' + ') || '?'}; others: ${busiest.map(([name, ms]) => `${name} ${fmt(ms)}`).join(', ') || 'none'})`
  );
}

/** Clicks Run and waits until the results are drawn; the main thread's long tasks and the browser's CPU meanwhile. */
async function timeRun(page: Page): Promise<{ ms: number; cpu: string; longTasks: number[] }> {
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const before = browserThreads();
  const started = Date.now();
  await page.getByTestId('cohort-run').click();
  // Polled every 50 ms, not every frame: the bench's own polling must not load the main thread it measures.
  // Drawn: the run is done and no section still catching up.
  await page.waitForFunction(cohortDrawn, null, { timeout: 600_000, polling: 50 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const ms = Date.now() - started;
  const cpu = cpuBetween(before, browserThreads()) + (await stepperStats(page));
  return { ms, cpu, longTasks: await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks) };
}

/** Each cohort worker's fast stepper: steps recorded from XState, recordings imported from the other (cohort.worker.ts). */
async function stepperStats(page: Page): Promise<string> {
  const stats = await Promise.all(
    page.workers().map((w) =>
      w.evaluate(() => (self as unknown as { fastStepperStats?: () => { recorded: number; imported: number } }).fastStepperStats?.()).catch(() => undefined),
    ),
  );
  const known = stats.filter((s) => s !== undefined);
  return known.length ? `; fast stepper per worker: ${known.map((s) => `${fmt(s.recorded)} recorded, ${fmt(s.imported)} imported`).join(' / ')}` : '';
}

/** 100,000 exploited children, three configurations (rules of 2010/2016/2018), in the built app (dist/) in Chromium. */
async function measureBrowser() {
  // COHORT_BENCH_DIST: another build to measure (another commit's dist/), for runs alternated with this one's.
  const outDir = process.env.COHORT_BENCH_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`) || !existsSync(CHROMIUM_PATH)) {
    console.log('browser: skipped (needs `npm run build` and Chromium at /usr/bin/chromium)');
    return;
  }
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  const browser = await launchChromium();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/#/cohorts`;
  /** A fresh page (nothing cached) on the Cohorts tab, set for the bench's run; `pause` ms on it before the click. */
  const openPage = async (pause = 0) => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(url);
    await page.getByTestId('cohort-run').waitFor();
    await page.getByTestId('cohort-set').selectOption('exploited-children');
    await page.getByRole('button', { name: /2010 \/ 2016 \/ 2018/ }).click();
    await page.getByTestId('cohort-size').selectOption('100000');
    await page.waitForTimeout(pause);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({
        type: 'longtask',
      });
    });
    return page;
  };
  try {
    // As a user who chose the settings for a few seconds: the workers had that long to start (nothing of the
    // results is cached by then). The bench's other runs click at once.
    {
      const page = await openPage(3_000);
      const { ms, cpu, longTasks } = await timeRun(page);
      console.log(
        `browser, 100,000 exploited children × 3 configurations, click to drawn, first run (cold, 3 s after the settings): ${fmt(ms)} ms (goal ≤ 2,000 ms)${cpu}; ` +
          `main-thread tasks > 50 ms: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`,
      );
      await page.context().close();
    }
    const page = await openPage();
    for (const label of coldOnly ? ['first run (cold)'] : ['first run (cold)', 'second run (warm worker cache)']) {
      const { ms, cpu, longTasks } = await timeRun(page);
      console.log(
        `browser, 100,000 exploited children × 3 configurations, click to drawn, ${label}: ${fmt(ms)} ms (goal ≤ 2,000 ms)${cpu}; ` +
          `main-thread tasks > 50 ms: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`,
      );
    }
    if (coldOnly) return;
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
