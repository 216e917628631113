// Keyboard use of the shell in real Chromium: the skip links move focus without changing the address (which the
// router would read as an unknown page), and a dialog closed with Esc hands focus back to the button that opened it.
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

const VIEWPORT = { width: 1024, height: 768 };
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('skip links', () => {
  for (const target of ['main', 'step-controls', 'diagram', 'scenario']) {
    it(`"#${target}" moves focus to its target with no notice and the address unchanged`, async () => {
      const app = await openApp(browser, { viewport: VIEWPORT });
      const { page } = app;
      await page.locator(`a.skip-link[href="#${target}"]`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => activeId(page)).toBe(target);
      expect(await page.evaluate(() => location.hash)).toBe('');
      expect(await page.getByTestId('notice').count()).toBe(0);
      // the target is on screen; one already on screen does not move the page
      const box = (await page.locator(`#${target}`).boundingBox())!;
      expect(box.y + Math.min(box.height, 1)).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(VIEWPORT.height);
      if (target !== 'diagram') expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }

  it('"Skip to content" on the cohorts tab stays on the cohorts tab', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT, path: '#/cohorts' });
    const { page } = app;
    await page.locator('a.skip-link[href="#main"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('main');
    expect(await page.evaluate(() => location.hash)).toBe('#/cohorts');
    expect(await page.locator('#tab-cohorts').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('notice').count()).toBe(0);
    await app.context.close();
  });
});

describe('Tab order', () => {
  /** Tab presses from the top of the page until `selector` has focus, with what had focus on the way. */
  async function tabsTo(page: Page, selector: string, max = 120): Promise<{ presses: number; passed: string[] }> {
    const passed: string[] = [];
    for (let presses = 1; presses <= max; presses++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate((s) => {
        const e = document.activeElement as HTMLElement | null;
        return { hit: e?.matches(s) ?? false, name: e?.id || e?.dataset.testid || e?.tagName || '' };
      }, selector);
      if (here.hit) return { presses, passed };
      passed.push(here.name);
    }
    throw new Error(`${selector} not reached in ${max} Tabs`);
  }

  it('reaches Next in a few Tabs at any step without the skip link, then the step and its decisions, the builder after', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    const { page } = app;
    // it took 50 Tabs through the scenario picker, the files and every field of the builder
    expect((await tabsTo(page, '[data-testid="next"]')).presses).toBeLessThanOrEqual(10);
    const after = await tabsTo(page, '[data-testid="decisions"] button');
    expect(after.passed).not.toContain('field-title');
    // the later stages' decisions: one stop while closed, Enter opens them, Tab goes in
    await tabsTo(page, '[data-testid="decisions-later"] > summary', 10);
    expect(await page.getByTestId('decisions-later').getAttribute('open')).toBeNull();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="decisions-later"]') !== null)).toBe(true);
    await page.getByTestId('next').click();
    await page.getByTestId('next').click();
    await page.reload();
    await page.waitForSelector('[data-testid="step-card"]');
    await expect.poll(() => page.getByTestId('position').textContent()).toContain('Step 3');
    // Restart and Back are enabled now: two more stops
    expect((await tabsTo(page, '[data-testid="next"]')).presses).toBeLessThanOrEqual(12);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('dialogs', () => {
  for (const name of ['Help', 'Glossary']) {
    for (const close of ['Escape', 'the Close button']) {
      it(`${name} closed with ${close} gives focus back to the ${name} button`, async () => {
        const app = await openApp(browser, { viewport: VIEWPORT });
        const { page } = app;
        const opener = page.locator('header').getByRole('button', { name, exact: true });
        await opener.focus();
        await page.keyboard.press('Enter');
        await page.locator('dialog[open]').waitFor();
        if (close === 'Escape') await page.keyboard.press('Escape');
        else {
          await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).focus();
          await page.keyboard.press('Enter');
        }
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
        // a button's name, else the element's tag (BODY when focus was dropped)
        await expect.poll(() => page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() : document.activeElement?.tagName))).toBe(name);
        expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
        expect(app.errors).toEqual([]);
        await app.context.close();
      });
    }
  }
});
