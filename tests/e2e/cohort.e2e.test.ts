// The Cohorts tab in real Chromium: run a cohort, see the funnel, open a drilled-down child, compare two
// configurations, cancel a run — with no request leaving the page and no error.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulateCohort } from '../../src/engine/simulate';
import { launchBrowser, openApp, screenshot, type AppPage } from './harness';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { path: '#/cohorts' });
  page = app.page;
  await page.getByTestId('cohort-run').waitFor();
});
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

async function runAndWait() {
  await page.getByTestId('cohort-run').click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="cohort-run"]')?.hasAttribute('disabled'),
    null,
    { timeout: 80_000 },
  );
}

describe('cohort view', () => {
  it('runs a cohort in a worker and shows the funnel, flows, outcomes and paths', async () => {
    await page.getByTestId('cohort-size').selectOption('1000');
    await runAndWait();
    await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(
      /1,000 children/,
    );
    const bars = page.getByTestId('funnel-bar');
    expect(await bars.count()).toBeGreaterThan(8);
    const detected = page.locator('[data-testid="funnel-bar"][data-milestone="detected"]');
    await expect(detected.getAttribute('aria-label')).resolves.toMatch(/Detected, configuration A \(.*\): 1,000 children, 100\.0%/);
    expect(await page.getByTestId('sankey-link').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('variants').locator('tbody tr').count()).toBeGreaterThan(3);
    await screenshot(page, 'cohort-run');
    expect(app.errors).toEqual([]);
  });

  it('gives the same figures in the browser (workers sharing the machine runs) as the engine in Node', async () => {
    const shown = await page.$$eval('[data-testid="outcome-cell"][data-config="0"]', (cells) =>
      Object.fromEntries(
        cells.map((c) => [c.getAttribute('data-outcome'), Number(c.getAttribute('data-count'))]),
      ),
    );
    const set = DEFAULT_ASSUMPTION_SET;
    const node = simulateCohort({
      set,
      config: { ...set.calibratedFor, reforms: [] },
      seed: 1,
      cohort: 1000,
    });
    expect(shown).toEqual(node.outcomes);
  });

  it('opens an example child of a funnel bar in step mode', async () => {
    await page
      .locator('[data-testid="funnel-bar"][data-milestone="ageAssessment"]')
      .first()
      .click();
    // The shell opens the drawn child in the step view.
    await expect.poll(() => page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(page.locator('#field-title').inputValue()).resolves.toMatch(/, seed 1, child #\d+$/);
    // The example child of "age assessment" had its age doubted.
    await expect(page.getByLabel('An authority doubts the declared age').isChecked()).resolves.toBe(true);
    await screenshot(page, 'cohort-open-child');
    await page.locator('#tab-cohorts').click();
    await page.getByTestId('cohort-run').waitFor();
  });

  it('compares two configurations side by side and highlights the differences', async () => {
    await page.getByTestId('cohort-set').selectOption('exploited-children');
    await page.getByRole('button', { name: /As written \/ as reported/ }).click();
    expect(await page.getByTestId('cohort-config').count()).toBe(2);
    await page.getByTestId('cohort-size').selectOption('1000');
    await runAndWait();
    const legend = await page.getByTestId('cohort-legend').textContent();
    expect(legend).toMatch(/A.*As written/s);
    expect(legend).toMatch(/B.*As reported/s);
    // Practice as reported follows the doctor's "adult" conclusion: more children end on the adult track.
    const changed = page.locator('[data-testid="outcome-cell"][data-changed="true"]');
    expect(await changed.count()).toBeGreaterThan(0);
    await screenshot(page, 'cohort-compare');
    expect(app.errors).toEqual([]);
  });

  it('exports the compared results as CSV and the Sankey as SVG, without leaving the page', async () => {
    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('cohort-export-csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^cohort-exploited-children-seed1\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('configuration,table,id,to,count,share,example_child');
    expect(text).toMatch(/^"A 2018-01-01 asWritten",outcome,/m);
    expect(text).toMatch(/^"B 2018-01-01 asReported",outcome,/m);
    const svgDownload = page.waitForEvent('download');
    await page
      .getByRole('region', { name: 'Flows between milestones' })
      .getByRole('button', { name: 'Export SVG' })
      .click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<path');
  });

  it('cancels a long run and keeps the page responsive', async () => {
    await page.getByTestId('cohort-size').selectOption('1000000');
    await page.getByTestId('cohort-run').click();
    await page.locator('progress').waitFor();
    // The main thread still answers while the worker runs.
    const started = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(Date.now() - started).toBeLessThan(1_000);
    await page.getByTestId('cohort-cancel').click();
    await expect(page.getByTestId('cohort-cancelled').textContent()).resolves.toMatch(/cancelled/);
    // Earlier results stay on screen.
    expect(await page.getByTestId('funnel-bar').count()).toBeGreaterThan(8);
    await screenshot(page, 'cohort-cancelled');
    expect(app.foreignRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('has no serious or critical axe violations with results of two configurations on screen', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    expect(serious).toEqual([]);
  });

  it('shows where an edited assumption set is wrong, by path', async () => {
    await page.getByText('Edit the assumption set (JSON)').click();
    const text = await page.getByTestId('cohort-set-json').inputValue();
    await page
      .getByTestId('cohort-set-json')
      .fill(text.replace('"female": {\n      "value": 0.15', '"female": {\n      "value": 7'));
    await page.getByTestId('cohort-apply-set').click();
    await expect(page.getByTestId('cohort-set-issues').textContent()).resolves.toContain(
      'params.female.value',
    );
  });
});
