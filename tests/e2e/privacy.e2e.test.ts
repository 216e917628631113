// Privacy in real Chromium: every request of the page is routed, and any to another origin fails the test —
// across a full walk, the glossary, help, every export (case, trace, diagram SVG/PNG, cohort CSV/SVG) and a
// cohort run. Attempts that the CSP stops before they become requests are caught as CSP violations.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';
import { baseUrl, launchBrowser } from './harness';
import { runCohort, SCENARIO_ID } from './offlineWalk';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** requests to another origin (aborted, so nothing leaves even if one happens) */
  leaving: string[];
  /** every request seen, to show the watch works */
  seen: string[];
}

/** A context whose every request goes through the router; the service worker is blocked so none is hidden. */
async function watchedContext(): Promise<Watched> {
  const origin = new URL(baseUrl()).origin;
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block', acceptDownloads: true });
  const leaving: string[] = [];
  const seen: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    seen.push(url);
    if (new URL(url).origin === origin) return route.continue();
    leaving.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    leaving.push(socket.url());
    return socket.close();
  });
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  return { context, page, leaving, seen };
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(await file.failure()).toBeNull();
  return file.suggestedFilename();
}

describe('privacy: nothing leaves the page', () => {
  it('notices a request to another origin (the watch itself works)', async () => {
    const watched = await watchedContext();
    // A blank page has no CSP; another port on the loopback is another origin. The router aborts it.
    await watched.page.goto('about:blank');
    await watched.page.evaluate(() => fetch('http://127.0.0.1:9/probe').catch(() => null));
    expect(watched.leaving).toEqual(['http://127.0.0.1:9/probe']);
    await watched.context.close();
  });

  it('makes no request off the page’s origin across a full walk, the glossary, help, every export and a cohort run', async () => {
    const { context, page, leaving, seen } = await watchedContext();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(baseUrl());
    await page.waitForSelector('[role="tabpanel"]:not([hidden])');

    // A full walk of a built-in scenario, to its outcome.
    const total = stepCase(findScenario(SCENARIO_ID)!.case).steps.length;
    await page.getByTestId('scenario').selectOption(SCENARIO_ID);
    await page.getByTestId('load-scenario').click();
    for (let i = 1; i < total; i++) {
      await page.getByTestId('next').click();
      // On the way, a legal term's definition, in its pop-over on the step card (loaded on first use).
      if (i === 3) {
        await page.locator('#step-card [popovertarget]').first().click();
        await page.locator('[popover]:popover-open').first().waitFor();
        await page.keyboard.press('Escape');
      }
    }
    expect(await page.getByTestId('position').textContent()).toBe(`Step ${total} of ${total}`);
    const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
    await timeline.scrollIntoViewIfNeeded();
    await timeline.locator('svg').first().waitFor();

    // The whole glossary, filtered; and help.
    await page.getByRole('button', { name: 'Glossary', exact: true }).click();
    await page.getByRole('dialog').getByRole('searchbox').fill('guardian');
    await page.getByRole('dialog').locator('dt').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');

    // Every export of the step view.
    expect(await download(page, () => page.getByRole('button', { name: 'Download case' }).click())).toMatch(/\.json$/);
    expect(await download(page, () => page.getByRole('button', { name: 'Export trace (JSON)' }).click())).toMatch(/\.json$/);
    expect(await download(page, () => page.getByRole('button', { name: 'Export diagram as SVG' }).click())).toBe('pathway-diagram.svg');
    expect(await download(page, () => page.getByRole('button', { name: 'Export diagram as PNG' }).click())).toBe('pathway-diagram.png');
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-url').inputValue()).resolves.toMatch(/#share=/);

    // A cohort run and its exports.
    await runCohort(page, 1000);
    expect(await download(page, () => page.getByTestId('cohort-export-csv').click())).toMatch(/\.csv$/);
    const flows = page.getByRole('region', { name: 'Flows between milestones' });
    expect(await download(page, () => flows.getByRole('button', { name: 'Export SVG' }).click())).toMatch(/\.svg$/);

    // The watch saw the app's own files, and nothing else.
    expect(seen.some((url) => /\/assets\/CohortView-/.test(url))).toBe(true);
    expect(leaving).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
