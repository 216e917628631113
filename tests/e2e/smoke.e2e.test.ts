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

describe('first visit', () => {
  it('shows the first scenario at step 1 with no foreign request and no error', async () => {
    const app = await openApp(browser);
    await expect(app.page.getByTestId('position').textContent()).resolves.toMatch(/Step 1 of \d+/);
    await screenshot(app.page, 'first-visit');
    expect(app.foreignRequests).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
