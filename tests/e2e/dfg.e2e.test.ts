// The map drawn on the procedure (cohort view) and the nearest protected path drawn on the step view's diagram,
// in real Chromium at 1024×768 and 1920×1080.
import { describe, it, expect } from 'vitest';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { generateChildCase } from '../../src/engine/generate';
import { runPath } from '../../src/engine/orchestrate';
import { getProcedureEdges } from '../../src/engine/pathEdges';
import { simulateCohort } from '../../src/engine/simulate';
import { useCohortsPage, screenshot, waitUntilDrawn } from './harness';
import { findOverlappingLabels, mapOutsideFrame, sidewaysOverflow } from './overlap';

const shared = useCohortsPage({ width: 1024, height: 768 });
const set = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
// the view starts with the default set's configuration; choosing a set keeps it
const config = { asOf: DEFAULT_ASSUMPTION_SET.calibratedFor.asOf, practice: DEFAULT_ASSUMPTION_SET.calibratedFor.practice, reforms: [] };


async function runCohort() {
  await shared.page.getByTestId('cohort-set').selectOption('exploited-children');
  await shared.page.getByTestId('cohort-size').selectOption('1000');
  await shared.page.getByTestId('cohort-run').click();
  await shared.page.getByTestId('dfg-map').waitFor({ timeout: 120_000 });
  await waitUntilDrawn(shared.page, 120_000);
}

describe('map on the procedure', () => {
  it('draws every transition as thick as the children who took it, the same counts as the engine in Node', async () => {
    await runCohort();
    const drawn = await shared.page.$$eval('[data-edge-route]', (paths) =>
      paths.map((p) => ({ id: p.getAttribute('data-edge-route')!, children: Number(p.getAttribute('data-children')), width: Number(p.getAttribute('stroke-width')), none: p.classList.contains('none') })),
    );
    const node = simulateCohort({ set, config, seed: 1, cohort: 1000 });
    expect(Object.fromEntries(drawn.map((d) => [d.id, d.children]))).toEqual(Object.fromEntries(node.transitions.edges.map((e) => [e.id, e.children])));
    const taken = drawn.filter((d) => d.children > 0);
    expect(taken.length).toBeGreaterThan(10);
    // thicker for more children, faint (dashed class) for none
    const busiest = taken.reduce((a, b) => (b.children > a.children ? b : a));
    const quietest = taken.reduce((a, b) => (b.children < a.children ? b : a));
    expect(busiest.width).toBeGreaterThan(quietest.width * 2);
    expect(drawn.filter((d) => d.children === 0).every((d) => d.none)).toBe(true);
    expect(drawn.some((d) => d.children === 0)).toBe(true);
    expect(await findOverlappingLabels(shared.page, '[data-testid="dfg-map"]')).toEqual([]);
    expect(await sidewaysOverflow(shared.page)).toBeLessThanOrEqual(0);
    await shared.page.getByTestId('dfg').screenshot({ path: 'tests/e2e/screenshots/dfg-1024.png' });
    expect(shared.app.errors).toEqual([]);
  });

  it('opens fitted to its frame, the whole map in view; "Zoom to" a region enlarges it; "Fit all" goes back', async () => {
    const namePx = () =>
      shared.page.$eval('[data-testid="dfg-map"] .state .label', (t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a);
    expect(await mapOutsideFrame(shared.page)).toEqual([]);
    await shared.page.getByTestId('dfg').screenshot({ path: 'tests/e2e/screenshots/dfg-1024-start.png' });
    const fitted = await namePx();
    await shared.page.getByTestId('dfg-zoom').selectOption('procedure.pathway.victimTrack');
    expect(await namePx()).toBeGreaterThan(fitted * 1.5);
    expect(await mapOutsideFrame(shared.page)).not.toEqual([]);
    await shared.page.getByTestId('dfg-fit-all').click();
    expect(await mapOutsideFrame(shared.page)).toEqual([]);
  });

  it('is one tab stop; the arrow keys walk the transitions and show their count', async () => {
    expect(await shared.page.locator('[data-testid="dfg-map"] [data-edge-id][tabindex="0"]').count()).toBe(1);
    await shared.page.locator('[data-testid="dfg-map"] [data-edge-id][tabindex="0"]').focus();
    const first = await shared.page.evaluate(() => document.activeElement?.getAttribute('data-edge-id'));
    await shared.page.keyboard.press('ArrowRight');
    const second = await shared.page.evaluate(() => document.activeElement?.getAttribute('data-edge-id'));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(await shared.page.locator('[data-testid="dfg-map"] [data-edge-id][tabindex="0"]').getAttribute('data-edge-id')).toBe(second);
    await expect(shared.page.getByTestId('dfg-tip').textContent()).resolves.toMatch(/%/);
    await expect(shared.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/children \(/);
    await shared.page.keyboard.press('Enter');
    await expect(shared.page.getByTestId('dfg-picked').textContent()).resolves.toMatch(/→/);
  });

  it('lists example children of a clicked transition; one opens in the step view, and that child took it', async () => {
    const edges = getProcedureEdges();
    const node = simulateCohort({ set, config, seed: 1, cohort: 1000 });
    // a transition some but not most children took
    const edge = node.transitions.edges.filter((e) => e.children > 20 && e.children < 500).sort((a, b) => b.children - a.children)[0];
    await shared.page.locator(`[data-testid="dfg-map"] [data-edge-id="${edge.id}"]`).dispatchEvent('click');
    await expect(shared.page.getByTestId('dfg-picked').textContent()).resolves.toContain(`${edge.children.toLocaleString('en-GB')} children`);
    const example = shared.page.getByTestId('dfg-example').first();
    const child = Number((await example.textContent())!.match(/#(\d+)/)![1]);
    expect(edge.examples).toContain(child);
    const took = runPath(generateChildCase(set, config, 1, child)).edges!.map((i) => edges[i].id);
    expect(took).toContain(edge.id);
    await example.click();
    await expect.poll(() => shared.page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(shared.page.locator('#field-title').inputValue()).resolves.toMatch(new RegExp(`child #${child}$`));
    expect(shared.app.errors).toEqual([]);
  });

  it('reads at 1920×1080 too', async () => {
    await shared.page.setViewportSize({ width: 1920, height: 1080 });
    await shared.page.locator('#tab-cohorts').click();
    await shared.page.getByTestId('dfg-map').waitFor({ timeout: 60_000 });
    expect(await findOverlappingLabels(shared.page, '[data-testid="dfg-map"]')).toEqual([]);
    await shared.page.getByTestId('dfg').screenshot({ path: 'tests/e2e/screenshots/dfg-1920.png' });
    // zoomed to a region, the counts and the states' names are read at their size
    await shared.page.getByTestId('dfg-zoom').selectOption('procedure.pathway.victimTrack');
    expect(await findOverlappingLabels(shared.page, '[data-testid="dfg-map"]')).toEqual([]);
    await shared.page.getByTestId('dfg-map').screenshot({ path: 'tests/e2e/screenshots/dfg-1920-victim-track.png' });
    await shared.page.getByTestId('dfg-zoom').selectOption('');
    await shared.page.setViewportSize({ width: 1024, height: 768 });
  });
});

describe('nearest protected path on the diagram', () => {
  it('draws the changed case as a second path, each change named with its rule, and takes it away again', async () => {
    await shared.page.locator('#tab-cohorts').click();
    const cell = shared.page.locator('[data-testid="outcome-cell"][data-outcome="notIdentified"][data-config="0"] button');
    await cell.waitFor({ timeout: 60_000 });
    await cell.click();
    await expect.poll(() => shared.page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    expect(await shared.page.getByTestId('diagram-compare').count()).toBe(0);
    await shared.page.getByTestId('whynot-search').click();
    const draw = shared.page.getByTestId('whynot-draw');
    await draw.click();
    await expect(draw.getAttribute('aria-pressed')).resolves.toBe('true');
    const overlay = shared.page.getByTestId('diagram-compare');
    await overlay.waitFor();
    expect(await overlay.locator('[data-compare="b"]').count()).toBeGreaterThan(0);
    const parting = (await shared.page.getByTestId('diagram-parting').locator('text').allTextContents()).join(' ');
    expect(parting).toMatch(/nearest protected path/);
    expect(parting).toMatch(/indicators of trafficking are recognised/);
    await expect(shared.page.locator('[data-diagram]').textContent()).resolves.toMatch(/B: the nearest protected path/);
    await shared.page.locator('#diagram').screenshot({ path: 'tests/e2e/screenshots/dfg-whynot-1024.png' });
    await shared.page.setViewportSize({ width: 1920, height: 1080 });
    await shared.page.locator('#diagram').screenshot({ path: 'tests/e2e/screenshots/dfg-whynot-1920.png' });
    await shared.page.setViewportSize({ width: 1024, height: 768 });
    await draw.click();
    await expect.poll(() => shared.page.getByTestId('diagram-compare').count()).toBe(0);
    await screenshot(shared.page, 'dfg-whynot-page');
    expect(shared.app.errors).toEqual([]);
  });
});
