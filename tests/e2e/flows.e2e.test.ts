// Flows a reader can follow, with many configurations, in real Chromium: three then six configurations
// (three dates × two practices) at 1024 px with no sideways scroll and no overlapping labels (also at 1920),
// the small multiples, the Sankey's sliders (milestones go into "other", drop-out sinks stay), and the funnel
// as one tab stop with arrow keys between bars.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, openApp, screenshot, type AppPage } from './harness';
import { findOverlappingLabels, sidewaysOverflow, widerThanPage } from './overlap';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { path: '#/cohorts', viewport: { width: 1024, height: 768 } });
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
    { timeout: 150_000 },
  );
  await page.locator('svg.sankey').waitFor();
  await page.waitForTimeout(300);
}
/** Overflow of the page sideways, as the reader scrolls it: the scrolling element's scroll width past its client width. */
const scrollingOverflow = (p: Page) =>
  p.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
const nodeIds = (p: Page) => p.$$eval('[data-testid="sankey-node"]', (gs) => gs.map((g) => g.getAttribute('data-node')!));
const isSinkId = (id: string) => id.startsWith('outcome:') || /^(disappeared|returned|notIdentified|adultTrack|residenceWithdrawn)(#|$)/.test(id);

async function expectNoOverlap(tag: string) {
  expect(await findOverlappingLabels(page, 'svg.sankey'), `${tag}: Sankey`).toEqual([]);
  if (await page.locator('svg.funnel').count()) expect(await findOverlappingLabels(page, 'svg.funnel'), `${tag}: funnel`).toEqual([]);
}

describe('flows with many configurations', () => {
  it('runs three configurations with no sideways scroll at 1024 px and no overlapping labels', async () => {
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByRole('button', { name: 'Rules of 2010 / 2016 / 2018' }).click();
    await runAndWait();
    expect(await page.getByTestId('cohort-legend').locator('.letter').count()).toBe(3);
    await expectNoOverlap('three, 1024');
    expect(await widerThanPage(page)).toEqual([]);
    expect(await scrollingOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'flows-three-1024');
    await page.getByRole('region', { name: 'Flows between milestones' }).screenshot({ path: 'tests/e2e/screenshots/flows-sankey-panel-three-1024.png' });
    await page.getByRole('region', { name: 'Funnel: children reaching each milestone' }).screenshot({ path: 'tests/e2e/screenshots/flows-funnel-panel-three-1024.png' });
    expect(app.errors).toEqual([]);
  });

  it('runs three dates × two practices and shows them as small multiples on one scale', async () => {
    await page.getByTestId('cohort-preset-six').click();
    expect(await page.getByTestId('cohort-config').count()).toBe(6);
    await runAndWait();
    expect(await page.getByTestId('cohort-legend').locator('.letter').count()).toBe(6);
    // six configurations open as small multiples, one panel each
    await expect(page.getByTestId('view-small').isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('small-multiple').count()).toBe(6);
    const captions = await page.getByTestId('small-multiple').locator('figcaption').allTextContents();
    expect(captions.filter((c) => /as reported/i.test(c)).length).toBe(3);
    // each panel's outcome bar sums to its whole width (same scale everywhere)
    const widths = await page.$$eval('[data-testid="small-multiple"] .stack', (bars) =>
      bars.map((b) => [...b.children].reduce((s, c) => s + c.getBoundingClientRect().width, 0) / b.clientWidth),
    );
    for (const w of widths) expect(w).toBeCloseTo(1, 1);
    await page.getByTestId('small-multiples').screenshot({ path: 'tests/e2e/screenshots/flows-small-multiples-1024.png' });
    expect(await widerThanPage(page)).toEqual([]);
    expect(await scrollingOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'flows-six-1024');
    const axe = await new AxeBuilder({ page }).include('[data-testid="small-multiples"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('moves between funnel bars with the arrow keys from one tab stop, each bar saying what it shows', async () => {
    await page.getByTestId('view-side').check();
    const bars = page.getByTestId('funnel-bar');
    expect(await bars.count()).toBeGreaterThan(6 * 8);
    expect(await page.locator('svg.funnel [tabindex="0"]').count()).toBe(1);
    // compact: the side-by-side funnel of six configurations fits a 768 px screen
    const box = (await page.locator('svg.funnel').boundingBox())!;
    expect(box.height).toBeLessThan(768);
    await page.locator('svg.funnel [tabindex="0"]').focus();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return { milestone: el.getAttribute('data-milestone'), config: el.getAttribute('data-config'), label: el.getAttribute('aria-label') };
      });
    const first = await focused();
    expect(first.config).toBe('0');
    await page.keyboard.press('ArrowRight');
    const right = await focused();
    expect(right).toMatchObject({ milestone: first.milestone, config: '1' });
    expect(right.label).toMatch(/configuration B \(.*as reported.*\): [\d,]+ children, \d+\.\d%/i);
    await page.keyboard.press('ArrowDown');
    const down = await focused();
    expect(down.config).toBe('1');
    expect(down.milestone).not.toBe(first.milestone);
    await page.keyboard.press('End');
    const rows = await page.$$eval('svg.funnel [data-config="0"]', (g) => g.length);
    expect(Number(await page.evaluate(() => document.activeElement!.getAttribute('data-row')))).toBe(rows - 1);
    // still one tab stop, now on the bar last focused
    expect(await page.locator('svg.funnel [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.closest('svg.funnel'))).toBeNull();
  });

  it('groups milestones into "other" with the sliders while every drop-out sink stays', async () => {
    await page.getByLabel('Show every milestone').check();
    await page.getByTestId('sankey-paths').fill('0');
    await page.getByTestId('sankey-activities').fill('100');
    const all = await nodeIds(page);
    const sinks = all.filter(isSinkId);
    expect(sinks).toEqual(expect.arrayContaining(['outcome:disappeared', 'disappeared']));
    expect(all.some((id) => id.startsWith('other@'))).toBe(false);
    await page.getByTestId('sankey-activities').fill('3');
    const few = await nodeIds(page);
    expect(few.filter((id) => !isSinkId(id) && !id.startsWith('other@') && id !== 'cohort').length).toBeLessThanOrEqual(3);
    expect(few.filter(isSinkId).sort()).toEqual([...sinks].sort());
    expect(few.length).toBeLessThan(all.length);
    await page.getByRole('region', { name: 'Flows between milestones' }).screenshot({ path: 'tests/e2e/screenshots/flows-sankey-grouped-1024.png' });
    // the share slider alone: at 20 % only the big milestones stay on their own, sinks still all there
    await page.getByTestId('sankey-activities').fill('100');
    await page.getByTestId('sankey-paths').fill('20');
    expect((await nodeIds(page)).filter(isSinkId).sort()).toEqual([...sinks].sort());
    // an "other" node opens with a click and shows its members
    const other = page.locator('[data-testid="sankey-node"][data-node^="other@"]').first();
    const title = (await other.getAttribute('aria-label'))!;
    const otherId = (await other.getAttribute('data-node'))!;
    const before = await nodeIds(page);
    expect(title).toMatch(/^Other milestones \(\d+\): /);
    await other.click();
    const after = await nodeIds(page);
    expect(after).not.toContain(otherId);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    await expect(page.getByTestId('sankey-show-all').isEnabled()).resolves.toBe(true);
    await page.getByTestId('sankey-show-all').click();
    expect((await nodeIds(page)).sort()).toEqual([...all].sort());
    expect(app.errors).toEqual([]);
  });

  for (const width of [1024, 1920])
    it(`has no overlapping labels at ${width} px, overview and every milestone, side by side`, async () => {
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 1080 });
      await page.waitForTimeout(300);
      for (const every of [false, true]) {
        await page.getByLabel('Show every milestone').setChecked(every);
        await page.waitForTimeout(200);
        await page.locator('svg.sankey').screenshot({ path: `tests/e2e/screenshots/flows-sankey-${every ? 'detail' : 'overview'}-${width}.png` });
        await expectNoOverlap(`${width}, ${every ? 'every milestone' : 'overview'}`);
      }
      await page.locator('svg.funnel').screenshot({ path: `tests/e2e/screenshots/flows-funnel-six-${width}.png` });
      expect(await widerThanPage(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `flows-six-side-${width}`);
    });

  it('draws six configurations over a period year by year with no overlapping labels at 1024 and 1920 px', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('cohort-period-on').check();
    await page.getByTestId('cohort-period-from').fill('2003-01-01');
    await page.getByTestId('cohort-period-to').fill('2008-12-31');
    await page.getByTestId('cohort-preset-six').click();
    await runAndWait();
    await page.getByTestId('time-series').waitFor();
    for (const width of [1024, 1920]) {
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 1080 });
      await page.waitForTimeout(300);
      await page.getByTestId('time-series').screenshot({ path: `tests/e2e/screenshots/flows-series-six-${width}.png` });
      expect(await findOverlappingLabels(page, '[data-testid="time-series"]'), `${width}: time series`).toEqual([]);
      await expectNoOverlap(`period, ${width}`);
      expect(await widerThanPage(page)).toEqual([]);
      expect(await scrollingOverflow(page)).toBeLessThanOrEqual(0);
    }
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('opens the example child of the focused funnel bar with Enter', async () => {
    await page.getByTestId('view-side').check();
    const bar = page.locator('svg.funnel [data-testid="funnel-bar"][data-milestone="ageAssessment"][data-config="1"]');
    await bar.focus();
    expect(await page.locator('svg.funnel [tabindex="0"]').getAttribute('data-milestone')).toBe('ageAssessment');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(page.getByLabel('An authority doubts the declared age').isChecked()).resolves.toBe(true);
  });

  it('keeps German labels (longer words) apart at 1024 px with three configurations', async () => {
    const de = await openApp(browser, { locale: 'de-DE', path: '#/cohorts', viewport: { width: 1024, height: 768 } });
    try {
      const p = de.page;
      await p.getByTestId('cohort-size').selectOption('1000');
      await p.getByRole('button', { name: 'Regeln von 2010 / 2016 / 2018' }).click();
      await p.getByTestId('cohort-run').click();
      await p.locator('svg.sankey').waitFor({ timeout: 150_000 });
      await p.waitForFunction(() => !document.querySelector('[data-testid="cohort-run"]')?.hasAttribute('disabled'), null, { timeout: 150_000 });
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
