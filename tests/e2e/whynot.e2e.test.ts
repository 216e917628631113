// "What would have had to be different?" in real Chromium, for a cohort example child who ended unprotected.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type AppPage } from './harness';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { path: '#/cohorts', viewport: { width: 1280, height: 900 } });
  await app.page.getByTestId('cohort-run').waitFor();
});
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('nearest protected path', () => {
  it('finds the fewest changes for an exploited child who was not identified, names them, and walks the changed case', async () => {
    const { page } = app;
    await page.getByTestId('cohort-set').selectOption('exploited-children');
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-run').click();
    const cell = page.locator('[data-testid="outcome-cell"][data-outcome="notIdentified"][data-config="0"] button');
    await cell.waitFor({ timeout: 120_000 });
    await cell.click();
    await expect.poll(() => page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('whynot-search').click();
    await page.waitForTimeout(500);
    expect(app.errors).toEqual([]);
    await expect(page.getByTestId('whynot-answer').textContent()).resolves.toMatch(/change\(s\) would have led to/);
    await expect(page.getByTestId('whynot-change').first().textContent()).resolves.toMatch(/indicators of trafficking are recognised/);
    await page.getByTestId('whynot').screenshot({ path: 'tests/e2e/screenshots/whynot.png' });
    await page.getByTestId('whynot-walk').click();
    await expect(page.getByTestId('whynot-search')).toBeDefined();
    await screenshot(page, 'whynot-walked');
    expect(app.errors).toEqual([]);
  });
});
