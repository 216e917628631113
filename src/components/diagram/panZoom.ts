// Pan and zoom of an SVG viewport, framework-free (as xyflow keeps d3-zoom in its system package): the
// component attaches it with {@attach} and keeps the transform it reports in plain state. d3-zoom owns
// the DOM listeners; the layout never moves, only the transform of one group.
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';

export interface Transform {
  k: number;
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const IDENTITY: Transform = { k: 1, x: 0, y: 0 };

export interface PanZoomOptions {
  onchange: (transform: Transform) => void;
  scaleExtent?: [number, number];
}

export interface PanZoom {
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** animate-free jump to a transform (tests and follow mode need it at once) */
  set(transform: Transform): void;
  reset(): void;
  destroy(): void;
}

export function createPanZoom(svg: SVGSVGElement, options: PanZoomOptions): PanZoom {
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent(options.scaleExtent ?? [0.5, 8])
    // the wheel zooms only with Ctrl/⌘ so the page still scrolls past the diagram
    .filter((event: Event) =>
      event.type === 'wheel'
        ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey
        : !(event as MouseEvent).button,
    )
    .on('zoom', (event: { transform: Transform }) => {
      const { k, x, y } = event.transform;
      options.onchange({ k, x, y });
    });
  const selection: Selection<SVGSVGElement, unknown, null, undefined> = select(svg);
  selection.call(behaviour);
  return {
    zoomBy: (factor) => behaviour.scaleBy(selection, factor),
    panBy: (dx, dy) => behaviour.translateBy(selection, dx, dy),
    set: ({ k, x, y }) => behaviour.transform(selection, zoomIdentity.translate(x, y).scale(k)),
    reset: () => behaviour.transform(selection, zoomIdentity),
    destroy: () => {
      selection.on('.zoom', null);
    },
  };
}

/**
 * The part of the layout a viewport shows at zoom 1, for a viewBox of the layout's size drawn with
 * preserveAspectRatio "xMidYMin meet" into a viewport of `viewport` CSS pixels.
 */
export function getVisibleBox(layout: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  if (viewport.width === 0 || viewport.height === 0) return { x: 0, y: 0, width: layout.width, height: layout.height };
  const s = Math.min(viewport.width / layout.width, viewport.height / layout.height);
  const width = viewport.width / s;
  return { x: (layout.width - width) / 2, y: 0, width, height: viewport.height / s };
}

/**
 * Fit a region's width into the view, top aligned (the whole chart is too small to read on a projector);
 * tall regions continue below.
 */
export function getRegionTransform(box: Box, view: Box): Transform {
  const k = Math.min(view.width / box.width, (view.height / box.height) * 2.5) * 0.96;
  return { k, x: view.x + (view.width - k * box.width) / 2 - k * box.x, y: view.y + 8 - k * box.y };
}

/** The arrow key's pan, in layout units at the current zoom; undefined for other keys. */
export function getKeyPan(key: string, k: number): [number, number] | undefined {
  const step = 80 / k;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [step, 0],
    ArrowRight: [-step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  };
  return moves[key];
}

/** Smallest text on screen that follow mode allows on a projector, in CSS pixels. */
export const MIN_TEXT_PX = 14;
/** on a desk screen, read from up close: smaller text, so more of the region around is in sight */
export const DESK_TEXT_PX = 11;
/** follow mode zooms no further than this above the minimum: the region around stays in sight */
const CONTEXT_ZOOM = 1.25;

const unionOf = (boxes: Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
};

export interface FollowOptions {
  /** the smallest text's size on screen, CSS px (MIN_TEXT_PX by default) */
  minTextPx?: number;
  /**
   * Boxes also worth keeping whole in view (the labels of the transitions to take next, the one just
   * taken, the region's title), most wanted first: each joins the focus when it still fits at reading size.
   */
  extras?: Box[];
}

/**
 * Follow mode: centre the states to keep in view, zoomed so the smallest label (`smallestFont` layout px)
 * is at least `minTextPx` on screen. `pixelsPerUnit` is how many CSS pixels one layout unit takes at zoom 1.
 * When the boxes do not all fit at that size, the first (the state just entered) wins.
 * `shown` counts the boxes kept in view, `extrasShown` which extras joined them (their indices).
 */
export function getFollowTransform(
  boxes: Box[],
  view: Box,
  pixelsPerUnit: number,
  smallestFont: number,
  { minTextPx = MIN_TEXT_PX, extras = [] }: FollowOptions = {},
): Transform & { shown: number; extrasShown: number[] } {
  const minK = minTextPx / (smallestFont * pixelsPerUnit);
  const maxK = minK * CONTEXT_ZOOM;
  const margin = 0.85;
  const fits = (b: Box, k: number) => b.width * k <= view.width * margin && b.height * k <= view.height * margin;
  const all = unionOf(boxes);
  const shown = fits(all, minK) ? boxes.length : 1;
  let focus = shown > 1 ? all : boxes[0];
  const extrasShown: number[] = [];
  extras.forEach((extra, i) => {
    const grown = unionOf([focus, extra]);
    if (fits(grown, minK)) {
      focus = grown;
      extrasShown.push(i);
    }
  });
  const k = Math.min(maxK, Math.max(minK, Math.min((view.width * margin) / focus.width, (view.height * margin) / focus.height)));
  return {
    k,
    x: view.x + view.width / 2 - k * (focus.x + focus.width / 2),
    y: view.y + view.height / 2 - k * (focus.y + focus.height / 2),
    shown,
    extrasShown,
  };
}
