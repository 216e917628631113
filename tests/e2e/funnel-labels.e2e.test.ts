// The funnel's milestone names in German (the longest of the four languages) at 1024×768, normal and presenter
// mode: every name inside the panel, none over the bars, larger in presenter mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage, waitUntilDrawn } from './harness';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { locale: 'de-DE', path: '#/cohorts', viewport: { width: 1024, height: 768 } });
  await app.page.getByTestId('cohort-run').waitFor();
});
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

/** The names' and bars' boxes on screen, the funnel's panel, and the names' size in CSS px. */
function measure() {
  return app.page.$eval('svg.funnel', (svg) => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const label = svg.querySelector<SVGTextElement>('.label')!;
    return {
      panel: box(svg.closest('section')!),
      labels: [...svg.querySelectorAll('.label')].map((t) => ({ text: t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') : t.textContent!, ...box(t) })),
      bars: [...svg.querySelectorAll('.track')].map(box),
      px: parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM()!.a,
    };
  });
}

async function expectReadable(tag: string) {
  const { panel, labels, bars, px } = await measure();
  expect(labels.map((l) => l.text).join(' ')).toContain('Spezialisiertes Zentrum für Menschenhandelsopfer');
  for (const l of labels) {
    expect(l.left, `${tag}: ${l.text}`).toBeGreaterThanOrEqual(panel.left);
    expect(l.right, `${tag}: ${l.text}`).toBeLessThanOrEqual(panel.right);
    for (const b of bars) {
      const overlaps = l.left < b.right && b.left < l.right && l.top < b.bottom && b.top < l.bottom;
      expect(overlaps, `${tag}: ${l.text} over a bar`).toBe(false);
    }
  }
  return px;
}

describe('funnel labels in German', () => {
  it('shows every milestone name whole, inside the panel and clear of the bars, normal and presenter mode', async () => {
    await app.page.getByTestId('cohort-size').selectOption('1000');
    await app.page.getByTestId('cohort-run').click();
    await waitUntilDrawn(app.page);
    await app.page.getByTestId('funnel-every').check();
    const normal = await expectReadable('normal');
    expect(normal).toBeGreaterThanOrEqual(11);
    await app.page.locator('svg.funnel').screenshot({ path: 'tests/e2e/screenshots/funnel-de-1024.png' });
    await app.page.getByTestId('presenter').click();
    await app.page.locator('#tab-cohorts').click();
    await app.page.locator('svg.funnel').waitFor();
    const presenter = await expectReadable('presenter');
    expect(presenter).toBeGreaterThan(normal * 1.1);
    await app.page.locator('svg.funnel').screenshot({ path: 'tests/e2e/screenshots/funnel-de-1024-presenter.png' });
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
