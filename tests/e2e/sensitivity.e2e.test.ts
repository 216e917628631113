// The Sensitivity panel in real Chromium: a tornado for a chosen figure, run in its own worker, with cited
// parameters and labelled assumptions told apart, no overlapping labels at 1024 and 1920 px, and its CSV download.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { openApp, useCohortsPage, screenshot } from './harness';
import { findOverlappingLabels, sidewaysOverflow, widerThanPage } from './overlap';

const shared = useCohortsPage({ width: 1024, height: 900 });


describe('sensitivity of a cohort figure', () => {
  it('draws a tornado of the parameters for the share disappeared, the cited one on top', async () => {
    const { page } = shared.app;
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-run').click();
    const panel = page.getByTestId('sensitivity');
    await panel.waitFor({ timeout: 120_000 });
    await page.getByTestId('sensitivity-size').selectOption('5000');
    await page.getByTestId('sensitivity-figure').selectOption('disappeared');
    await page.getByTestId('sensitivity-run').click();
    await page.getByTestId('tornado').waitFor({ timeout: 240_000 });
    await expect(page.getByTestId('sensitivity-summary').textContent()).resolves.toMatch(/cohorts of 5,000 children each/);
    const rows = page.getByTestId('tornado-row');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().getAttribute('data-param')).toBe('disappearsIfNotRecognised');
    // cited: solid bars, no ◇; an assumption: hatched bars and ◇ before its name
    const cited = rows.first();
    expect(await cited.locator('rect').first().getAttribute('fill')).toMatch(/^#/);
    expect(await cited.locator('text').first().textContent()).not.toContain('◇');
    const assumed = page.locator('[data-testid="tornado-row"][data-param="disappearsIfRecognised"]');
    expect(await assumed.locator('rect').first().getAttribute('fill')).toMatch(/^url\(#tornado-hatch-/);
    expect(await assumed.locator('text').first().textContent()).toMatch(/^◇ /);
    // the table lists every parameter, those that do not move the figure too
    expect(await page.locator('[data-testid="sensitivity-table"] tbody tr').count()).toBe(30);
    // another figure redraws from the same runs, without running again
    await page.getByTestId('sensitivity-figure').selectOption('protected');
    await expect(rows.first().getAttribute('data-param')).resolves.not.toBe('disappearsIfNotRecognised');
    await page.getByTestId('sensitivity-figure').selectOption('disappeared');
    expect(shared.app.errors).toEqual([]);
    expect(shared.app.foreignRequests).toEqual([]);
  });

  for (const width of [1024, 1920])
    it(`has no overlapping labels and no sideways scroll at ${width} px`, async () => {
      const { page } = shared.app;
      await page.setViewportSize({ width, height: 900 });
      for (const figure of ['protected', 'disappeared']) {
        await page.getByTestId('sensitivity-figure').selectOption(figure);
        await page.waitForTimeout(300);
        await page.getByTestId('sensitivity').screenshot({ path: `tests/e2e/screenshots/sensitivity-${figure}-${width}.png` });
        expect(await findOverlappingLabels(page, '[data-testid="tornado"]'), figure).toEqual([]);
      }
      await screenshot(page, `sensitivity-page-${width}`);
      expect(await widerThanPage(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });

  it('downloads the table as CSV, widest swing first', async () => {
    const { page } = shared.app;
    const download = page.waitForEvent('download');
    await page.getByTestId('sensitivity-export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('cohort-uam-reports-2018-seed1-sensitivity-disappeared.csv');
    const [header, ...lines] = readFileSync((await file.path())!, 'utf8').trimEnd().split('\n');
    expect(header).toMatch(/^figure,rank,param,label,option,basis,source,value,low,high,figure_at_low,figure_at_high,figure_baseline,swing,cohort/);
    expect(lines).toHaveLength(30);
    expect(lines[0]).toMatch(/^disappeared,1,disappearsIfNotRecognised,Disappears \(not recognised\),,cited,/);
    const svg = page.waitForEvent('download');
    await page.getByTestId('sensitivity').getByRole('button', { name: 'Export SVG' }).click();
    expect(readFileSync((await (await svg).path())!, 'utf8')).toContain('tornado-hatch-low');
  });

  it('keeps the longer German labels apart at 1024 px', async () => {
    const de = await openApp(shared.browser, { path: '#/cohorts', locale: 'de-DE', viewport: { width: 1024, height: 900 } });
    try {
      const { page } = de;
      await page.getByTestId('cohort-size').selectOption('1000');
      await page.getByTestId('cohort-run').click();
      await page.getByTestId('sensitivity').waitFor({ timeout: 120_000 });
      await page.getByTestId('sensitivity-size').selectOption('5000');
      await page.getByTestId('sensitivity-run').click();
      await page.getByTestId('tornado').waitFor({ timeout: 240_000 });
      await expect(page.getByTestId('tornado').getAttribute('aria-label')).resolves.toMatch(/^Tornadodiagramm/);
      await page.getByTestId('sensitivity').screenshot({ path: 'tests/e2e/screenshots/sensitivity-de-1024.png' });
      expect(await findOverlappingLabels(page, '[data-testid="tornado"]')).toEqual([]);
      expect(de.errors).toEqual([]);
    } finally {
      await de.context.close();
    }
  });
});
