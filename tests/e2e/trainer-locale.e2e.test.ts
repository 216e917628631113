// What a trainer in French, Dutch or German sees around the step, in real Chromium on a 1024×768 projector in
// presenter mode: the browser tab names the case and the view in the UI language, the autoplay speeds are
// written as the language writes numbers ("×0,5"), and French puts a narrow no-break space before a colon.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROJECTOR = { width: 1024, height: 768 };

describe('the step view in the trainer’s language', () => {
  it('names the browser tab after the case and the view, and follows a language switch and the Cohorts tab', async () => {
    const app = await openApp(browser, { locale: 'fr-BE', viewport: PROJECTOR });
    const { page } = app;
    await expect.poll(() => page.title()).toBe('Fille nigériane, 16 ans, exploitation sexuelle, âge mis en doute (2016) · Pas à pas — Simulateur du parcours des victimes');
    await page.locator('#tab-cohorts').click();
    await expect.poll(() => page.title()).toBe('Cohortes — Simulateur du parcours des victimes');
    await page.locator('#tab-step').click();
    await page.getByTestId('language').selectOption('nl');
    await page.waitForSelector('html[lang="nl"]');
    await expect.poll(() => page.title()).toBe('Nigeriaans meisje, 16, seksuele uitbuiting, leeftijd betwijfeld (2016) · Stap voor stap — Simulator slachtofferparcours');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  for (const [locale, half] of [['fr-BE', '×0,5'], ['nl-BE', '×0,5'], ['de-DE', '×0,5'], ['en-GB', '×0.5']] as const) {
    it(`writes the autoplay speeds as ${locale} writes numbers`, async () => {
      const app = await openApp(browser, { locale, viewport: PROJECTOR });
      const speeds = await app.page.locator('.controls-bar select option').allTextContents();
      expect(speeds).toEqual([half, '×1', '×2', '×4']);
      await app.context.close();
    });
  }

  it('in French on the projector, a narrow no-break space before the colon after "Ce qui se passe" and who decides', async () => {
    const app = await openApp(browser, { locale: 'fr-BE', viewport: PROJECTOR });
    const { page } = app;
    await page.getByTestId('presenter').click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('position').textContent()).toContain('Étape 5 sur');
    await expect(page.locator('[data-testid="step-card"] .event').textContent()).resolves.toMatch(/^Ce qui se passe\u202f: \S/);
    await expect(page.locator('[data-testid="decisions"] legend .who').first().textContent()).resolves.toMatch(/\S\u202f:$/);
    // the path strip's next stage too: the catalogue, not the code, holds the punctuation
    await expect(page.locator('[data-testid="path-strip"] [data-status="next"]').textContent()).resolves.toMatch(/ensuite\u202f: \d+ \S/);
    await screenshot(page, 'presenter-1024-fr-punctuation');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
