// The case builder as a frontline worker uses it: an implausible value is kept and warned about beside its
// field; a legal term's pop-over opens beside the term, not over it; the skip link reaches Next at any step.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not drawn');
  return b;
};
type Box = Awaited<ReturnType<typeof box>>;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('case builder warnings', () => {
  it('a declared age of 25 not doubted is kept, runs, and is warned about right below its field', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    // The first scenario's age is doubted (then the assessment decides): that doubt is taken away first.
    await page.getByLabel('An authority doubts the declared age').uncheck();
    const input = page.locator('#field-person-declaredAge');
    await input.fill('25');
    await input.press('Tab');
    const warning = page.getByTestId('warning-person.declaredAge');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/taken as an adult/);
    expect(await input.inputValue()).toBe('25');
    // Not an error: nothing blocks the run, which starts again from step 1 with the adult's path.
    expect(await page.getByTestId('builder-summary').count()).toBe(0);
    expect(await input.getAttribute('aria-invalid')).not.toBe('true');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(await warning.getAttribute('id'));
    // Beside the field: just under the input, in its column, before the next field's label.
    const [i, w, next] = [await box(input), await box(warning), await box(page.locator('label[for="field-person-declaredBirthDate"]'))];
    expect(w.y).toBeGreaterThanOrEqual(i.y + i.height);
    expect(w.y - (i.y + i.height)).toBeLessThan(12);
    expect(Math.abs(w.x - i.x)).toBeLessThan(12);
    expect(w.y + w.height).toBeLessThanOrEqual(next.y);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-warning-adult-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('case builder says what the model takes', () => {
  it('an EEA child’s vulnerability left unstated reads as the yes the model takes, and can be set back to unstated', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    await page.getByTestId('nationality').fill('Romania');
    await page.getByTestId('nationality').press('Tab');
    const choice = page.getByLabel('EEA child in a situation of vulnerability');
    const shown = () => choice.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    expect(await choice.inputValue()).toBe('');
    expect(await shown()).toBe('Not stated: taken as yes');
    expect(await page.locator('#field-detection-vulnerable-hint').textContent()).toMatch(/taken as yes: trafficking indicators were recognised/);
    // The whole option is seen in the box, in every language (a long one was cut at the builder's width).
    const select = page.locator('#field-detection-vulnerable');
    const fits = () =>
      select.evaluate((s: HTMLSelectElement) => {
        const probe = Object.assign(document.createElement('span'), { textContent: s.selectedOptions[0]?.textContent ?? '' });
        const style = getComputedStyle(s);
        Object.assign(probe.style, { font: style.font, whiteSpace: 'pre', position: 'absolute' });
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 24 <= s.clientWidth; // 24 px: the arrow
      });
    for (const locale of ['fr', 'nl', 'de', 'en']) {
      await page.getByTestId('language').selectOption(locale);
      expect(await fits(), locale).toBe(true);
    }
    await choice.selectOption('false');
    expect(await shown()).toBe('No');
    await choice.selectOption('');
    expect(await shown()).toMatch(/taken as yes/);
    await page.getByLabel('The frontline worker recognises trafficking indicators').uncheck();
    expect(await shown()).toMatch(/Not stated: taken as no/);
    await page.getByLabel('The frontline worker recognises trafficking indicators').check();
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-eea-vulnerability-unstated-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('a declared age of 40 with the age doubted is noted: the assessment decides', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    // The first scenario's age is doubted, with an assessment of 16.5–18.5: the path finds a minor.
    expect(await page.getByLabel('An authority doubts the declared age').isChecked()).toBe(true);
    await page.locator('#field-person-declaredAge').fill('40');
    const warning = page.getByTestId('warning-person.declaredAge');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Declared 40 years, an adult, but the age is doubted.*Found a minor/);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-age40-doubted-note-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('case builder messages', () => {
  it('a field’s problem follows a language switch', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    await page.locator('#field-cooperation-statementDay').fill('-7');
    const error = page.getByTestId('error-cooperation.statementDay');
    expect(await error.textContent()).toContain('before detection');
    await page.getByTestId('language').selectOption('de');
    await expect.poll(() => error.textContent()).toContain('vor der Erkennung');
    expect(await page.getByTestId('builder-summary').textContent()).toContain('vor der Erkennung');
    await screenshot(page, 'builder-error-de-after-switch-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('a nationality is found by its common English name; an unknown one is quoted whole', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    const nationality = page.getByTestId('nationality');
    await nationality.fill('Ivory Coast');
    await nationality.press('Tab');
    expect(await nationality.inputValue()).toBe('Côte d’Ivoire');
    expect(await page.getByTestId('error-person.nationality').count()).toBe(0);
    await nationality.fill('Republic of Narnia');
    await nationality.press('Tab');
    expect(await page.getByTestId('error-person.nationality').textContent()).toContain('"Republic of Narnia"');
    await nationality.scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-nationality-unknown-1024');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('a broken share link is said without a raw "(link)" placeholder', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 }, path: '#share=not-a-case' });
    const { page } = app;
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain("The link's data is damaged or incomplete.");
    expect(text).not.toContain('(link)');
    await screenshot(page, 'builder-broken-link-1024');
    await app.context.close();
  });

  it('"Open case file…" is one control for a screen reader, and it still opens a file', async () => {
    const app = await openApp(browser, { viewport: { width: 1024, height: 768 } });
    const { page } = app;
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree.match(/Open case file/g)).toHaveLength(1);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open case file…' }).click()]);
    await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    expect(await page.getByTestId('notice').textContent()).toContain('broken.json was not opened');
    await app.context.close();
  });
});

describe('glossary pop-over', () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }])
    it(`opens beside the term that opened it, inside the window (${viewport.width})`, async () => {
      const app = await openApp(browser, { viewport });
      const { page } = app;
      for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
      const terms = page.locator('#step-card [popovertarget]');
      expect(await terms.count()).toBeGreaterThan(0);
      for (const n of [0, (await terms.count()) - 1]) {
        const term = terms.nth(n);
        await term.scrollIntoViewIfNeeded();
        await term.click();
        const popover = page.locator('[popover]:popover-open');
        await popover.waitFor();
        await expect.poll(() => popover.textContent()).not.toMatch(/…/);
        const [t, p] = [await box(term), await box(popover)];
        expect(overlaps(t, p), JSON.stringify({ t, p })).toBe(false);
        // Close to it (below or above), and wholly in the window.
        expect(Math.min(Math.abs(p.y - (t.y + t.height)), Math.abs(t.y - (p.y + p.height)))).toBeLessThan(12);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(viewport.width);
        expect(p.y + p.height).toBeLessThanOrEqual(viewport.height);
        if (n === 0) await page.screenshot({ path: await screenshot(page, `glossary-popover-${viewport.width}`), fullPage: false });
        await page.keyboard.press('Escape');
        await popover.waitFor({ state: 'hidden' });
      }
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
});

describe('keyboard', () => {
  it('after a reload mid-walk, Tab, Tab, Enter, Tab still lands on Next (README: four key presses)', async () => {
    const app = await openApp(browser);
    const { page } = app;
    for (let i = 0; i < 3; i++) await page.getByTestId('next').click();
    await page.reload();
    await page.waitForSelector('[role="tabpanel"]:not([hidden])');
    expect(await page.getByTestId('position').textContent()).toMatch(/^Step 4 of/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-controls');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('next');
    await app.context.close();
  });
});
