// The map on the procedure opens fitted to its frame, the whole procedure in view: at 1024×768 and 1600 wide, for
// each configuration shown, and in another language; a view the user zoomed stays when the configuration changes.
import { describe, it, expect } from 'vitest';
import { useCohortsPage, waitUntilDrawn } from './harness';
import { mapOutsideFrame } from './overlap';

const shared = useCohortsPage({ width: 1024, height: 768 });

async function run(preset: string) {
  await shared.page.getByTestId('cohort-size').selectOption('1000');
  await shared.page.getByRole('button', { name: preset }).click();
  await shared.page.getByTestId('cohort-run').click();
  await shared.page.getByTestId('dfg-map').waitFor({ timeout: 120_000 });
  await waitUntilDrawn(shared.page, 120_000);
}

describe('the map on the procedure opens whole', () => {
  it('at 1024×768 and 1600 wide, for A and for B', async () => {
    const { page } = shared;
    await run('As written / as reported');
    const map = page.getByTestId('dfg');
    await map.scrollIntoViewIfNeeded();
    expect(await mapOutsideFrame(page), 'A, 1024').toEqual([]);
    await map.getByTestId('dfg-config').nth(1).click();
    expect(await mapOutsideFrame(page), 'B, 1024').toEqual([]);
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.waitForTimeout(300);
    expect(await mapOutsideFrame(page), 'B, 1600').toEqual([]);
    await map.screenshot({ path: 'tests/e2e/screenshots/dfg-fit-1600.png' });
    await map.getByTestId('dfg-config').nth(0).click();
    expect(await mapOutsideFrame(page), 'A, 1600').toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('keeps a view the user zoomed when the configuration changes', async () => {
    const map = shared.page.getByTestId('dfg');
    await map.getByRole('button', { name: 'Zoom in' }).click();
    await map.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await mapOutsideFrame(shared.page);
    expect(zoomed).not.toEqual([]);
    await map.getByTestId('dfg-config').nth(1).click();
    expect(await mapOutsideFrame(shared.page)).toEqual(zoomed);
  });

  it('in French, after a run in that language', async () => {
    const { page } = shared;
    await page.getByTestId('language').selectOption('fr');
    await page.getByTestId('cohort-run').waitFor();
    await run('Selon les textes / selon les rapports');
    const map = page.getByTestId('dfg');
    await map.scrollIntoViewIfNeeded();
    expect(await mapOutsideFrame(page), 'fr, A').toEqual([]);
    await map.getByTestId('dfg-config').nth(1).click();
    expect(await mapOutsideFrame(page), 'fr, B').toEqual([]);
    await map.screenshot({ path: 'tests/e2e/screenshots/dfg-fit-1024-fr.png' });
    expect(shared.app.errors).toEqual([]);
  });
});
