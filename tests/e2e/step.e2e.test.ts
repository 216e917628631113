// The step-through app in real Chromium: keyboard walk, reload, share links, bad links and files, languages,
// privacy (no request leaves the page) and accessibility (axe) on each main view.
import { readFileSync } from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, openApp, screenshot, baseUrl, type AppPage } from './harness';
import { findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';
import { compressToEncodedURIComponent } from 'lz-string';
import { SHARE_PREFIX } from '../../src/share/link';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const catalogue = (locale: string) => JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const position = (page: Page) => page.getByTestId('position').textContent();

/** Press Tab until the element matching `selector` has focus (keyboard only). */
async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

/** Load a built-in scenario with the keyboard: focus the picker, pick by arrow keys, activate Load. */
async function loadScenarioByKeyboard(page: Page, id: string): Promise<void> {
  await tabTo(page, '[data-testid="scenario"]');
  for (let i = 0; i < 30 && (await page.getByTestId('scenario').inputValue()) !== id; i++) await page.keyboard.press('ArrowDown');
  expect(await page.getByTestId('scenario').inputValue()).toBe(id);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

async function seriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function close(app: AppPage) {
  expect(app.foreignRequests, 'requests to anything but the local server').toEqual([]);
  expect(app.errors, 'page errors').toEqual([]);
  await app.context.close();
}

describe('step-through in Chromium', () => {
  it('walks a scenario by keyboard to its outcome, highlights the path, and survives a reload', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const scenario = findScenario('ties_resumed')!;
    const run = stepCase(scenario.case);
    await loadScenarioByKeyboard(page, scenario.id);
    expect(await position(page)).toBe(`Step 1 of ${run.steps.length}`);

    await tabTo(page, '[data-testid="next"]');
    for (let i = 1; i < run.steps.length; i++) await page.keyboard.press('Enter');
    expect(await position(page)).toBe(`Step ${run.steps.length} of ${run.steps.length}`);
    await expect(page.getByTestId('outcome').textContent()).resolves.toContain('Must leave the territory');

    // The diagram marks exactly the engine's final states as current, and has visited states highlighted.
    const current = await page.locator('[data-diagram] g.state.current').evaluateAll((els) => els.map((e) => e.getAttribute('data-state-id')));
    const finalStates = run.steps.at(-1)!.activeStateIds;
    for (const id of finalStates) expect(current).toContain(id);
    expect(await page.locator('[data-diagram] g.state.visited').count()).toBeGreaterThan(finalStates.length);
    // The step history lists every step up to here; shortcuts go back and forward.
    await expect(page.getByTestId('history').locator('li').count()).resolves.toBe(run.steps.length);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowLeft');
    expect(await position(page)).toBe(`Step ${run.steps.length - 1} of ${run.steps.length}`);
    await page.keyboard.press(' ');
    expect(await position(page)).toBe(`Step ${run.steps.length} of ${run.steps.length}`);
    await screenshot(page, 'step-outcome');

    await page.reload();
    await page.waitForSelector('[data-testid="step-card"]');
    expect(await position(page)).toBe(`Step ${run.steps.length} of ${run.steps.length}`);
    expect(await page.getByTestId('scenario').inputValue()).toBe(scenario.id);
    await expect(page.getByTestId('outcome').textContent()).resolves.toContain('Must leave the territory');
    await close(app);
  });

  it('round-trips a share link into a fresh browser, and refuses a broken one without losing the case', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByTestId('scenario').selectOption('cannabis_boy_2020');
    await page.getByTestId('load-scenario').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-url').inputValue();
    expect(link).toMatch(/#share=/);

    const other = await openApp(browser, { path: new URL(link).hash });
    expect(await position(other.page)).toBe(await position(page));
    await expect(other.page.locator('#field-title').inputValue()).resolves.toBe('Vietnamese boy, 16, cannabis farm (2020)');
    await expect(other.page.getByTestId('notice').textContent()).resolves.toContain('share link');
    await close(other);

    const before = await position(page);
    await page.goto(`${baseUrl()}#share=N4Ig-this-is-not-a-case`);
    await page.waitForSelector('[data-testid="notice"]');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('broken');
    expect(await position(page)).toBe(before);
    await expect(page.locator('#field-title').inputValue()).resolves.toBe('Vietnamese boy, 16, cannabis farm (2020)');
    // The broken link stays in the address bar, to be copied and reported.
    expect(page.url()).toContain('#share=N4Ig-this-is-not-a-case');
    await screenshot(page, 'broken-link');
    // An address the app does not know opens the step view and says which part it did not know.
    await page.goto(`${baseUrl()}#/zzz-garbage!!`);
    await page.reload();
    await page.waitForSelector('[data-testid="notice"]');
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('#/zzz-garbage!!');
    expect(await position(page)).toBe(before);
    await close(app);
  });

  it('opens a link whose step is past the end at the last step, says so, and Undo brings back the case it replaced', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const mine = await page.locator('#field-title').inputValue();
    const shared = findScenario('cannabis_boy_2020')!.case;
    const total = stepCase(shared).steps.length;
    await page.goto(`${baseUrl()}${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify({ v: 1, case: shared, step: 999 }))}`);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain(`The link asks for step 1000, but this case has ${total} steps: it opens at the last one.`);
    expect(await position(page)).toBe(`Step ${total} of ${total}`);
    await screenshot(page, 'share-step-past-end');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#field-title').inputValue()).toBe(mine);
    expect(app.errors).toEqual([]);
    await close(app);
  });

  it('refuses a malformed case file, listing the bad fields, and keeps the current case', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const before = await page.locator('#field-title').inputValue();
    const bad = { format: 'pathway-case/1', date: '1980-05-01', person: { declaredAge: -2, nationality: 'ZZ' }, detection: { place: 'territory', region: 'brussels', exploitation: 'sexual', indicatorsRecognised: true } };
    await page.getByTestId('upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const notice = page.getByRole('alert').first();
    await expect.poll(() => notice.textContent()).toContain('bad.json');
    for (const field of ['date', 'person.declaredAge', 'person.nationality']) await expect(notice.textContent()).resolves.toContain(field);
    // Each field as the builder labels it, the path in brackets for experts.
    for (const field of ['Date of detection [date]', 'Declared age (years) [person.declaredAge]', 'Nationality [person.nationality]'])
      await expect(notice.textContent()).resolves.toContain(field);
    expect(await page.locator('#field-title').inputValue()).toBe(before);

    await page.getByTestId('upload').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('broken.json');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('JSON');
    // No fields to fix in a file that is not JSON: it is named as no case file.
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('it is not a case file');
    await expect(page.getByRole('alert').first().textContent()).resolves.not.toContain('Fields to fix');
    expect(await page.locator('#field-title').inputValue()).toBe(before);
    await screenshot(page, 'bad-file');
    await close(app);
  });

  it('shows field errors next to the field while editing', async () => {
    const app = await openApp(browser);
    const { page } = app;
    // An unknown country is taken as typed when the user leaves the field, and flagged there.
    await page.locator('#field-person-nationality').fill('QQ');
    await page.locator('#field-person-nationality').press('Tab');
    await expect(page.getByTestId('error-person.nationality').textContent()).resolves.toContain('QQ');
    await expect(page.locator('#field-person-nationality').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('#field-cooperation-statementDay').fill('-4');
    await expect(page.getByTestId('error-cooperation.statementDay').textContent()).resolves.toContain('before detection');
    await screenshot(page, 'builder-errors');
    await page.locator('#field-person-nationality').fill('Nigeria');
    await expect(page.getByTestId('error-person.nationality').count()).resolves.toBe(0);
    await close(app);
  });

  it('switches language, keeps <html lang> in sync and remembers the choice', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByTestId('language').selectOption('fr');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.getByRole('tab').first().textContent()).resolves.toContain('Pas à pas');
    // the scenario as shipped is titled in the UI language, as the picker names it (and downloads carry it)
    await expect(page.locator('#field-title').inputValue()).resolves.toBe(catalogue('fr').scenario_nigerian_girl_2016_title);
    await page.getByTestId('language').selectOption('nl');
    await expect(page.getByTestId('next').textContent()).resolves.toContain('Volgende');
    await page.reload();
    await page.waitForSelector('[data-testid="step-card"]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('#field-title').inputValue()).resolves.toBe(catalogue('nl').scenario_nigerian_girl_2016_title);
    await expect(page.getByTestId('scenario').inputValue()).resolves.toBe('nigerian_girl_2016');
    // a title the user typed is theirs: it stays as typed in every language
    await page.locator('#field-title').fill('Mijn casus');
    await page.getByTestId('language').selectOption('de');
    await expect(page.locator('#field-title').inputValue()).resolves.toBe('Mijn casus');
    await screenshot(page, 'german');
    await close(app);
  });

  it('opens a case handed over by the cohort view in step mode, and keeps each tab’s work when switching', async () => {
    const app = await openApp(browser, { path: '#/cohorts' });
    const { page } = app;
    // A small cohort, then the example child of its age-assessment bar (a walk of several steps).
    await page.getByTestId('cohort-size').selectOption('1000');
    await page.getByTestId('cohort-run').click();
    await page.locator('[data-testid="funnel-bar"][data-milestone="ageAssessment"]').first().click({ timeout: 80_000 });
    await expect.poll(() => page.locator('#tab-step').getAttribute('aria-selected')).toBe('true');
    await expect(page.locator('#field-title').inputValue()).resolves.toMatch(/, seed 1, child #\d+$/);
    await page.getByTestId('next').click();
    const at = await position(page);
    await page.locator('#tab-cohorts').click();
    await page.locator('#tab-step').click();
    expect(await position(page)).toBe(at);
    // the notice about the opening carries its Undo, back to the case the step view had
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('opened from the cohorts');
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#field-title').inputValue()).toBe(findScenario('nigerian_girl_2016')!.case.title);
    await close(app);
  });

  it('has no serious or critical axe violations on each main view', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const problems: string[] = [];
    problems.push(...(await seriousViolations(page, 'step')));
    await page.getByRole('button', { name: 'Help' }).click();
    problems.push(...(await seriousViolations(page, 'help')));
    await screenshot(page, 'help');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Glossary' }).click();
    problems.push(...(await seriousViolations(page, 'glossary')));
    await page.keyboard.press('Escape');
    await page.getByTestId('presenter').click();
    // Right after pressing the presenter button, the arrow keys and Space already step (presenter's first
    // move): focus has left the button, so Space does not switch presenter mode off again.
    await page.keyboard.press('ArrowRight');
    expect(await position(page)).toMatch(/^Step 2 of/);
    await page.keyboard.press('Space');
    expect(await position(page)).toMatch(/^Step 3 of/);
    await expect(page.getByTestId('presenter').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('aside.note').textContent()).resolves.toContain('Trainer note');
    problems.push(...(await seriousViolations(page, 'presenter')));
    await screenshot(page, 'presenter');
    await page.getByTestId('presenter').click();
    await page.getByRole('tab', { name: 'Cohorts' }).click();
    await page.waitForTimeout(500);
    problems.push(...(await seriousViolations(page, 'cohorts')));
    await screenshot(page, 'cohorts');
    expect(problems).toEqual([]);
    await close(app);
    // Five axe runs over the whole page (the statechart is large): ~28 s each on a loaded 2-core machine.
  }, 300_000);
});

describe('the step card’s tags', () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
    for (const presenter of [false, true]) {
      it(`stay whole on one line inside their milestone at ${viewport.width}×${viewport.height}${presenter ? ' in presenter mode' : ''}`, async () => {
        const app = await openApp(browser, { viewport });
        const { page } = app;
        if (presenter) await page.getByTestId('presenter').click();
        const total = stepCase(findScenario('nigerian_girl_2016')!.case).steps.length;
        let seen = 0;
        for (let step = 1; step <= total; step++) {
          await expect.poll(() => position(page)).toContain(`Step ${step} of ${total}`);
          // each tag ("test's estimate: 16.5", "valid 3 months"): one line box, within its milestone's content box
          const broken = await page.$$eval('[data-testid="step-card"] .attribute', (chips) =>
            chips
              .filter((chip) => {
                const item = chip.closest('li')!;
                const box = item.getBoundingClientRect();
                const right = box.right - parseFloat(getComputedStyle(item).paddingRight);
                const rect = chip.getBoundingClientRect();
                const lineHeight = parseFloat(getComputedStyle(chip).lineHeight);
                return chip.getClientRects().length !== 1 || rect.height >= 1.5 * lineHeight || rect.right > right + 0.5 || rect.left < box.left;
              })
              .map((chip) => chip.textContent),
          );
          expect(broken, `tags broken or clipped at step ${step}`).toEqual([]);
          seen += await page.locator('[data-testid="step-card"] .attribute').count();
          if (step < total) await page.getByTestId('next').click();
        }
        expect(seen).toBeGreaterThan(3);
        await app.context.close();
      });
    }
  }
});

describe('replacing a case never loses it', () => {
  const viewport = { width: 1024, height: 768 };
  /** what the user sees at 1024×768 (the window, not the whole page) */
  const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`screenshots/${name}.png`, import.meta.url).pathname });
  const title = (page: Page) => page.locator('#field-title').inputValue();
  const load = async (page: Page, id: string) => {
    await page.getByTestId('scenario').selectOption(id);
    await page.getByTestId('load-scenario').click();
  };

  it('offers Undo when Load replaces an edited case, and Undo brings the edits back', async () => {
    const app = await openApp(browser, { viewport });
    const { page } = app;
    await page.locator('#field-title').fill('My own case');
    await page.locator('#field-cooperation-statementDay').fill('33');
    await page.locator('#field-cooperation-statementDay').press('Tab');
    await load(page, 'syrian_girl_no_exploitation');
    await expect.poll(() => title(page)).toContain('Syrian girl');
    await shot(page, 'load-over-edited');
    const notice = page.getByTestId('notice');
    await expect(notice.textContent()).resolves.toContain('It replaced “My own case”');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => title(page)).toBe('My own case');
    await expect(page.locator('#field-cooperation-statementDay').inputValue()).resolves.toBe('33');
    // a scenario as shipped can be loaded again from the picker: replacing it asks for no Undo
    await load(page, 'afghan_boy_asylum');
    await load(page, 'syrian_girl_no_exploitation');
    await expect.poll(() => page.getByTestId('notice').count()).toBe(0);
    await close(app);
  });

  it('says once that a file replaced an edited case, with the Undo on that notice; a later notice does not take it', async () => {
    const app = await openApp(browser, { viewport });
    const { page } = app;
    await page.locator('#field-title').fill('My own case');
    const file = findScenario('cannabis_boy_2020')!.case;
    await page.getByTestId('upload').setInputFiles({ name: 'boy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => title(page)).toBe(file.title);
    await expect(page.getByTestId('notice').count()).resolves.toBe(1);
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(/boy\.json.*It replaced “My own case”/);
    // a later notice is its own: the Undo stays on a notice of its own, not on "Share link copied"
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('share').click();
    const notices = () => page.getByTestId('notice').allTextContents();
    await expect.poll(notices).toHaveLength(2);
    const [copied, replaced] = await notices();
    expect(copied).toContain('Share link copied');
    expect(copied).not.toContain('It replaced');
    expect(replaced).toContain('It replaced “My own case”');
    await close(app);
  });

  it('drops the share-link notice once another scenario is loaded, and its Undo never throws away new typing', async () => {
    const app = await openApp(browser, { viewport });
    const { page } = app;
    const shared = findScenario('cannabis_boy_2020')!.case;
    await page.goto(`${baseUrl()}${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify({ v: 1, case: shared, step: 0 }))}`);
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('share link');
    await load(page, 'syrian_girl_no_exploitation');
    await expect.poll(() => title(page)).toContain('Syrian girl');
    await shot(page, 'after-share-then-load');
    // the notice on show speaks of what the last Load replaced, not of the link
    await expect(page.getByTestId('notice').textContent()).resolves.not.toContain('share link');
    await expect(page.getByTestId('notice').textContent()).resolves.toContain(`It replaced “${shared.title}”`);
    await page.locator('#field-title').fill('Typed after loading');
    await page.locator('#field-title').press('Tab');
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => title(page)).toBe(shared.title);
    await shot(page, 'undo-after-other-scenario');
    // what was typed is one Undo away, and the focus stays on Undo (the same notice box, its text swapped)
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('It replaced “Typed after loading”');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => title(page)).toBe('Typed after loading');
    await close(app);
  });
});

describe('a step where only time passes', () => {
  it('names what ran out, what it leaves and what comes next, instead of "No milestone"', async () => {
    const noStatement = { ...findScenario('nigerian_girl_2016')!.case, cooperation: { statementDay: null } };
    const run = stepCase(noStatement);
    const at = run.steps.findIndex((s) => s.day === 101);
    expect(run.steps[at]!.milestones).toEqual([]);
    const app = await openApp(browser, {
      viewport: { width: 1024, height: 768 },
      path: `${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify({ v: 1, case: noStatement, step: at }))}`,
    });
    const { page } = app;
    await expect.poll(() => position(page)).toBe(`Step ${at + 1} of ${run.steps.length}`);
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    const card = page.getByTestId('step-card');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('screenshots/no-statement-doc-runs-out.png', import.meta.url).pathname });
    const text = (await card.textContent()) ?? '';
    expect(text).not.toContain('No milestone at this step');
    expect(text).toContain("The minor's residence document ran out (3 months)");
    // what it leaves: the state entered, with its modelling note, and what the child still has
    expect(text).toContain('The victim-of-trafficking residence has ended');
    expect(text).toContain('the child keeps general minor protection');
    expect(text).toContain('Application for international protection');
    // and what comes next on the clock
    expect(text).toContain('day 730');
    await expect(page.getByTestId('decisions').textContent()).resolves.toContain('ran out by itself');
    await close(app);
  });
});
