// Overlapping labels, measured in the page: pairs of visible SVG <text> boxes inside `selector` that cross by
// more than `tolerance` px each way, and the page's sideways overflow.
import type { Page } from 'playwright-core';

export async function findOverlappingLabels(page: Page, selector: string, tolerance = 1): Promise<string[]> {
  return page.$$eval(
    `${selector} text`,
    (texts, tol) => {
      const boxes = texts
        .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
        .filter((b) => b.text && b.r.width > 0 && b.r.height > 0);
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx > tol && dy > tol) found.push(`"${boxes[i].text}" × "${boxes[j].text}"`);
        }
      return found;
    },
    tolerance,
  );
}

export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The innermost elements sticking out past the right edge of the window (what makes the page scroll sideways),
 * but for those inside a panel that scrolls on its own. */
export async function widerThanPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right <= window.innerWidth + 0.5 || r.width === 0) continue;
      // inside a closed <details> (content-visibility: hidden) the box keeps a stale size from an earlier layout
      if (!el.checkVisibility()) continue;
      if ([...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5)) continue;
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      // inside a panel that scrolls on its own (a wide table) and ends within the window: the page does not move
      let box = el.parentElement;
      while (box && box !== document.body && !/auto|scroll|hidden/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (box && box !== document.body && box.getBoundingClientRect().right <= window.innerWidth + 0.5) continue;
      const id = el.getAttribute('data-testid') ?? el.className?.toString() ?? '';
      out.push(`${el.tagName.toLowerCase()}${id ? `[${id}]` : ''} right=${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

/** How far the procedure map's drawing sticks out of its frame, side by side (empty: the whole map is in view). */
export async function mapOutsideFrame(page: Page, selector = '[data-testid="dfg-map"]'): Promise<string[]> {
  return page.$eval(selector, (svg) => {
    const frame = svg.getBoundingClientRect();
    const drawing = svg.querySelector(':scope > g')!.getBoundingClientRect();
    const out: string[] = [];
    if (drawing.left < frame.left - 1) out.push(`left by ${Math.round(frame.left - drawing.left)} px`);
    if (drawing.right > frame.right + 1) out.push(`right by ${Math.round(drawing.right - frame.right)} px`);
    if (drawing.top < frame.top - 1) out.push(`top by ${Math.round(frame.top - drawing.top)} px`);
    if (drawing.bottom > frame.bottom + 1) out.push(`bottom by ${Math.round(drawing.bottom - frame.bottom)} px`);
    return out;
  });
}
