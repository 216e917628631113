// Installable and offline, in real Chromium against the production build: the manifest and its icons, every
// built file in the service worker's precache, a walk and a 1,000-child cohort with the network cut, and an
// update that waits for the user's click before the page reloads.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { preview } from 'vite';
import { baseUrl, launchBrowser, openApp, screenshot } from './harness';
import { launchChromiumProfile } from '../chromium';
import { runCohort, walkScenario } from './offlineWalk';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Resolves once a service worker controls the page (the first install claims it when its precache is full). */
async function controlledByServiceWorker(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}

/** A copy of the build on its own server, so a "new version" can be deployed without touching dist/. */
async function servedCopy(): Promise<{ url: string; deploy: (version: number) => void; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'vps-update-'));
  cpSync('dist', root, { recursive: true });
  const server = await preview({ logLevel: 'warn', build: { outDir: root }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    // Any byte changed in sw.js is a new service worker to the browser.
    deploy: (version) => appendFileSync(join(root, 'sw.js'), `\n// deployed version ${version}\n`),
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('installable and offline', () => {
  it('links a manifest whose any-purpose and maskable icons exist at 192 and 512 pixels', async () => {
    const app = await openApp(browser);
    const manifest = await app.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const json = await (await fetch(link.href)).json();
      const icons = await Promise.all(
        json.icons.map(async (icon: { src: string; sizes: string; purpose: string; type: string }) => {
          const image = new Image();
          image.src = icon.src;
          await image.decode();
          return { ...icon, width: image.naturalWidth, height: image.naturalHeight };
        }),
      );
      return { ...json, icons };
    });
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');
    for (const purpose of ['any', 'maskable'])
      for (const size of [192, 512])
        expect(manifest.icons).toContainEqual(expect.objectContaining({ purpose, sizes: `${size}x${size}`, type: 'image/png', width: size, height: size }));
    expect(app.foreignRequests).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('is installable: Chromium, with a real profile, finds nothing in the way', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'vps-profile-'));
    const context = await launchChromiumProfile(profile);
    try {
      const page = await context.newPage();
      await page.goto(baseUrl());
      await controlledByServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('precaches every file of the build, lazy chunks and the cohort worker included', async () => {
    const app = await openApp(browser);
    expect(await controlledByServiceWorker(app.page)).toMatch(/\/sw\.js$/);
    // The user is told once the copy is complete.
    await expect(app.page.getByTestId('offline-ready').textContent()).resolves.toContain('works offline');
    const cached = await app.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    // The service worker and its runtime are what does the caching; everything else must be there.
    const needed = filesIn('dist').filter((file) => file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file));
    for (const chunk of ['CohortView', 'Glossary', 'Timeline', 'cohort.worker']) expect(needed.some((f) => f.startsWith(`assets/${chunk}-`))).toBe(true);
    expect(cached.map((path) => path.slice(1)).sort()).toEqual(expect.arrayContaining(needed.sort()));
    await app.context.close();
  });

  it('opens, walks a scenario and runs 1,000 children with the network cut', async () => {
    const app = await openApp(browser);
    const { page, context } = app;
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[role="tabpanel"]:not([hidden])');
    // Really offline: what the service worker has not cached does not load.
    const probe = await page.evaluate(() => fetch(`/not-cached-${Date.now()}`).then((r) => `status ${r.status}`, () => 'failed'));
    expect(probe).toBe('failed');
    app.errors.splice(0); // the probe's own "failed to load" console line

    await walkScenario(page, 3);
    await screenshot(page, 'offline-walk');
    await runCohort(page, 1000);
    await screenshot(page, 'offline-cohort');
    expect(app.foreignRequests).toEqual([]);
    expect(app.errors).toEqual([]);
    await context.close();
  });

  it('offers a new version when one is deployed, and reloads only when the user asks', async () => {
    const copy = await servedCopy();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(copy.url);
      await page.waitForSelector('[role="tabpanel"]:not([hidden])');
      const firstVersion = await controlledByServiceWorker(page);
      await walkScenario(page, 2);
      const position = await page.getByTestId('position').textContent();
      // A marker that a reload would wipe.
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

      // A new version is deployed and found by the browser's next update check.
      copy.deploy(2);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await page.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_500);
      expect(await sameDocument()).toBe(true);
      await page.getByTestId('update-prompt').scrollIntoViewIfNeeded();
      await screenshot(page, 'update-prompt');

      // "Later": the prompt goes, the page stays, the old version keeps running.
      await page.getByTestId('update-later').click();
      expect(await page.getByTestId('update-prompt').count()).toBe(0);
      expect(await sameDocument()).toBe(true);
      expect(await page.getByTestId('position').textContent()).toBe(position);

      // Opened again later, the app offers the waiting version again; this time the user takes it.
      await page.reload();
      await page.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstVersion);
      const waiting = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null);
      expect(await waiting()).toBe(true);
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
      await page.waitForSelector('[data-testid="step-card"]');
      expect(await sameDocument()).toBe(false);
      // The new version runs (nothing waits any more), and the walk is where the user left it (autosaved).
      expect(await waiting()).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      expect(await page.getByTestId('update-prompt').count()).toBe(0);
      expect(await page.getByTestId('position').textContent()).toBe(position);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await copy.close();
    }
  });

  it('switches only the tab where the user accepts the new version; another open tab keeps running', async () => {
    const copy = await servedCopy();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    try {
      const errors: string[] = [];
      const open = async () => {
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(copy.url);
        await page.waitForSelector('[role="tabpanel"]:not([hidden])');
        await controlledByServiceWorker(page);
        await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
        return page;
      };
      const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
      // The first tab is the very first visit (its service worker was installed while it was open).
      const first = await open();
      const second = await open();
      copy.deploy(2);
      await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await first.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
      await second.getByTestId('update-prompt').waitFor({ timeout: 30_000 });

      await Promise.all([first.waitForEvent('load'), first.getByTestId('update-reload').click()]);
      await first.waitForSelector('[data-testid="step-card"]');
      expect(await sameDocument(first)).toBe(false);
      // The other tab is left alone, and still offered the switch.
      await second.waitForTimeout(1_500);
      expect(await sameDocument(second)).toBe(true);
      expect(await second.getByTestId('update-prompt').isVisible()).toBe(true);
      await Promise.all([second.waitForEvent('load'), second.getByTestId('update-reload').click()]);
      expect(await sameDocument(second)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await copy.close();
    }
  });
});
