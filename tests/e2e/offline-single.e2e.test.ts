// The single-file build (npm run build:single) opened from file:// in Chromium with the network cut, as from a
// USB stick: a walk with its lazy parts, and a cohort run in the inlined worker — with no other file and no
// request to anywhere.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { launchBrowser, screenshot } from './harness';
import { runCohort, walkScenario } from './offlineWalk';

const url = inject('singleFileUrl');
const file = fileURLToPath(url);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('single-file build', () => {
  it('is one HTML file that refers to no other file', () => {
    expect(readdirSync(dirname(file))).toEqual(['victim-pathway-simulator.html']);
    const html = readFileSync(file, 'utf8');
    const references = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(references.filter((ref) => !ref.startsWith('data:'))).toEqual([]);
    // Inline scripts are allowed by hash, not by 'unsafe-inline'.
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('opens from file:// offline, walks a scenario and runs a cohort in its inlined worker', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    await context.setOffline(true);
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const errors: string[] = [];
    const workers: string[] = [];
    page.on('request', (request) => {
      if (!/^(data|blob):/.test(request.url()) && request.url() !== url) elsewhere.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('worker', (worker) => workers.push(worker.url()));
    try {
      await page.goto(url);
      await page.waitForSelector('[role="tabpanel"]:not([hidden])');
      await walkScenario(page, 3);
      await screenshot(page, 'single-file-walk');
      await runCohort(page, 1000);
      await screenshot(page, 'single-file-cohort');
      // The run happened off the main thread, in a worker started from the inlined code.
      expect(workers.length).toBeGreaterThan(0);
      expect(workers.every((w) => w.startsWith('blob:') || w.startsWith('data:'))).toBe(true);
      // The case survives a reload (localStorage works for a file too).
      await page.getByRole('tab', { name: 'Step through' }).click();
      await page.reload();
      await page.waitForSelector('[data-testid="step-card"]');
      await expect(page.getByTestId('position').textContent()).resolves.toMatch(/^Step 4 of/);
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
