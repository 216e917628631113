// What a trainer does with the network cut, shared by the offline, single-file and privacy tests: walk a
// built-in scenario (with its lazily loaded timeline and glossary), then run a cohort on the Cohorts tab.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';
import { cohortDrawn } from './drawn';

export const SCENARIO_ID = 'cannabis_boy_2020';

/** Loads the scenario and steps `steps` times; checks the position, the timeline chunk and the glossary chunk. */
export async function walkScenario(page: Page, steps: number): Promise<void> {
  const total = stepCase(findScenario(SCENARIO_ID)!.case).steps.length;
  await page.getByTestId('scenario').selectOption(SCENARIO_ID);
  await page.getByTestId('load-scenario').click();
  for (let i = 0; i < steps; i++) await page.getByTestId('next').click();
  await expect.poll(() => page.getByTestId('position').textContent()).toBe(`Step ${steps + 1} of ${total}`);
  await expect(page.locator('#field-title').inputValue()).resolves.toBe('Vietnamese boy, 16, cannabis farm (2020)');
  // The timeline's code loads when scrolled to.
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
  await timeline.scrollIntoViewIfNeeded();
  await timeline.locator('svg').first().waitFor({ timeout: 15_000 });
  // The glossary dialog is another lazy chunk.
  await page.getByRole('button', { name: 'Glossary', exact: true }).click();
  await page.getByRole('dialog').locator('dt').first().waitFor();
  expect(await page.getByRole('dialog').locator('dt').count()).toBeGreaterThan(5);
  await page.keyboard.press('Escape');
}

/** Opens the Cohorts tab and runs `size` children (a worker when it can start), waiting for the funnel. */
export async function runCohort(page: Page, size: 1000 | 10000 = 1000): Promise<void> {
  await page.getByRole('tab', { name: 'Cohorts' }).click();
  await page.getByTestId('cohort-run').waitFor({ timeout: 15_000 });
  await page.getByTestId('cohort-size').selectOption(String(size));
  await page.getByTestId('cohort-run').click();
  await page.waitForFunction(cohortDrawn, null, { timeout: 80_000 });
  await expect(page.getByTestId('cohort-legend').textContent()).resolves.toMatch(new RegExp(`${size.toLocaleString('en')} children`));
  const detected = page.locator('[data-testid="funnel-bar"][data-milestone="detected"]');
  await expect(detected.getAttribute('aria-label')).resolves.toMatch(new RegExp(`${size.toLocaleString('en')} children, 100\\.0%`));
}
