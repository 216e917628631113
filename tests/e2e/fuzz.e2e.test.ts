// A sample of the fuzzed inputs (tests/fuzz) fed to the real page in Chromium: share links in the hash, stored
// sessions in localStorage, uploaded files. No page error, a notice each time, the app always usable. Also: two
// tabs editing the same session are told about each other instead of overwriting each other's work.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { launchBrowser, openApp, screenshot, baseUrl } from './harness';
import { mutatedText, validCase } from '../fuzz/mutations';
import { SHARE_PREFIX } from '../../src/share/link';
import { SESSION_KEY, RECOVERY_KEY, toRecord } from '../../src/share/storage';
import { SCENARIOS } from '../../src/scenarios';

const SAMPLE = 12;
const seed = 20261202;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const small = (text: string) => text.length < 150_000;
const caseTexts = fc.sample(mutatedText(validCase).map((m) => m.text).filter(small), { numRuns: SAMPLE, seed });
const payloads = fc.record({ v: fc.constant(1), case: validCase, step: fc.nat({ max: 20 }) });
const shareHashes = fc.sample(mutatedText(payloads).map((m) => SHARE_PREFIX + compressToEncodedURIComponent(m.text)).filter(small), { numRuns: SAMPLE, seed });
const good = SCENARIOS[1].case;
const records = fc.tuple(validCase, fc.nat({ max: 20 })).map(([c, step]) => toRecord({ case: c, step }, { case: good, step: 1 }, 'e2e'));
const sessionTexts = fc.sample(mutatedText(records).map((m) => m.text).filter(small), { numRuns: SAMPLE, seed });

describe('fuzzed inputs in the real page', () => {
  it('share links in the hash: each opens or is refused with a notice; the open case is kept when refused', async () => {
    const app = await openApp(browser);
    const { page } = app;
    for (const hash of shareHashes) {
      const title = await page.locator('#field-title').inputValue();
      await page.evaluate((h) => (location.hash = h), hash);
      const notice = page.getByTestId('notice');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(/opened from a share link|share link is broken/);
      if (/broken/.test(text)) expect(await page.locator('#field-title').inputValue()).toBe(title);
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
    }
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  });

  it('stored sessions in localStorage: the app always loads; an unreadable one is set aside with a notice', async () => {
    let setAside = 0;
    for (const text of sessionTexts) {
      // Stored before the app's scripts run, as a previous visit would have left it (a reload would save over it).
      const context = await browser.newContext({ locale: 'en-GB' });
      await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [SESSION_KEY, text]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl());
      await page.waitForSelector('[data-testid="step-card"], [data-testid="builder-summary"]');
      const recovered = await page.evaluate((r) => localStorage.getItem(r), RECOVERY_KEY);
      if (recovered) {
        setAside++;
        await expect(page.getByTestId('notice').textContent()).resolves.toMatch(/could not be read.*set aside/);
        expect(JSON.parse(recovered).text).toBe(text);
        await expect(page.getByRole('button', { name: 'Download the set-aside session' }).count()).resolves.toBe(1);
        if (setAside === 1) await screenshot(page, 'session-set-aside');
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(setAside).toBeGreaterThan(0);
  });

  it('uploaded files: each opens or is refused with a notice naming the file', async () => {
    const app = await openApp(browser);
    const { page } = app;
    for (const [i, text] of caseTexts.entries()) {
      const name = `fuzz-${i}.json`;
      await page.getByTestId('upload').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain(name);
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
    }
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('two tabs', () => {
  it("an edit in one tab is announced in the other, which stops saving until the user chooses", async () => {
    const a = await openApp(browser);
    const b = await a.context.newPage();
    const errors: string[] = [];
    b.on('pageerror', (e) => errors.push(e.message));
    await b.goto(baseUrl());
    await b.waitForSelector('[data-testid="step-card"]');
    await a.page.locator('#field-title').fill('Edited in tab A');
    await b.getByText('Newer changes in another tab').waitFor();
    // B edits meanwhile: A's work stays stored.
    await b.locator('#field-title').fill('Edited in tab B');
    const stored = () => a.page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).case.title, SESSION_KEY);
    expect(await stored()).toBe('Edited in tab A');
    await screenshot(b, 'two-tabs-notice');
    await b.getByRole('button', { name: "Open the other tab's changes" }).click();
    await expect(b.locator('#field-title').inputValue()).resolves.toBe('Edited in tab A');
    expect(await stored()).toBe('Edited in tab A');
    expect([...a.errors, ...errors]).toEqual([]);
    await a.context.close();
  });
});
