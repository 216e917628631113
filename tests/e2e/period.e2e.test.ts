// Period cohorts in real Chromium: detection spread over 2003–2008, the year-by-year chart with the
// guardianship start marked, no overlapping labels (time series, funnel, Sankey) and no sideways scroll at
// 1024 and 1920 px.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type AppPage } from './harness';
import { findOverlappingLabels, sidewaysOverflow, widerThanPage } from './overlap';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulatePeriod } from '../../src/engine/period';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { path: '#/cohorts', viewport: { width: 1024, height: 900 } });
  await app.page.getByTestId('cohort-run').waitFor();
});
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('cohorts over a period', () => {
  it('runs two practices over 2003–2008 and draws them year by year with the rule changes marked', async () => {
    const { page } = app;
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-period-on').check();
    await page.getByTestId('cohort-period-from').fill('2003-01-01');
    await page.getByTestId('cohort-period-to').fill('2008-12-31');
    await page.getByRole('button', { name: 'As written / as reported' }).click();
    await page.getByTestId('cohort-run').click();
    await page.getByTestId('time-series').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="cohort-run"]')?.hasAttribute('disabled'),
      null,
      { timeout: 120_000 },
    );
    await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(/detected 2003-01-01 to 2008-12-31/);
    expect(await page.getByTestId('series-facet').count()).toBe(8);
    await expect(page.getByTestId('rule-changes').textContent()).resolves.toMatch(/2004-05-01/);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('gives the same figures in the browser (workers sharing the machine runs) as the engine in Node', async () => {
    for (const [config, practice] of [[0, 'asWritten'], [1, 'asReported']] as const) {
      const shown = await app.page.$$eval(`[data-testid="outcome-cell"][data-config="${config}"]`, (cells) =>
        Object.fromEntries(cells.map((c) => [c.getAttribute('data-outcome'), Number(c.getAttribute('data-count'))])),
      );
      const period = { from: '2003-01-01', to: '2008-12-31', spread: 'uniform' as const, practice, reforms: [] };
      const node = simulatePeriod({ set: DEFAULT_ASSUMPTION_SET, period, seed: 1, cohort: 1000 });
      expect(shown).toEqual(node.outcomes);
    }
  });

  for (const width of [1024, 1920])
    it(`has no overlapping labels and no sideways scroll at ${width} px`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await page.getByTestId('time-series').screenshot({ path: `tests/e2e/screenshots/period-series-${width}.png` });
      await screenshot(page, `period-${width}`);
      expect(await findOverlappingLabels(page, '[data-testid="time-series"]')).toEqual([]);
      expect(await findOverlappingLabels(page, 'svg.funnel')).toEqual([]);
      // the Sankey, overview and every milestone
      const detail = page.getByLabel('Show every milestone');
      for (const every of [false, true]) {
        await detail.setChecked(every);
        await page.waitForTimeout(200);
        await page.locator('svg.sankey').screenshot({ path: `tests/e2e/screenshots/sankey-${every ? 'detail' : 'overview'}-${width}.png` });
        expect(await findOverlappingLabels(page, 'svg.sankey'), every ? 'every milestone' : 'overview').toEqual([]);
      }
      await page.locator('svg.funnel').screenshot({ path: `tests/e2e/screenshots/funnel-${width}.png` });
      expect(await widerThanPage(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });
});
