// Diagram figures: ELK layout time (build time, Node) and the time from a step to the re-rendered diagram
// in Chromium (production build of tests/components/diagram-preview; goal ≤ 16 ms per step).
import { launchChromium } from '../tests/chromium';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { procedureMachine } from '../machines/procedure/machine';
import { toGraph } from '../src/graph';
import { layoutGraph } from '../src/layout/layoutGraph';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function benchLayout(): Promise<void> {
  const times: number[] = [];
  let size = '';
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const layout = await layoutGraph(toGraph(procedureMachine));
    times.push(performance.now() - started);
    size = `${layout.nodes.length} states, ${layout.edges.length} transitions, ${Math.round(layout.width)}×${Math.round(layout.height)} px`;
  }
  console.log(`layout (toGraph + ELK, Node, ${size}): median ${fmt(median(times))} of 5 (first ${fmt(times[0])})`);
}

async function benchRender(): Promise<void> {
  const outDir = join(tmpdir(), `diagram-bench-${process.pid}`);
  const entry = 'tests/components/diagram-preview/index.html';
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: entry } },
  });
  const server = await preview({ configFile: 'vite.config.ts', logLevel: 'error', preview: { port: 0 }, build: { outDir } });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${server.resolvedUrls!.local[0]}${entry}?step=0&height=900px`);
    await page.waitForSelector('svg.canvas .state');
    // a string, not a function: tsx would inject its __name helper, which the page does not have
    const result = (await page.evaluate(`(async () => {
      const sync = [];
      const frame = [];
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      for (let round = 0; round < 5; round++) {
        for (let n = 1; n < window.stepCount; n++) {
          await nextFrame();
          const t0 = performance.now();
          window.stepAndFlush(n);
          document.body.getBoundingClientRect(); // force style and layout
          sync.push(performance.now() - t0);
          await nextFrame();
          frame.push(performance.now() - t0);
        }
      }
      return { sync, frame };
    })()`)) as { sync: number[]; frame: number[] };
    console.log(
      `step → diagram updated (Chromium, production build, ${result.sync.length} steps): ` +
        `median ${fmt(median(result.sync))} script+style+layout, p90 ${fmt([...result.sync].sort((a, b) => a - b)[Math.floor(result.sync.length * 0.9)])}; ` +
        `median ${fmt(median(result.frame))} until the next frame was painted (goal ≤ 16 ms)`,
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function (): Promise<void> {
  await benchLayout();
  await benchRender();
}
