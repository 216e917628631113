// The shared e2e harness: Debian's Chromium through playwright-core, a page that records every request that
// is not to the local preview server (privacy: there must be none), and screenshots for a human to look at.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../chromium';
import { cohortDrawn } from './drawn';
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export { CHROMIUM_PATH };
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export const launchBrowser: () => Promise<Browser> = launchChromium;

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the local server (should stay empty). */
  foreignRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/** A fresh context (AxeBuilder needs one) with an optional locale and a clean localStorage. */
export async function openApp(browser: Browser, options: { locale?: string; path?: string; viewport?: { width: number; height: number } } = {}): Promise<AppPage> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: options.viewport ?? { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(options.path ?? '', baseUrl()).href);
  await page.waitForSelector('[role="tabpanel"]:not([hidden])');
  return { context, page, foreignRequests, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The cohorts page a whole test file shares: the browser and page open before its tests (the Run button ready) and
 * close after them. Read `browser`, `app` and `page` inside tests (they are set once `beforeAll` has run).
 */
export function useCohortsPage(viewport?: { width: number; height: number }): { browser: Browser; app: AppPage; page: Page } {
  const shared = {} as { browser: Browser; app: AppPage; page: Page };
  beforeAll(async () => {
    shared.browser = await launchBrowser();
    shared.app = await openApp(shared.browser, { path: '#/cohorts', ...(viewport ? { viewport } : {}) });
    shared.page = shared.app.page;
    await shared.page.getByTestId('cohort-run').waitFor();
  });
  afterAll(async () => {
    await shared.app?.context.close();
    await shared.browser?.close();
  });
  return shared;
}

/** Until a run is done and all its results drawn (see cohortDrawn). */
export async function waitUntilDrawn(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(cohortDrawn, null, { timeout });
}
