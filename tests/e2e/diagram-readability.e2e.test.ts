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

/** sRGB "rgb(r, g, b)" to linear RGB. */
const linear = (css: string) =>
  (/rgba?\((\d+), (\d+), (\d+)/.exec(css) ?? []).slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
/** Machado et al. (2009), full severity, on linear RGB: what a dichromat sees. */
const VISION: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const luminance = (rgb: number[], vision: number[][]) => {
  const [r, g, b] = vision.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string, vision: number[][]) => {
  const [hi, lo] = [luminance(linear(a), vision), luminance(linear(b), vision)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** A dash pattern up to scale: one period, each dash and gap as a share of it ("9 5" and "14 7" are one shape). */
function dashShape(dasharray: string): number[] {
  let d = dasharray.split(/[\s,]+/).map(parseFloat).filter((n) => !Number.isNaN(n));
  if (d.length % 2) d = [...d, ...d];
  const period = [...Array(d.length).keys()].map((i) => i + 1).find((p) => d.length % p === 0 && d.every((v, i) => v === d[i % p]))!;
  const total = d.slice(0, period).reduce((s, v) => s + v, 0);
  return d.slice(0, period).map((v) => v / total);
}
const sameShape = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 0.1);

describe('the comparison on the diagram at 1024×768', () => {
  it('draws "possible next transition" and run A unlike each other, in any colour vision, and the legend as drawn', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    await page.locator('aside select').first().selectOption('romanian_girl_2012');
    await page.getByTestId('load-scenario').click();
    await page.getByLabel('A guardian for every unaccompanied child').check();
    await expect.poll(() => page.locator('[data-testid="diagram-compare"] path.cmp.a').count()).toBeGreaterThan(0);
    await walk(page, 2);
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { stroke: s.stroke, dash: s.strokeDasharray, width: s.strokeWidth, marker: el.getAttribute('marker-end') };
      });
    const next = await style('svg.canvas .transition.next .route');
    const a = await style('[data-testid="diagram-compare"] path.cmp.a');
    // told apart by lightness (what survives every colour-vision deficiency) and by the shape of the dashes
    for (const [name, vision] of Object.entries(VISION)) expect(contrast(next.stroke, a.stroke, vision), `next vs A, ${name}`).toBeGreaterThanOrEqual(3);
    expect(sameShape(dashShape(next.dash), dashShape(a.dash)), `dash patterns ${next.dash} / ${a.dash}`).toBe(false);
    expect(next.marker).toMatch(/arrow-next/);
    // the legend's swatches are the lines they explain
    const legend = (kind: string) => style(`#diagram .legend .swatch.${kind}`);
    for (const [swatch, drawn] of [[await legend('next'), next], [await legend('a'), a]] as const)
      expect({ stroke: swatch.stroke, dash: swatch.dash, width: swatch.width }).toEqual({ stroke: drawn.stroke, dash: drawn.dash, width: drawn.width });
    await page.locator('#diagram').scrollIntoViewIfNeeded();
    await page.locator('#diagram').screenshot({ path: 'tests/e2e/screenshots/compare-lines-1024-normal.png' });
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
    await page.locator('#diagram').screenshot({ path: 'tests/e2e/screenshots/compare-lines-1024-deuteranopia.png' });
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
