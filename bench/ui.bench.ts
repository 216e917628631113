// UI figures in real Chromium against a production build:
//  1. median time from a click on "Next" to the repainted step (diagram included): performance marks in the
//     page, measured up to the first task after the next animation frame (i.e. after the frame is painted);
//  2. gzip size of the JavaScript loaded on first visit (goal ≤ 150 KB; elkjs must stay out of it).
import { launchChromium } from '../tests/chromium';
import { build, preview } from 'vite';
import { gzipSync } from 'node:zlib';

const GOAL_MS = 16;
const GOAL_KB = 150;

export default async function bench(): Promise<void> {
  await build({ logLevel: 'error' });
  const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no preview port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-diagram] g.state');
    const firstLoad = [...scripts.entries()];
    const gzipBytes = firstLoad.reduce((sum, [, body]) => sum + gzipSync(body, { level: 9 }).length, 0);
    const rawBytes = firstLoad.reduce((sum, [, body]) => sum + body.length, 0);

    const timings: number[] = [];
    const frames: number[] = [];
    for (const scenario of ['nigerian_girl_2016', 'found_adult_2018', 'case_dismissed', 'romanian_girl_2016']) {
      await page.getByTestId('scenario').selectOption(scenario);
      await page.getByTestId('load-scenario').click();
      await page.waitForTimeout(200);
      for (;;) {
        const ms = await page.evaluate(async () => {
          const next = document.querySelector<HTMLButtonElement>('[data-testid="next"]');
          if (!next || next.disabled) return null;
          // Let pending work of the previous step (option previews) finish first: measure one step alone.
          await new Promise((resolve) => setTimeout(resolve, 150));
          performance.mark('step-click');
          next.click();
          // Svelte flushes in a microtask; then force style + layout of the diagram: the frame is ready to paint.
          await Promise.resolve();
          document.querySelector('[data-diagram]')?.getBoundingClientRect();
          performance.mark('step-laid-out');
          await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          performance.mark('step-painted');
          return [performance.measure('work', 'step-click', 'step-laid-out').duration, performance.measure('frame', 'step-click', 'step-painted').duration];
        });
        if (ms === null) break;
        timings.push(ms[0]);
        frames.push(ms[1]);
      }
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    const p90 = timings[Math.floor(timings.length * 0.9)];
    frames.sort((a, b) => a - b);
    console.log(`step click → diagram updated and laid out: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms over ${timings.length} steps (goal ≤ ${GOAL_MS} ms)`);
    console.log(`step click → next frame painted (includes waiting for vsync): median ${frames[Math.floor(frames.length / 2)].toFixed(1)} ms`);
    console.log(`first-visit JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip (${(rawBytes / 1024).toFixed(0)} KB raw, ${firstLoad.length} files; goal ≤ ${GOAL_KB} KB)`);
    for (const [name, body] of firstLoad) console.log(`  ${new URL(name).pathname}: ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
