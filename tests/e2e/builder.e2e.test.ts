// The case builder as a frontline worker uses it: an implausible value is kept and warned about beside its
// field; a legal term's pop-over opens beside the term, not over it; the skip link reaches Next at any step.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not drawn');
  return b;
};
type Box = Awaited<ReturnType<typeof box>>;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('case builder warnings', () => {
  it('a declared age of 25 not doubted is kept, runs, and is warned about right below its field', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    // The first scenario's age is doubted (then the assessment decides): that doubt is taken away first.
    await page.getByLabel('An authority doubts the declared age').uncheck();
    const input = page.locator('#field-person-declaredAge');
    await input.fill('25');
    await input.press('Tab');
    const warning = page.getByTestId('warning-person.declaredAge');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/taken as an adult/);
    expect(await input.inputValue()).toBe('25');
    // Not an error: nothing blocks the run, which starts again from step 1 with the adult's path.
    expect(await page.getByTestId('builder-summary').count()).toBe(0);
    expect(await input.getAttribute('aria-invalid')).not.toBe('true');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(await warning.getAttribute('id'));
    // Beside the field: just under the input, in its column, before the next field's label.
    const [i, w, next] = [await box(input), await box(warning), await box(page.locator('label[for="field-person-declaredBirthDate"]'))];
    expect(w.y).toBeGreaterThanOrEqual(i.y + i.height);
    expect(w.y - (i.y + i.height)).toBeLessThan(12);
    expect(Math.abs(w.x - i.x)).toBeLessThan(12);
    expect(w.y + w.height).toBeLessThanOrEqual(next.y);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-warning-adult-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('glossary pop-over', () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }])
    it(`opens beside the term that opened it, inside the window (${viewport.width})`, async () => {
      const app = await openApp(browser, { viewport });
      const { page } = app;
      for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
      const terms = page.locator('#step-card [popovertarget]');
      expect(await terms.count()).toBeGreaterThan(0);
      for (const n of [0, (await terms.count()) - 1]) {
        const term = terms.nth(n);
        await term.scrollIntoViewIfNeeded();
        await term.click();
        const popover = page.locator('[popover]:popover-open');
        await popover.waitFor();
        await expect.poll(() => popover.textContent()).not.toMatch(/…/);
        const [t, p] = [await box(term), await box(popover)];
        expect(overlaps(t, p), JSON.stringify({ t, p })).toBe(false);
        // Close to it (below or above), and wholly in the window.
        expect(Math.min(Math.abs(p.y - (t.y + t.height)), Math.abs(t.y - (p.y + p.height)))).toBeLessThan(12);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(viewport.width);
        expect(p.y + p.height).toBeLessThanOrEqual(viewport.height);
        if (n === 0) await page.screenshot({ path: await screenshot(page, `glossary-popover-${viewport.width}`), fullPage: false });
        await page.keyboard.press('Escape');
        await popover.waitFor({ state: 'hidden' });
      }
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
});

describe('keyboard', () => {
  it('after a reload mid-walk, Tab, Tab, Enter, Tab still lands on Next (README: four key presses)', async () => {
    const app = await openApp(browser);
    const { page } = app;
    for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
    await page.reload();
    await page.waitForSelector('[role="tabpanel"]:not([hidden])');
    expect(await page.getByTestId('position').textContent()).toMatch(/^Step 4 of/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-controls');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('next');
    await app.context.close();
  });
});
