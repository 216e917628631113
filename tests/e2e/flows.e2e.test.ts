// Flows a reader can follow, with many configurations, in real Chromium: three then six configurations
// (three dates × two practices) at 1024 px with no sideways scroll and no overlapping labels (also at 1920),
// the small multiples, the Sankey's sliders (milestones go into "other", drop-out sinks stay), and the funnel
// as one tab stop with arrow keys between bars.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openApp, useCohortsPage, screenshot, waitUntilDrawn } from './harness';
import { findOverlappingLabels, sidewaysOverflow, widerThanPage } from './overlap';

const shared = useCohortsPage({ width: 1024, height: 768 });


async function runAndWait() {
  await shared.page.getByTestId('cohort-run').click();
  await waitUntilDrawn(shared.page, 150_000);
  await shared.page.locator('svg.sankey').waitFor();
  await shared.page.waitForTimeout(300);
}
/** Overflow of the shared.page sideways, as the reader scrolls it: the scrolling element's scroll width past its client width. */
const scrollingOverflow = (p: Page) =>
  p.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
const nodeIds = (p: Page) => p.$$eval('[data-testid="sankey-node"]', (gs) => gs.map((g) => g.getAttribute('data-node')!));
const isSinkId = (id: string) => id.startsWith('outcome:') || /^(disappeared|returned|notIdentified|adultTrack|residenceWithdrawn)(#|$)/.test(id);

async function expectNoOverlap(tag: string) {
  expect(await findOverlappingLabels(shared.page, 'svg.sankey'), `${tag}: Sankey`).toEqual([]);
  if (await shared.page.locator('svg.funnel').count()) expect(await findOverlappingLabels(shared.page, 'svg.funnel'), `${tag}: funnel`).toEqual([]);
}

describe('flows with many configurations', () => {
  it('runs three configurations with no sideways scroll at 1024 px and no overlapping labels', async () => {
    await shared.page.getByTestId('cohort-size').selectOption('1000');
    await shared.page.getByRole('button', { name: 'Rules of 2010 / 2016 / 2018' }).click();
    await runAndWait();
    expect(await shared.page.getByTestId('cohort-legend').locator('.letter').count()).toBe(3);
    await expectNoOverlap('three, 1024');
    expect(await widerThanPage(shared.page)).toEqual([]);
    expect(await scrollingOverflow(shared.page)).toBeLessThanOrEqual(0);
    await screenshot(shared.page, 'flows-three-1024');
    await shared.page.getByRole('region', { name: 'Flows between milestones' }).screenshot({ path: 'tests/e2e/screenshots/flows-sankey-panel-three-1024.png' });
    await shared.page.getByRole('region', { name: 'Funnel: children reaching each milestone' }).screenshot({ path: 'tests/e2e/screenshots/flows-funnel-panel-three-1024.png' });
    expect(shared.app.errors).toEqual([]);
  });

  it('runs three dates × two practices and shows them as small multiples on one scale', async () => {
    await shared.page.getByTestId('cohort-preset-six').click();
    expect(await shared.page.getByTestId('cohort-config').count()).toBe(6);
    await runAndWait();
    expect(await shared.page.getByTestId('cohort-legend').locator('.letter').count()).toBe(6);
    // six configurations open as small multiples, one panel each
    await expect(shared.page.getByTestId('view-small').isChecked()).resolves.toBe(true);
    expect(await shared.page.getByTestId('small-multiple').count()).toBe(6);
    const captions = await shared.page.getByTestId('small-multiple').locator('figcaption').allTextContents();
    expect(captions.filter((c) => /as reported/i.test(c)).length).toBe(3);
    // each panel's outcome bar sums to its whole width (same scale everywhere)
    const widths = await shared.page.$$eval('[data-testid="small-multiple"] .stack', (bars) =>
      bars.map((b) => [...b.children].reduce((s, c) => s + c.getBoundingClientRect().width, 0) / b.clientWidth),
    );
    for (const w of widths) expect(w).toBeCloseTo(1, 1);
    await shared.page.getByTestId('small-multiples').screenshot({ path: 'tests/e2e/screenshots/flows-small-multiples-1024.png' });
    expect(await widerThanPage(shared.page)).toEqual([]);
    expect(await scrollingOverflow(shared.page)).toBeLessThanOrEqual(0);
    await screenshot(shared.page, 'flows-six-1024');
    const axe = await new AxeBuilder({ page: shared.page }).include('[data-testid="small-multiples"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('moves between funnel bars with the arrow keys from one tab stop, each bar saying what it shows', async () => {
    await shared.page.getByTestId('view-side').check();
    const bars = shared.page.getByTestId('funnel-bar');
    expect(await bars.count()).toBeGreaterThan(6 * 8);
    expect(await shared.page.locator('svg.funnel [tabindex="0"]').count()).toBe(1);
    // compact: the side-by-side funnel of six configurations fits a 768 px screen
    const box = (await shared.page.locator('svg.funnel').boundingBox())!;
    expect(box.height).toBeLessThan(768);
    await shared.page.locator('svg.funnel [tabindex="0"]').focus();
    const focused = () =>
      shared.page.evaluate(() => {
        const el = document.activeElement!;
        return { milestone: el.getAttribute('data-milestone'), config: el.getAttribute('data-config'), label: el.getAttribute('aria-label') };
      });
    const first = await focused();
    expect(first.config).toBe('0');
    await shared.page.keyboard.press('ArrowRight');
    const right = await focused();
    expect(right).toMatchObject({ milestone: first.milestone, config: '1' });
    expect(right.label).toMatch(/configuration B \(.*as reported.*\): [\d,]+ children, \d+\.\d%/i);
    await shared.page.keyboard.press('ArrowDown');
    const down = await focused();
    expect(down.config).toBe('1');
    expect(down.milestone).not.toBe(first.milestone);
    await shared.page.keyboard.press('End');
    const rows = await shared.page.$$eval('svg.funnel [data-config="0"]', (g) => g.length);
    expect(Number(await shared.page.evaluate(() => document.activeElement!.getAttribute('data-row')))).toBe(rows - 1);
    // still one tab stop, now on the bar last focused
    expect(await shared.page.locator('svg.funnel [tabindex="0"]').count()).toBe(1);
    await shared.page.keyboard.press('Tab');
    expect(await shared.page.evaluate(() => document.activeElement!.closest('svg.funnel'))).toBeNull();
  });

  it('groups milestones into "other" with the sliders while every drop-out sink stays', async () => {
    await shared.page.getByLabel('Show every milestone').check();
    await shared.page.getByTestId('sankey-paths').fill('0');
    await shared.page.getByTestId('sankey-activities').fill('100');
    const all = await nodeIds(shared.page);
    const sinks = all.filter(isSinkId);
    expect(sinks).toEqual(expect.arrayContaining(['outcome:disappeared', 'disappeared']));
    expect(all.some((id) => id.startsWith('other@'))).toBe(false);
    await shared.page.getByTestId('sankey-activities').fill('3');
    const few = await nodeIds(shared.page);
    expect(few.filter((id) => !isSinkId(id) && !id.startsWith('other@') && id !== 'cohort').length).toBeLessThanOrEqual(3);
    expect(few.filter(isSinkId).sort()).toEqual([...sinks].sort());
    expect(few.length).toBeLessThan(all.length);
    await shared.page.getByRole('region', { name: 'Flows between milestones' }).screenshot({ path: 'tests/e2e/screenshots/flows-sankey-grouped-1024.png' });
    // the share slider alone: at 20 % only the big milestones stay on their own, sinks still all there
    await shared.page.getByTestId('sankey-activities').fill('100');
    await shared.page.getByTestId('sankey-paths').fill('20');
    expect((await nodeIds(shared.page)).filter(isSinkId).sort()).toEqual([...sinks].sort());
    // an "other" node opens with a click and shows its members
    const other = shared.page.locator('[data-testid="sankey-node"][data-node^="other@"]').first();
    const title = (await other.getAttribute('aria-label'))!;
    const otherId = (await other.getAttribute('data-node'))!;
    const before = await nodeIds(shared.page);
    expect(title).toMatch(/^Other milestones \(\d+\): /);
    await other.click();
    const after = await nodeIds(shared.page);
    expect(after).not.toContain(otherId);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    await expect(shared.page.getByTestId('sankey-show-all').isEnabled()).resolves.toBe(true);
    await shared.page.getByTestId('sankey-show-all').click();
    expect((await nodeIds(shared.page)).sort()).toEqual([...all].sort());
    expect(shared.app.errors).toEqual([]);
  });

  for (const width of [1024, 1920])
    it(`has no overlapping labels at ${width} px, overview and every milestone, side by side`, async () => {
      await shared.page.setViewportSize({ width, height: width === 1024 ? 768 : 1080 });
      await shared.page.waitForTimeout(300);
      for (const every of [false, true]) {
        await shared.page.getByLabel('Show every milestone').setChecked(every);
        await shared.page.waitForTimeout(200);
        await shared.page.locator('svg.sankey').screenshot({ path: `tests/e2e/screenshots/flows-sankey-${every ? 'detail' : 'overview'}-${width}.png` });
        await expectNoOverlap(`${width}, ${every ? 'every milestone' : 'overview'}`);
      }
      await shared.page.locator('svg.funnel').screenshot({ path: `tests/e2e/screenshots/flows-funnel-six-${width}.png` });
      expect(await widerThanPage(shared.page)).toEqual([]);
      expect(await sidewaysOverflow(shared.page)).toBeLessThanOrEqual(0);
      await screenshot(shared.page, `flows-six-side-${width}`);
    });

  it('draws six configurations over a period year by year with no overlapping labels at 1024 and 1920 px', async () => {
    await shared.page.setViewportSize({ width: 1024, height: 768 });
    await shared.page.getByTestId('cohort-period-on').check();
    await shared.page.getByTestId('cohort-period-from').fill('2003-01-01');
    await shared.page.getByTestId('cohort-period-to').fill('2008-12-31');
    await shared.page.getByTestId('cohort-preset-six').click();
    await runAndWait();
    await waitUntilDrawn(shared.page);
    for (const width of [1024, 1920]) {
      await shared.page.setViewportSize({ width, height: width === 1024 ? 768 : 1080 });
      await shared.page.waitForTimeout(300);
      await shared.page.getByTestId('time-series').screenshot({ path: `tests/e2e/screenshots/flows-series-six-${width}.png` });
      expect(await findOverlappingLabels(shared.page, '[data-testid="time-series"]'), `${width}: time series`).toEqual([]);
      await expectNoOverlap(`period, ${width}`);
      expect(await widerThanPage(shared.page)).toEqual([]);
      expect(await scrollingOverflow(shared.page)).toBeLessThanOrEqual(0);
    }
    expect(shared.app.errors).toEqual([]);
    expect(shared.app.foreignRequests).toEqual([]);
  });

  it('opens the example child of the focused funnel bar with Enter', async () => {
    await shared.page.getByTestId('view-side').check();
    const bar = shared.page.locator('svg.funnel [data-testid="funnel-bar"][data-milestone="ageAssessment"][data-config="1"]');
    await bar.focus();
    expect(await shared.page.locator('svg.funnel [tabindex="0"]').getAttribute('data-milestone')).toBe('ageAssessment');
    await shared.page.keyboard.press('Enter');
    await expect.poll(() => shared.page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(shared.page.getByLabel('An authority doubts the declared age').isChecked()).resolves.toBe(true);
  });

  it('keeps German labels (longer words) apart at 1024 px with three configurations', async () => {
    const de = await openApp(shared.browser, { locale: 'de-DE', path: '#/cohorts', viewport: { width: 1024, height: 768 } });
    try {
      const p = de.page;
      await p.getByTestId('cohort-size').selectOption('1000');
      await p.getByRole('button', { name: 'Regeln von 2010 / 2016 / 2018' }).click();
      await p.getByTestId('cohort-run').click();
      await p.locator('svg.sankey').waitFor({ timeout: 150_000 });
      await waitUntilDrawn(p, 150_000);
      for (const every of [false, true]) {
        await p.getByLabel('Alle Etappen zeigen').setChecked(every);
        await p.waitForTimeout(200);
        expect(await findOverlappingLabels(p, 'svg.sankey'), every ? 'alle Etappen' : 'Überblick').toEqual([]);
      }
      await p.locator('svg.sankey').screenshot({ path: 'tests/e2e/screenshots/flows-sankey-detail-de-1024.png' });
      expect(await findOverlappingLabels(p, 'svg.funnel')).toEqual([]);
      expect(await scrollingOverflow(p)).toBeLessThanOrEqual(0);
      expect(de.errors).toEqual([]);
    } finally {
      await de.context.close();
    }
  });
});
