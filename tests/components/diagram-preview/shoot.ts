// Screenshot the preview in Chromium: `npx tsx tests/components/diagram-preview/shoot.ts [step] [out.png]`
import { launchChromium } from '../../chromium';
import { createServer } from 'vite';

const step = process.argv[2] ?? '3';
const out = process.argv[3] ?? '/tmp/diagram.png';
const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port: 0 },
  logLevel: 'error',
});
await server.listen();
const url = server.resolvedUrls!.local[0];
const browser = await launchChromium();
const page = await (
  await browser.newContext({ viewport: { width: 1600, height: 1000 } })
).newPage();
page.on('console', (msg) => console.log('[page]', msg.text()));
page.on('pageerror', (err) => console.log('[page error]', err.message));
await page.goto(
  `${url}tests/components/diagram-preview/index.html?step=${step}${process.env.QUERY ?? ''}`,
);
await page.waitForSelector('svg.canvas .state');
for (let i = 0; i < Number(process.env.ZOOM ?? 0); i++)
  await page.getByRole('button', { name: 'Zoom in' }).click();
if (process.env.REGION) await page.getByLabel('Zoom to').selectOption(process.env.REGION);
await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
console.log('wrote', out);
await browser.close();
await server.close();
