// The trainer's walk in real Chromium: "What would you do?" stops that hide the answer until the room picks and
// then reveal the basis, the debrief (print and download), nothing lost on reload or when the cohorts open a
// child, a French page without English, and each step spoken by the live region.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchBrowser, openApp, screenshot, type AppPage } from './harness';
import { findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function close(app: AppPage) {
  expect(app.foreignRequests, 'requests to anything but the local server').toEqual([]);
  expect(app.errors, 'page errors').toEqual([]);
  await app.context.close();
}
const position = (page: Page) => page.getByTestId('position').textContent();

async function loadScenario(page: Page, id: string) {
  await page.getByTestId('scenario').selectOption(id);
  await page.getByTestId('load-scenario').click();
}

/** Visible words outside citations, proper names and the statechart (whose labels come from the catalogue issue). */
async function englishOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const english = /\b(the|and|with|is|of|after|not|from|yet|which|when|this|that|by|for|until|was|has|have|none|step|days?|case|child|age|legal|basis|next|back|play|speed)\b/i;
    const kept = (el: Element) => el.closest('[lang="en"], [translate="no"], [hidden], [data-diagram], script, style, option:not(:checked)');
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (text && n.parentElement && !kept(n.parentElement) && english.test(text)) found.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('[data-diagram], [hidden]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        if (name === 'title' && el.hasAttribute('data-source-id')) continue; // the raw citation, kept as written
        const value = el.getAttribute(name);
        if (value && english.test(value)) found.push(`${name}="${value}"`);
      }
    }
    return [...new Set(found)];
  });
}

describe('trainer quiz in Chromium', () => {
  it('hides the answer until the room picks, stops autoplay at each stop, reveals the basis, and debriefs', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    const { page } = app;
    await loadScenario(page, 'pickpocket_not_identified');
    await page.getByTestId('quiz-toggle').click();
    await expect(page.getByTestId('quiz-toggle').getAttribute('aria-pressed')).resolves.toBe('true');

    // The stop: the question, the options, nothing about where they lead; the card and diagram hide the step.
    const decisions = page.getByTestId('decisions');
    await expect(decisions.textContent()).resolves.toContain('recognise the signs of trafficking');
    expect(await decisions.textContent()).not.toContain('→');
    expect(await decisions.textContent()).not.toContain('Not identified');
    await expect(page.getByTestId('quiz-hidden').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('step-card').textContent()).not.toContain('Trafficking signs not recognised at detection');
    expect(await page.locator('[data-diagram] g.state.current').count()).toBe(0);
    await expect(page.getByTestId('next').textContent()).resolves.toContain('Reveal');
    await expect(page.getByTestId('play').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'quiz-stop');

    // The room picks "yes": the reveal names the case's way, the basis of the path, and where "yes" would lead.
    const indicators = page.locator('[data-testid="quiz-stop"][data-decision="indicators"]');
    await indicators.getByRole('button', { name: 'Yes, indicators recognised' }).click();
    for (const other of await page.locator('[data-testid="quiz-stop"]:not([data-decision="indicators"])').all()) {
      const button = other.locator('[data-testid="quiz-option"]').first();
      if (await button.count()) await button.click();
    }
    const reveal = indicators.getByTestId('quiz-reveal');
    await expect(reveal.textContent()).resolves.toContain('In this case: No, indicators missed');
    expect(await reveal.getByTestId('quiz-verdict').textContent()).toContain('the case went otherwise');
    const basis = findScenario('pickpocket_not_identified')!;
    const run = stepCase(basis.case);
    const bases = (await reveal.getByTestId('quiz-basis').allTextContents()).join('\n');
    expect(bases).toContain(run.steps[0].milestones.find((m) => m.id === 'notIdentified')!.basis);
    expect(await reveal.textContent()).toMatch(/Yes, indicators recognised → .+/);
    expect(await page.getByTestId('step-card').textContent()).toContain('Trafficking signs not recognised at detection');
    await screenshot(page, 'quiz-reveal');
    await indicators.screenshot({ path: 'tests/e2e/screenshots/quiz-reveal-panel.png' });

    // Autoplay runs to the end (this child has no later stop) and the debrief appears, printable and downloadable.
    await page.getByTestId('play').click();
    await expect.poll(() => position(page), { timeout: 20_000 }).toBe(`Step ${run.steps.length} of ${run.steps.length}`);
    const debrief = page.getByTestId('debrief');
    await debrief.waitFor();
    await expect(debrief.textContent()).resolves.toContain('Yes, indicators recognised');
    const download = page.waitForEvent('download');
    await page.getByTestId('debrief-markdown').click();
    const markdown = readFileSync((await (await download).path())!, 'utf8');
    expect(markdown).toContain('The room chose: Yes, indicators recognised');
    expect(markdown).toContain('In this case: No, indicators missed (the case went otherwise)');
    // Print: only the debrief is on paper.
    await page.evaluate(() => document.documentElement.classList.add('print-debrief'));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).visibility === 'visible' && el.getClientRects().length && !el.closest('#debrief')).length,
    );
    expect(printed).toBe(0);
    // …and the debrief itself is, at the top of the first page.
    const box = await page.evaluate(() => document.getElementById('debrief')!.getBoundingClientRect().top + scrollY);
    expect(box).toBeLessThan(5);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: 'tests/e2e/screenshots/quiz-debrief-print.png' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.classList.remove('print-debrief'));
    await debrief.screenshot({ path: 'tests/e2e/screenshots/quiz-debrief.png' });

    // Autoplay stops at a later stop in another case.
    await loadScenario(page, 'nigerian_girl_2016');
    await page.getByTestId('next').click(); // reveal step 1 without picks
    await page.getByTestId('play').click();
    await expect.poll(() => page.getByTestId('quiz-hidden').count(), { timeout: 20_000 }).toBe(1);
    await expect(page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('false');
    const stoppedAt = await position(page);
    await page.waitForTimeout(1500);
    expect(await position(page)).toBe(stoppedAt);
    await close(app);
  });
});

describe('nothing lost in Chromium', () => {
  it('a reload while a field is invalid restores the case as typed, the step and the comparison; the picker says "Edited case"', async () => {
    const app = await openApp(browser);
    const { page } = app;
    for (let i = 0; i < 4; i++) await page.getByTestId('next').click();
    await page.locator('input[name="practice"]').nth(1).check();
    await page.getByTestId('comparison').waitFor();
    const nationality = page.getByTestId('nationality');
    await nationality.fill('Guinae');
    await nationality.press('Tab');
    await page.getByTestId('error-person.nationality').waitFor();
    const at = await position(page);
    expect(at).toMatch(/^Step 5 of \d+$/);
    await page.waitForTimeout(400); // autosave
    await page.reload();
    await page.getByTestId('step-card').waitFor();
    expect(await position(page)).toBe(at);
    await expect(page.getByTestId('nationality').inputValue()).resolves.toBe('Guinae');
    await expect(page.getByTestId('error-person.nationality').textContent()).resolves.toContain('Guinae');
    await expect(page.getByTestId('comparison').textContent()).resolves.toMatch(/as reported/i);
    expect(await page.getByTestId('scenario').inputValue()).toBe('edited');
    await expect(page.locator('#scenario option:checked').textContent()).resolves.toBe('Edited case');
    // Typing the country's name picks it (Guinea is GN, not Guam).
    await page.getByTestId('nationality').fill('Guinea');
    await expect.poll(() => page.getByTestId('error-person.nationality').count()).toBe(0);
    await screenshot(page, 'reload-invalid-restored');
    await close(app);
  });

  it('"Blank case" opens blank and quiet; opening a cohort child offers Undo back to the same step', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await loadScenario(page, 'blank');
    expect(await page.locator('.error-text').count()).toBe(0);
    await expect(page.locator('#field-person-declaredAge').inputValue()).resolves.toBe('');
    await expect(page.locator('#field-date').inputValue()).resolves.toBe('');
    await screenshot(page, 'blank-case');

    await loadScenario(page, 'ties_resumed');
    for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
    const before = await position(page);
    await page.locator('#tab-cohorts').click();
    await page.getByTestId('cohort-run').click();
    await page.locator('[data-testid="funnel-bar"][data-milestone="detected"]').first().click({ timeout: 60_000 });
    await expect.poll(() => page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(page.locator('#field-title').inputValue()).resolves.toMatch(/child #\d+$/);
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('replaced');
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('#field-title').inputValue()).resolves.toBe(await page.evaluate(() => document.querySelector<HTMLSelectElement>('#scenario option:checked')!.textContent!));
    expect(await position(page)).toBe(before);
    expect(await page.getByTestId('scenario').inputValue()).toBe('ties_resumed');
    await close(app);
  });
});

describe('languages and screen readers in Chromium', () => {
  it('a French walk shows no English outside citations, proper names and the statechart', async () => {
    const app = await openApp(browser, { locale: 'fr-FR' });
    const { page } = app;
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    for (let i = 0; i < 6; i++) await page.getByTestId('next').click();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(1500); // lazily mounted panels (timeline, age axis)
    expect(await englishOnPage(page)).toEqual([]);
    await page.getByTestId('quiz-toggle').click();
    await page.getByTestId('next').click();
    expect(await englishOnPage(page)).toEqual([]);
    await screenshot(page, 'french-walk');
    await page.locator('#tab-cohorts').click();
    await page.getByTestId('cohort-run').click();
    await page.getByTestId('cohort-outcomes').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    expect(await englishOnPage(page)).toEqual([]);
    await close(app);
  });

  it('speaks each step in a live region, and reaches Next in a few Tab presses', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const region = page.getByTestId('announcement');
    await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
    await page.keyboard.press('Tab'); // skip to content
    await page.keyboard.press('Tab'); // skip to the step controls
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-controls');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('next');
    await page.keyboard.press('Enter');
    await expect.poll(() => region.textContent()).toMatch(/^Step 2 of \d+, day \d+: .+/);
    const run = stepCase(findScenario('nigerian_girl_2016')!.case);
    const english = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, string>;
    expect(run.steps[1].milestones.length).toBeGreaterThan(0);
    for (const milestone of run.steps[1].milestones) expect(await region.textContent()).toContain(english[`milestone_${milestone.id}`]);
    expect(await region.textContent()).not.toMatch(/^Step 2 of \d+$/);
    // The diagram skip link lands on the diagram.
    await page.keyboard.press('Shift+Tab');
    await page.getByTestId('skip-diagram').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('diagram');
    await close(app);
  });

  it('the cohort view after a run keeps charts to one tab stop each', async () => {
    const app = await openApp(browser, { path: '#/cohorts' });
    const { page } = app;
    await page.getByTestId('cohort-run').click();
    await page.getByTestId('cohort-outcomes').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="funnel-bar"]').first().waitFor();
    const stops = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('#tabpanel-cohorts *')].filter(
          (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length && (el.matches('a[href], button, input, select, textarea, summary') || el.hasAttribute('tabindex')),
        ).length,
    );
    // Each chart is one tab stop (bars and edges are reached with arrow keys), so the view's stops are its controls:
    // run settings, panels' own controls (sliders, zoom, configuration letters, sensitivity), exports and tables.
    expect(stops).toBeLessThan(100);
    const chartStops = await page.evaluate(() => ({
      funnel: [...document.querySelectorAll<HTMLElement>('[data-testid="funnel-bar"]')].filter((el) => el.tabIndex >= 0).length,
      map: [...document.querySelectorAll<HTMLElement>('[data-testid="dfg-map"] *')].filter((el) => el.tabIndex >= 0).length,
    }));
    expect(chartStops.funnel).toBe(1);
    expect(chartStops.map).toBeLessThanOrEqual(1);
    // Arrow keys move between the funnel's bars.
    const first = page.locator('[data-testid="funnel-bar"][tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    const from = await first.getAttribute('data-milestone');
    await page.keyboard.press('ArrowDown');
    const now = await page.evaluate(() => document.activeElement?.getAttribute('data-milestone') + '/' + document.activeElement?.getAttribute('data-config'));
    expect(now).not.toBe(`${from}/0`);
    await close(app);
  });
});
