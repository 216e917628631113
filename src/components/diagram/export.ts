// Export the diagram as a standalone SVG (styles inlined, since the component's CSS stays behind) or a PNG.
// Everything happens in the page: no request leaves the browser.

/** The presentation properties the diagram's stylesheet sets. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
  'display',
] as const;

const TITLE_LINE = 16;
/** The exported box: the viewBox, grown at the top by the title lines. */
function exportBox(svg: SVGSVGElement, title: readonly string[]) {
  const [x, y, width, height] = (svg.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
  const extra = title.length ? title.length * TITLE_LINE + 8 : 0;
  return { x, y: y - extra, width, height: height + extra };
}

/**
 * A copy of the SVG with computed styles written into `style` attributes and the zoom reset; `title` lines
 * (the chart's context) are written above it, so the file says what it shows.
 */
export function toStandaloneSvg(svg: SVGSVGElement, title: readonly string[] = []): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  const view = svg.ownerDocument.defaultView;
  sources.forEach((source, i) => {
    if (!view) return;
    const computed = view.getComputedStyle(source);
    const inline = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    const target = targets[i] as Element;
    if (inline) target.setAttribute('style', inline);
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  copy.querySelector(':scope > g')?.removeAttribute('transform');
  const box = exportBox(svg, title);
  const ns = 'http://www.w3.org/2000/svg';
  title.forEach((line, i) => {
    const text = svg.ownerDocument.createElementNS(ns, 'text');
    text.setAttribute('x', String(box.x + 4));
    text.setAttribute('y', String(box.y + (i + 1) * TITLE_LINE));
    text.setAttribute('data-export-title', '');
    text.setAttribute('style', `font-family:sans-serif;font-size:${i ? 11 : 13}px;font-weight:${i ? 400 : 700};fill:#111`);
    text.textContent = line;
    copy.insertBefore(text, copy.firstChild);
  });
  if (title.length) copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.background = '#ffffff';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function exportSvg(svg: SVGSVGElement, filename: string, title: readonly string[] = []): void {
  download(new Blob([toStandaloneSvg(svg, title)], { type: 'image/svg+xml' }), filename);
}

/** Rasterise the standalone SVG on a canvas (scale 2 keeps text crisp on a projector). */
export async function toPngBlob(svg: SVGSVGElement, scale = 2, title: readonly string[] = []): Promise<Blob> {
  const text = toStandaloneSvg(svg, title);
  const { width, height } = exportBox(svg, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    // browsers cap canvas size; stay under 16k px a side
    const k = Math.min(scale, 16000 / Math.max(width, height));
    canvas.width = Math.round(width * k);
    canvas.height = Math.round(height * k);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2D context unavailable');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(svg: SVGSVGElement, filename: string, title: readonly string[] = []): Promise<void> {
  download(await toPngBlob(svg, 2, title), filename);
}
