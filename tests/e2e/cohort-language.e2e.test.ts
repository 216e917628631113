// Switching the UI language on the Cohorts tab loses no work: the same results come back relabelled in the new
// language, with the settings and the chart choices, and no run is started again; a run under way goes on.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useCohortsPage, screenshot, waitUntilDrawn } from './harness';

const shared = useCohortsPage({ width: 1024, height: 768 });

const runsAsked = () => shared.page.evaluate(() => (window as unknown as { runsAsked: number }).runsAsked);

/** Counts the runs the page asks its workers for from now on (a language switch must ask for none). */
async function countRuns(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { runsAsked: number };
    w.runsAsked = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
      if ((args[0] as { type?: string })?.type === 'run') w.runsAsked++;
      return post.apply(this, args as never);
    } as Worker['postMessage'];
  });
}

const outcomeCells = (page: Page) =>
  page.$$eval('[data-testid="outcome-cell"]', (cells) =>
    cells.map((c) => `${c.getAttribute('data-config')} ${c.getAttribute('data-outcome')} ${c.getAttribute('data-count')}`),
  );

describe('cohort view across a language switch', () => {
  it('shows the same results again in French, with the settings and chart choices, without running again', async () => {
    const { page } = shared;
    await countRuns(page);
    await page.getByRole('button', { name: /As written \/ as reported/ }).click();
    await page.getByTestId('cohort-config').first().locator('input[type="date"]').fill('2016-03-01');
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-seed').fill('7');
    await page.getByTestId('cohort-run').click();
    await waitUntilDrawn(page, 80_000);
    const runs = await runsAsked();
    expect(runs).toBeGreaterThan(0);
    // choices on the charts and open panels
    await page.getByTestId('funnel-every').check();
    const sankey = page.getByRole('region', { name: 'Flows between milestones' });
    await sankey.getByRole('button', { name: 'B', exact: true }).click();
    await sankey.getByLabel('Show every milestone').check();
    await sankey.getByText('The flows as a table (full names)').click();
    await page.getByTestId('dfg-config').nth(1).click();
    await page.getByText('Edit the assumption set (JSON)').click();
    const cells = await outcomeCells(page);
    expect(cells.length).toBeGreaterThan(8);
    const links = await page.getByTestId('sankey-link').count();
    await expect(page.getByTestId('outcomes-legend').textContent()).resolves.toContain('detected on 1 March 2016');
    await page.getByTestId('cohort-outcomes').scrollIntoViewIfNeeded();
    await screenshot(page, 'cohort-language-en');

    await page.getByTestId('language').selectOption('fr');
    await expect.poll(() => page.getByTestId('outcomes-legend').textContent(), { timeout: 10_000 }).toContain('détectés le 1 mars 2016');
    await waitUntilDrawn(page, 20_000);
    expect(await runsAsked()).toBe(runs);
    expect(await page.locator('progress').count()).toBe(0);
    // the same numbers, the words in French
    expect(await outcomeCells(page)).toEqual(cells);
    const outcomes = page.getByRole('region', { name: 'Issues' });
    await expect(outcomes.locator('thead th').first().textContent()).resolves.toBe('Issue');
    await expect(page.getByTestId('outcomes-legend').textContent()).resolves.not.toContain('detected');
    // thousands with a narrow no-break space, as French writes them
    await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(/1\s000 enfants/);
    // the settings
    await expect(page.getByTestId('cohort-size').inputValue()).resolves.toBe('1000');
    await expect(page.getByTestId('cohort-seed').inputValue()).resolves.toBe('7');
    expect(await page.getByTestId('cohort-config').count()).toBe(2);
    await expect(page.getByTestId('cohort-config').first().locator('input[type="date"]').inputValue()).resolves.toBe('2016-03-01');
    // the chart choices and open panels
    await expect(page.getByTestId('funnel-every').isChecked()).resolves.toBe(true);
    const flux = page.getByRole('region', { name: 'Flux entre les étapes' });
    await expect(flux.getByRole('button', { name: 'B', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(flux.getByLabel('Afficher toutes les étapes').isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('sankey-link').count()).toBe(links);
    await expect(flux.getByTestId('sankey-table').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('dfg-config').nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('cohort-set-json').isVisible()).resolves.toBe(true);
    await page.getByTestId('cohort-outcomes').scrollIntoViewIfNeeded();
    await screenshot(page, 'cohort-language-fr');
    expect(shared.app.errors).toEqual([]);
  });

  it('keeps a sensitivity analysis, its parameters and configuration named again in German', async () => {
    const { page } = shared;
    await page.getByTestId('sensitivity-size').selectOption('5000');
    await page.getByTestId('sensitivity-figure').selectOption('disappeared');
    await page.getByTestId('sensitivity-run').click();
    await page.getByTestId('tornado').waitFor({ timeout: 240_000 });
    await page.getByTestId('sensitivity').locator('summary', { hasText: 'Le diagramme sous forme de tableau' }).click();
    const params = () => page.$$eval('[data-testid="tornado-row"]', (rows) => rows.map((r) => r.getAttribute('data-param')));
    const before = await params();
    expect(before[0]).toBe('disappearsIfNotRecognised');
    await expect(page.getByTestId('tornado-row').first().textContent()).resolves.toContain('Disparaît (non reconnu)');
    const runs = await runsAsked();

    await page.getByTestId('language').selectOption('de');
    await page.getByTestId('tornado').waitFor();
    expect(await runsAsked()).toBe(runs);
    expect(await params()).toEqual(before);
    await expect(page.getByTestId('sensitivity-figure').inputValue()).resolves.toBe('disappeared');
    await expect(page.getByTestId('tornado-row').first().textContent()).resolves.toContain('Verschwindet (nicht erkannt)');
    const summary = await page.getByTestId('sensitivity-summary').textContent();
    expect(summary).toMatch(/Kohorten mit je 5\S000 Kindern/);
    expect(summary).toContain('erkannt am 1. März 2016');
    await expect(page.getByTestId('sensitivity-table').isVisible()).resolves.toBe(true);
    expect(shared.app.errors).toEqual([]);
  });

  it('lets a run under way go on through a switch: its results come to the remounted view, in Dutch', async () => {
    const { page } = shared;
    await page.getByTestId('cohort-size').selectOption('1000000');
    await page.getByTestId('cohort-run').click();
    await page.locator('progress').waitFor();
    const runs = await runsAsked();
    await page.getByTestId('language').selectOption('nl');
    await expect.poll(() => page.getByTestId('cohort-run').textContent()).toBe('Starten');
    // still the run started before the switch (it takes seconds), not a new one
    expect(await page.getByTestId('cohort-run').isDisabled()).toBe(true);
    await waitUntilDrawn(page, 120_000);
    expect(await runsAsked()).toBe(runs);
    await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(/1\.000\.000 kinderen/);
    expect(shared.app.errors).toEqual([]);
    expect(shared.app.foreignRequests).toEqual([]);
  });
});
