// Period cohorts in real Chromium: detection spread over 2003–2008, the year-by-year chart with the
// guardianship start marked, no overlapping labels (time series, funnel, Sankey) and no sideways scroll at
// 1024 and 1920 px.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openApp, useCohortsPage, screenshot, waitUntilDrawn, type AppPage } from './harness';
import { findOverlappingLabels, sidewaysOverflow, widerThanPage } from './overlap';
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulatePeriod } from '../../src/engine/period';

const shared = useCohortsPage({ width: 1024, height: 900 });


describe('cohorts over a period', () => {
  it('runs two practices over 2003–2008 and draws them year by year with the rule changes marked', async () => {
    const { page } = shared.app;
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-period-on').check();
    await page.getByTestId('cohort-period-from').fill('2003-01-01');
    await page.getByTestId('cohort-period-to').fill('2008-12-31');
    await page.getByRole('button', { name: 'As written / as reported' }).click();
    await page.getByTestId('cohort-run').click();
    await waitUntilDrawn(page);
    await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(/detected 1 January 2003 to 31 December 2008/);
    expect(await page.getByTestId('series-facet').count()).toBe(8);
    // the guardianship start, dated as people read it and said in words
    const may = page.getByTestId('rule-change').filter({ has: page.locator('time[datetime="2004-05-01"]') });
    await expect(may.locator('time').textContent()).resolves.toBe('1 May 2004');
    await expect(may.getByTestId('rule-change-what').textContent()).resolves.toMatch(/^The Guardianship Service starts/);
    expect(shared.app.errors).toEqual([]);
    expect(shared.app.foreignRequests).toEqual([]);
  });

  it('gives the same figures in the browser (workers sharing the machine runs) as the engine in Node', async () => {
    for (const [config, practice] of [[0, 'asWritten'], [1, 'asReported']] as const) {
      const shown = await shared.app.page.$$eval(`[data-testid="outcome-cell"][data-config="${config}"]`, (cells) =>
        Object.fromEntries(cells.map((c) => [c.getAttribute('data-outcome'), Number(c.getAttribute('data-count'))])),
      );
      const period = { from: '2003-01-01', to: '2008-12-31', spread: 'uniform' as const, practice, reforms: [] };
      const node = simulatePeriod({ set: DEFAULT_ASSUMPTION_SET, period, seed: 1, cohort: 1000 });
      expect(shown).toEqual(node.outcomes);
    }
  });

  for (const width of [1024, 1920])
    it(`has no overlapping labels and no sideways scroll at ${width} px`, async () => {
      const { page } = shared.app;
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

describe('markers of every configuration, and what an export says', () => {
  let three: AppPage;
  beforeAll(async () => {
    three = await openApp(shared.browser, { path: '#/cohorts', viewport: { width: 1024, height: 900 } });
    const { page } = three;
    await page.getByTestId('cohort-run').waitFor();
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-period-on').check();
    await page.getByTestId('cohort-period-from').fill('2014-01-01');
    await page.getByTestId('cohort-period-to').fill('2019-12-31');
    // A as written, B as reported; C copies B and adds a reform
    await page.getByRole('button', { name: 'As written / as reported' }).click();
    await page.getByRole('button', { name: 'Add a configuration' }).click();
    const c = page.getByTestId('cohort-config').nth(2);
    await c.locator('summary').click();
    await c.locator('input[type="checkbox"]').first().check();
    await page.getByTestId('cohort-run').click();
    await waitUntilDrawn(page);
  }, 180_000);
  afterAll(async () => {
    await three?.context.close();
  });

  it('marks the ends of the reported practices for B and C only, once each, with their letters', async () => {
    const { page } = three;
    const items = await page.getByTestId('rule-changes').locator('li').allTextContents();
    const ends = await page.$$eval('[data-testid="rule-change"]', (lis) =>
      lis.filter((li) => ['2015-06-09', '2018-06-28'].includes(li.querySelector('time')?.getAttribute('datetime') ?? '')).map((li) => li.textContent ?? ''),
    );
    expect(ends).toHaveLength(2);
    for (const t of ends) expect(t).toMatch(/for B, C/);
    // on the chart: every row of facets carries the same numbered marks, labelled "n B,C"
    const configs = await page.$$eval('[data-testid="series-facet"]:first-child [data-testid="rule-marker"]', (els) =>
      els.map((e) => [e.querySelector('text')?.textContent?.trim(), e.getAttribute('data-configs')]),
    );
    expect(configs.filter(([, c]) => c === 'B,C').length).toBeGreaterThanOrEqual(2);
    for (const [text, c] of configs) if (c === 'B,C') expect(text).toMatch(/^\d+ B,C$/);
    const facets = await page.getByTestId('series-facet').count();
    expect(await page.getByTestId('rule-marker').count()).toBe(facets * items.length);
    expect(three.errors).toEqual([]);
  });

  for (const width of [1024, 1920])
    it(`has no overlapping marker or chart labels at ${width} px`, async () => {
      const { page } = three;
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await page.getByTestId('time-series').screenshot({ path: `tests/e2e/screenshots/period-markers-${width}.png` });
      await page.getByTestId('cohort-outcomes').screenshot({ path: `tests/e2e/screenshots/outcomes-3cfg-${width}.png` });
      expect(await findOverlappingLabels(page, '[data-testid="time-series"]')).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });

  it('exports an SVG titled with the chart, its configurations and their settings, named after them', async () => {
    const { page } = three;
    const panel = page.getByTestId('time-series');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-by-year-A-B-C\.svg$/);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('Year by year: outcomes and key milestones — A, B, C');
    expect(svg).toMatch(/B: detected 1 January 2014 to 31 December 2019 · As reported/);
    expect(svg).toMatch(/seed 1 · 1,000 children per configuration/);
  });

  it('fits six configurations at 1024 px: the table scrolls in its panel, keeps the outcome column, says what A–F are', async () => {
    const { page } = three;
    await page.setViewportSize({ width: 1024, height: 900 });
    // over a period the configurations' dates do not apply, and the form says so
    await expect(page.getByTestId('period-dates-note').textContent()).resolves.toMatch(/differ by practice and reforms only/);
    await page.getByTestId('cohort-preset-six').click();
    await page.getByTestId('cohort-run').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="outcome-cell"][data-config="5"]').length > 0, null, {
      timeout: 120_000,
    });
    const legend = await page.getByTestId('outcomes-legend').locator('.config').allTextContents();
    expect(legend.map((t) => t.slice(0, 2))).toEqual(['A:', 'B:', 'C:', 'D:', 'E:', 'F:']);
    for (const t of legend) expect(t).toMatch(/\d{1,2} \w+ \d{4}.*·/);
    const table = page.getByTestId('cohort-outcomes');
    const box = (await table.locator('xpath=..').boundingBox())!;
    const panel = (await table.locator('xpath=ancestor::section[1]').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    // scrolled to the end, the label column is still at the left edge of the scroll box
    await table.locator('xpath=..').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const label = (await table.locator('tbody th').first().boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(label.x).toBeLessThanOrEqual(box.x + 2);
    await table.locator('xpath=ancestor::section[1]').screenshot({ path: 'tests/e2e/screenshots/outcomes-6cfg-1024.png' });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  }, 150_000);
});
