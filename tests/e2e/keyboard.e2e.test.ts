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
  for (const target of ['main', 'step-controls', 'diagram']) {
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
