// The cohort Sankey's overview fits its panel in real Chromium: at 1024×768 (normal and presenter mode) and
// 1920×1080, for the default run and for 100,000 exploited children with three configurations, the chart and every
// node and outcome label stay inside the panel (no sideways scroll), no label lies on a node or on another label,
// none is cut short, and a label moved away from its bar is joined to it by a leader line one can see.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useCohortsPage, waitUntilDrawn } from './harness';
import { findOverlappingLabels } from './overlap';

const shared = useCohortsPage({ width: 1024, height: 768 });

/** What sticks out of the Sankey's scroll box or lies on a node, in px as the reader sees it. */
const outOfPanel = (p: Page) =>
  p.evaluate(() => {
    const svg = document.querySelector('svg.sankey')!;
    const box = svg.parentElement!.getBoundingClientRect();
    const scroll = svg.parentElement!;
    const nodes = [...svg.querySelectorAll('[data-testid="sankey-node"] rect')].map((r) => r.getBoundingClientRect());
    const found: string[] = [];
    if (svg.getBoundingClientRect().right > box.right + 0.5) found.push(`svg right ${svg.getBoundingClientRect().right} > ${box.right}`);
    if (scroll.scrollWidth > scroll.clientWidth) found.push(`scrolls sideways by ${scroll.scrollWidth - scroll.clientWidth}`);
    for (const t of svg.querySelectorAll('[data-testid="sankey-label"]')) {
      const r = t.getBoundingClientRect();
      const name = t.textContent;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) found.push(`"${name}" ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
      for (const n of nodes)
        if (Math.min(r.right, n.right) - Math.max(r.left, n.left) > 1 && Math.min(r.bottom, n.bottom) - Math.max(r.top, n.top) > 1) found.push(`"${name}" on a node`);
    }
    return found;
  });

/**
 * Labels whose middle lies outside their bar's vertical extent (±4 px: drawn text is a little off the layout's
 * estimate, which joins labels beyond ±2) without a visible leader: a line from the
 * bar's edge, within its height, to the label's near side, running at least 6 px sideways (a shorter one hugs the
 * bar and reads as part of the flows).
 */
const unjoined = (p: Page) =>
  p.evaluate(() => {
    const found: string[] = [];
    for (const g of document.querySelectorAll('svg.sankey [data-testid="sankey-node"]')) {
      const label = g.querySelector('[data-testid="sankey-label"]');
      if (!label) continue;
      const bar = g.querySelector('rect')!.getBoundingClientRect();
      const text = label.getBoundingClientRect();
      const middle = (text.top + text.bottom) / 2;
      if (middle >= bar.top - 4 && middle <= bar.bottom + 4) continue;
      const name = `"${label.textContent}" (${Math.round(text.top)}–${Math.round(text.bottom)}, bar ${Math.round(bar.top)}–${Math.round(bar.bottom)})`;
      const line = g.querySelector<SVGLineElement>('line[data-testid="sankey-leader"]');
      if (!line) {
        found.push(`${name}: no leader`);
        continue;
      }
      // the line's ends in screen px
      const ctm = line.getScreenCTM()!;
      const [a, b] = [
        new DOMPoint(line.x1.baseVal.value, line.y1.baseVal.value).matrixTransform(ctm),
        new DOMPoint(line.x2.baseVal.value, line.y2.baseVal.value).matrixTransform(ctm),
      ];
      const atBar = (Math.abs(a.x - bar.right) < 1.5 || Math.abs(a.x - bar.left) < 1.5) && a.y >= bar.top - 1 && a.y <= bar.bottom + 1;
      const atLabel = Math.min(Math.abs(b.x - text.left), Math.abs(b.x - text.right)) < 4 && b.y >= text.top && b.y <= text.bottom;
      if (!atBar || !atLabel) found.push(`${name}: leader ${Math.round(a.x)},${Math.round(a.y)} → ${Math.round(b.x)},${Math.round(b.y)} does not join them`);
      else if (Math.abs(b.x - a.x) < 6) found.push(`${name}: leader runs only ${(Math.abs(b.x - a.x)).toFixed(1)} px sideways`);
    }
    return found;
  });

async function expectFits(tag: string) {
  await shared.page.locator('svg.sankey:not([aria-busy="true"])').waitFor();
  await shared.page.waitForTimeout(200);
  expect(await shared.page.getByTestId('sankey-label').count(), tag).toBeGreaterThan(10);
  // every name whole ("Temporary residence card", not "Te… re… ca…"): turned along a gap, moved, or its short form
  expect(await shared.page.$$eval('[data-testid="sankey-label"]', (ts) => ts.map((t) => t.textContent ?? '').filter((t) => t.includes('…'))), tag).toEqual([]);
  expect(await outOfPanel(shared.page), tag).toEqual([]);
  expect(await findOverlappingLabels(shared.page, 'svg.sankey'), tag).toEqual([]);
  expect(await unjoined(shared.page), tag).toEqual([]);
}

describe('the cohort Sankey fits its panel', () => {
  it('default run at 1024×768, then in presenter mode', async () => {
    await shared.page.getByTestId('cohort-run').click();
    await waitUntilDrawn(shared.page, 150_000);
    await expectFits('default, 1024');
    await shared.page.getByTestId('presenter').click();
    await expectFits('default, 1024, presenter');
    await shared.page.getByRole('region', { name: 'Flows between milestones' }).screenshot({ path: 'tests/e2e/screenshots/sankey-fit-default-1024-presenter.png' });
    await shared.page.getByTestId('presenter').click();
  });

  it('100,000 exploited children, three configurations, at 1024×768 (normal and presenter) and 1920×1080', async () => {
    await shared.page.getByTestId('cohort-set').selectOption('exploited-children');
    await shared.page.getByTestId('cohort-size').selectOption('100000');
    await shared.page.getByRole('button', { name: 'Rules of 2010 / 2016 / 2018' }).click();
    await shared.page.getByTestId('cohort-run').click();
    await waitUntilDrawn(shared.page, 300_000);
    const region = shared.page.getByRole('region', { name: 'Flows between milestones' });
    for (const [width, height, presenter] of [[1024, 768, false], [1024, 768, true], [1920, 1080, false]] as const) {
      await shared.page.setViewportSize({ width, height });
      if (presenter) await shared.page.getByTestId('presenter').click();
      for (const letter of ['A', 'B', 'C']) {
        await region.getByRole('button', { name: letter, exact: true }).click();
        await expectFits(`100,000, ${letter}, ${width}${presenter ? ', presenter' : ''}`);
      }
      await region.screenshot({ path: `tests/e2e/screenshots/sankey-fit-exploited-${width}${presenter ? '-presenter' : ''}.png` });
      if (presenter) await shared.page.getByTestId('presenter').click();
    }
    expect(shared.app.errors).toEqual([]);
  });
});
