// The width text takes in the UI font, from a canvas: asking the drawn SVG text (getComputedTextLength) forces a
// layout of the whole page, 40–230 ms each time a cohort's results arrive. Undefined where no canvas measures
// (jsdom in tests): callers then estimate.
let context: OffscreenCanvasRenderingContext2D | null | undefined;
let family: string | undefined;

/** The widest of `lines` at `fontSize` px in the page's font, in px (the SVG's user units at that font size). */
export function measureTextWidth(lines: readonly string[], fontSize: number): number | undefined {
  if (context === undefined) context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!context || typeof document === 'undefined') return undefined;
  // The font stack of app.css, read once: it does not change while the page lives.
  family ??= getComputedStyle(document.body).fontFamily || 'sans-serif';
  context.font = `${fontSize}px ${family}`;
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, context.measureText(line).width);
  return widest;
}
