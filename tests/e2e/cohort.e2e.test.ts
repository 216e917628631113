// The Cohorts tab in real Chromium: run a cohort, see the funnel, open a drilled-down child, compare two
// configurations, cancel a run — with no request leaving the shared.page and no error.
import { describe, it, expect } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulateCohort } from '../../src/engine/simulate';
import { useCohortsPage, screenshot, waitUntilDrawn } from './harness';

const shared = useCohortsPage();


async function runAndWait() {
  await shared.page.getByTestId('cohort-run').click();
  await waitUntilDrawn(shared.page, 80_000);
}

describe('cohort view', () => {
  it('runs a cohort in a worker and shows the funnel, flows, outcomes and paths', async () => {
    await shared.page.getByTestId('cohort-size').selectOption('1000');
    await runAndWait();
    await expect(shared.page.getByTestId('cohort-legend').textContent()).resolves.toMatch(
      /1,000 children/,
    );
    const bars = shared.page.getByTestId('funnel-bar');
    expect(await bars.count()).toBeGreaterThan(8);
    const detected = shared.page.locator('[data-testid="funnel-bar"][data-milestone="detected"]');
    await expect(detected.getAttribute('aria-label')).resolves.toMatch(/Detected, configuration A \(.*\): 1,000 children, 100\.0%/);
    expect(await shared.page.getByTestId('sankey-link').count()).toBeGreaterThan(10);
    expect(await shared.page.getByTestId('variants').locator('tbody tr').count()).toBeGreaterThan(3);
    // words only: no engine id ("requestOutsideScope", "detectedAtBorder") in the legend, paths or times
    for (const part of [shared.page.getByTestId('cohort-legend'), shared.page.getByTestId('variants'), shared.page.getByTestId('times')])
      expect(await part.innerText()).not.toMatch(/\b[a-z]+[A-Z]\w*/);
    await screenshot(shared.page, 'cohort-run');
    expect(shared.app.errors).toEqual([]);
  });

  it('gives the same figures in the browser (workers sharing the machine runs) as the engine in Node', async () => {
    const shown = await shared.page.$$eval('[data-testid="outcome-cell"][data-config="0"]', (cells) =>
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
    await shared.page
      .locator('[data-testid="funnel-bar"][data-milestone="ageAssessment"]')
      .first()
      .click();
    // The shell opens the drawn child in the step view.
    await expect.poll(() => shared.page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(shared.page.locator('#field-title').inputValue()).resolves.toMatch(/, seed 1, child #\d+$/);
    // The example child of "age assessment" had its age doubted.
    await expect(shared.page.getByLabel('An authority doubts the declared age').isChecked()).resolves.toBe(true);
    await screenshot(shared.page, 'cohort-open-child');
    await shared.page.locator('#tab-cohorts').click();
    await shared.page.getByTestId('cohort-run').waitFor();
  });

  it('compares two configurations side by side and highlights the differences', async () => {
    await shared.page.getByTestId('cohort-set').selectOption('exploited-children');
    await shared.page.getByRole('button', { name: /As written \/ as reported/ }).click();
    expect(await shared.page.getByTestId('cohort-config').count()).toBe(2);
    await shared.page.getByTestId('cohort-size').selectOption('1000');
    await runAndWait();
    const legend = await shared.page.getByTestId('cohort-legend').textContent();
    expect(legend).toMatch(/A.*As written/s);
    expect(legend).toMatch(/B.*As reported/s);
    // Practice as reported follows the doctor's "adult" conclusion: more children end on the adult track.
    const changed = shared.page.locator('[data-testid="outcome-cell"][data-changed="true"]');
    expect(await changed.count()).toBeGreaterThan(0);
    // each difference shows one sign, the arrow, and is heard in words with the same number
    for (const cell of await shared.page.locator('[data-testid="outcome-cell"][data-config="1"]').all()) {
      const shown = (await cell.locator('.delta').textContent())!;
      expect(shown).toMatch(/^([▲▼] \d+\.\d|0\.0) pt$/);
      const [, sign, points] = shown.match(/^(?:(.) )?(.+) pt$/)!;
      await expect(cell.locator('.delta').getAttribute('aria-hidden')).resolves.toBe('true');
      const words = ({ '▲': `${points} percentage points more than A`, '▼': `${points} percentage points fewer than A` } as Record<string, string>)[sign] ?? 'same as A';
      expect(await cell.locator('.visually-hidden').textContent()).toBe(words);
    }
    expect(await changed.locator('.delta').first().textContent()).toMatch(/^[▲▼] /);
    const bar = await shared.page.locator('[data-testid="funnel-bar"][data-config="1"]').first().getAttribute('aria-label');
    expect(bar).toMatch(/(percentage points (more|fewer) than|same as) A/);
    expect(bar).not.toMatch(/[▲▼]/);
    await screenshot(shared.page, 'cohort-compare');
    expect(shared.app.errors).toEqual([]);
  });

  it('exports the compared results as CSV and the Sankey as SVG, without leaving the page', async () => {
    const csvDownload = shared.page.waitForEvent('download');
    await shared.page.getByTestId('cohort-export-csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^cohort-exploited-children-seed1\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('configuration,table,id,to,count,share,example_child');
    expect(text).toMatch(/^"A 2018-01-01 asWritten",outcome,/m);
    expect(text).toMatch(/^"B 2018-01-01 asReported",outcome,/m);
    const svgDownload = shared.page.waitForEvent('download');
    await shared.page
      .getByRole('region', { name: 'Flows between milestones' })
      .getByRole('button', { name: 'Export SVG' })
      .click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<path');
  });

  it('cancels a long run and keeps the shared.page responsive', async () => {
    await shared.page.getByTestId('cohort-size').selectOption('1000000');
    await shared.page.getByTestId('cohort-run').click();
    await shared.page.locator('progress').waitFor();
    // The main thread still answers while the worker runs.
    const started = Date.now();
    await shared.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(Date.now() - started).toBeLessThan(1_000);
    await shared.page.getByTestId('cohort-cancel').click();
    await expect(shared.page.getByTestId('cohort-cancelled').textContent()).resolves.toMatch(/cancelled/);
    // Earlier results stay on screen.
    expect(await shared.page.getByTestId('funnel-bar').count()).toBeGreaterThan(8);
    await screenshot(shared.page, 'cohort-cancelled');
    expect(shared.app.foreignRequests).toEqual([]);
    expect(shared.app.errors).toEqual([]);
  });

  it('has no serious or critical axe violations with results of two configurations on screen', async () => {
    const results = await new AxeBuilder({ page: shared.page }).analyze();
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
    await shared.page.getByText('Edit the assumption set (JSON)').click();
    const text = await shared.page.getByTestId('cohort-set-json').inputValue();
    await shared.page
      .getByTestId('cohort-set-json')
      .fill(text.replace('"female": {\n      "value": 0.15', '"female": {\n      "value": 7'));
    await shared.page.getByTestId('cohort-apply-set').click();
    await expect(shared.page.getByTestId('cohort-set-issues').textContent()).resolves.toContain(
      'params.female.value',
    );
  });
});
