// The statechart read without presenter mode, and presenter mode on a short projector screen, in real Chromium.
// By default the diagram follows the step at a size one can read (fitted whole, its labels are 3 px high), with
// the current state in the canvas and "Fit to view" one click away; at 1024×768 presenter mode shows the step's
// milestone and its "Legal basis and source" without scrolling, with a one-line header, in English and French.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Rect = { x: number; y: number; width: number; height: number };
const inside = (r: Rect, box: Rect) =>
  r.x >= box.x - 1 && r.y >= box.y - 1 && r.x + r.width <= box.x + box.width + 1 && r.y + r.height <= box.y + box.height + 1;

/** Heights on screen (CSS px) of the state-label lines drawn inside the canvas. */
function stateLabelHeights(page: Page): Promise<number[]> {
  return page.$$eval('svg.canvas .state text.label tspan', (lines) => {
    const canvas = document.querySelector('svg.canvas')!.getBoundingClientRect();
    return lines
      .map((t) => t.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom)
      .map((r) => r.height);
  });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function walk(page: Page, steps: number) {
  for (let i = 0; i < steps; i++) {
    const before = await page.getByTestId('position').textContent();
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('position').textContent()).not.toBe(before);
  }
  await page.waitForTimeout(100);
}

describe('the diagram outside presenter mode', () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
    it(`opens on the current step's region with readable labels at ${viewport.width}×${viewport.height}; Fit to view shows it all`, async () => {
      const app = await openApp(browser, { viewport });
      const { page } = app;
      const canvas = page.locator('svg.canvas');
      for (const steps of [0, 3]) {
        await walk(page, steps);
        await canvas.scrollIntoViewIfNeeded();
        const heights = await stateLabelHeights(page);
        expect(heights.length, `state labels in view after ${steps} steps`).toBeGreaterThan(0);
        expect(median(heights), `median state label after ${steps} steps`).toBeGreaterThanOrEqual(11);
        // the state just entered (follow mode marks it) is inside the canvas
        const followed = page.locator('svg.canvas [data-followed="true"] rect.box').first();
        expect(inside((await followed.boundingBox())!, (await canvas.boundingBox())!)).toBe(true);
        expect(await page.locator('svg.canvas [data-followed="true"]').first().getAttribute('aria-current')).toBe('step');
      }
      await page.locator('#diagram').screenshot({ path: `tests/e2e/screenshots/diagram-default-${viewport.width}.png` });
      // one click shows the whole chart (too small to read: that is why it is not the default)
      await page.getByRole('button', { name: 'Fit to view' }).click();
      await expect.poll(() => page.locator('svg.canvas > g').first().getAttribute('transform')).toBe('translate(0,0) scale(1)');
      expect(median(await stateLabelHeights(page))).toBeLessThan(11);
      // keyboard zoom still works on the canvas
      await canvas.focus();
      await page.keyboard.press('+');
      await expect.poll(() => page.locator('svg.canvas > g').first().getAttribute('transform')).toMatch(/scale\(1\.25\)/);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});

describe('presenter mode at 1024×768', () => {
  for (const language of ['en', 'fr'] as const) {
    it(`shows the milestone and its legal basis without scrolling, header and controls on one line (${language})`, async () => {
      const viewport = { width: 1024, height: 768 };
      const app = await openApp(browser, { viewport });
      const { page } = app;
      if (language !== 'en') {
        await page.getByTestId('language').selectOption(language);
        await page.waitForSelector(`html[lang="${language}"]`);
      }
      await page.getByTestId('presenter').click();
      const screen = { x: 0, y: 0, ...viewport };
      const oneLine = async (selector: string) => {
        const box = (await page.locator(selector).first().boundingBox())!;
        const button = (await page.locator(`${selector} button`).first().boundingBox())!;
        return box.height < button.height * 1.6;
      };
      // steps 4 (two milestones) and 6 (the A card: the reviewer's case)
      for (const steps of [3, 2]) {
        await walk(page, steps);
        const card = page.getByTestId('step-card');
        const milestone = card.locator('[data-testid="step-milestones"] li').first();
        const title = (await milestone.locator('strong').first().boundingBox())!;
        const basis = (await milestone.locator('summary').first().boundingBox())!;
        const cardBox = (await card.boundingBox())!;
        expect(inside(title, screen) && inside(title, cardBox), 'milestone title in view').toBe(true);
        expect(inside(basis, screen) && inside(basis, cardBox), 'legal basis toggle in view').toBe(true);
        expect(await card.evaluate((el) => el.scrollTop)).toBe(0);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        // the decision's question stays in view under the step
        expect(inside((await page.locator('[data-testid="decisions"] legend').first().boundingBox())!, screen)).toBe(true);
        expect(await oneLine('header'), 'header on one line').toBe(true);
        expect(await oneLine('.controls-bar'), 'step controls on one line').toBe(true);
        // the trainer note is one click away, folded on this short screen
        expect(await page.getByTestId('trainer-note').getAttribute('open')).toBeNull();
      }
      await page.screenshot({ path: `tests/e2e/screenshots/presenter-1024-${language}-step6.png` });
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});

describe('a wide desk screen', () => {
  it('at 1920×1080 puts the diagram beside the step and its decision, all in the first screen; 1024×768 keeps it below', async () => {
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      const app = await openApp(browser, { viewport });
      const { page } = app;
      await walk(page, 4);
      const screen = { x: 0, y: 0, ...viewport };
      const card = (await page.getByTestId('step-card').boundingBox())!;
      const legend = (await page.locator('[data-testid="decisions"] legend').first().boundingBox())!;
      const canvas = (await page.locator('svg.canvas').boundingBox())!;
      const current = (await page.locator('svg.canvas [data-followed="true"] rect.box').first().boundingBox())!;
      if (viewport.width === 1920) {
        // it was a row of two (the step, the decision) over an empty third, the diagram wholly below the fold
        expect(canvas.x, 'diagram beside the step').toBeGreaterThanOrEqual(card.x + card.width);
        for (const [name, box] of Object.entries({ card, legend, canvas })) expect(inside(box, screen), `${name} in the first screen`).toBe(true);
        expect(inside(current, canvas), 'followed state in the canvas').toBe(true);
        expect(canvas.height).toBeGreaterThanOrEqual(500);
      } else {
        expect(canvas.y, 'diagram under the step').toBeGreaterThanOrEqual(card.y + card.height);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `tests/e2e/screenshots/desk-${viewport.width}-step5.png` });
      expect(app.errors).toEqual([]);
      await app.context.close();
    }
  });
});

describe('the stage map', () => {
  it('keeps the "Left here" label of an exit inside the map at 1024×768, in English and German', async () => {
    for (const locale of ['en-GB', 'de-DE']) {
      const app = await openApp(browser, { viewport: { width: 1024, height: 768 }, locale });
      const { page } = app;
      for (const id of ['case_dismissed', 'ties_resumed']) {
        await page.getByTestId('scenario').selectOption(id);
        await page.getByTestId('load-scenario').click();
        while (await page.getByTestId('next').isEnabled()) await page.getByTestId('next').click();
        const map = page.getByTestId('stage-map');
        await map.scrollIntoViewIfNeeded();
        const exit = map.getByTestId('stage-exit');
        if ((await exit.count()) === 0) continue;
        await map.screenshot({ path: `tests/e2e/screenshots/stagemap-exit-${id}-${locale}.png` });
        const box = (await map.locator('svg').boundingBox())!;
        const others = await map.locator('svg text').evaluateAll((all) =>
          all.filter((t) => !t.closest('[data-testid="stage-exit"]')).map((t) => t.getBoundingClientRect().toJSON() as DOMRect),
        );
        for (const text of await exit.locator('text').all()) {
          const r = (await text.boundingBox())!;
          expect(inside(r, box), `${locale} ${id}: "${await text.textContent()}" inside the map`).toBe(true);
          const overlaps = others.filter((o) => r.x < o.x + o.width && o.x < r.x + r.width && r.y < o.y + o.height && o.y < r.y + r.height);
          expect(overlaps, `${locale} ${id}: "${await text.textContent()}" clear of the stations' names`).toEqual([]);
        }
      }
      await app.context.close();
    }
  });
});
