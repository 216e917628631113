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
