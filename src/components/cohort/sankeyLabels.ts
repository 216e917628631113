// Sankey labels that never overlap: each label goes right of its node, running on past the next column where
// nothing is in its way, else wrapped to the room before the next column, and labels of one column are moved
// apart vertically, with a leader line when moved. Where columns are too close for any level placement, the
// name is written whole along the gap beside its node, turned a quarter; only a name that finds no room even
// there is shortened (the full text stays in the node's title and aria-label and in the flows table).
import type { SankeyNodeBox } from './sankeyLayout';
import { estimateWidth, shortForm, wrapLabel } from './sankeyLabelText';

export interface PlacedLabel {
  id: string;
  lines: string[];
  /** true when the text was shortened to fit */
  shortened: boolean;
  x: number;
  /** top of the first line */
  top: number;
  height: number;
  /** the node's middle, where a leader line starts when the label moved */
  anchorY: number;
  /** 'end': the label sits left of its node, its lines ending at x */
  side?: 'end';
  /** the label's middle is away from its node: a leader line joins them (see LEADER_RUN) */
  leader?: boolean;
  /** written along the gap beside its node, read bottom to top: x is the box's left edge, `height` its length,
   * `across` its width (its lines side by side) */
  turned?: boolean;
  across?: number;
}

/** Boxes of `heights` centred as near `wanted` as they can be without overlapping, inside [min, max] if they fit. */
export function stackBoxes(
  wanted: readonly number[],
  heights: readonly number[],
  min: number,
  max: number,
): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b]);
  const tops = new Array<number>(wanted.length);
  let bottom = min;
  for (const i of order) {
    tops[i] = Math.max(wanted[i] - heights[i] / 2, bottom);
    bottom = tops[i] + heights[i];
  }
  let limit = max;
  for (const i of [...order].reverse()) {
    tops[i] = Math.min(tops[i], limit - heights[i]);
    limit = tops[i];
  }
  if (order.length && tops[order[0]] < min) {
    let at = min;
    for (const i of order) {
      tops[i] = at;
      at += heights[i];
    }
  }
  return tops;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const crosses = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The widest a label may grow past its column when nothing is in its way (then it is wrapped to two lines). */
export const MAX_LABEL_ROOM = 220;

/** How labels are placed: the drawing's size, the font, and what each node's label shows. */
export interface LabelOptions {
  width: number;
  height: number;
  fontSize: number;
  lineHeight?: number;
  skip?: (id: string) => boolean;
  /** a last line of its own (the count), never shortened away */
  countOf?: (node: SankeyNodeBox) => string;
  /** the count written short, for a label whose count alone is wider than its room */
  shortCountOf?: (node: SankeyNodeBox) => string;
}

/**
 * Columns are labelled right to left. A label may run on past the next column where no node and no label
 * already placed is in its way (so a narrow column keeps readable names); where something is, it is wrapped
 * to its own column's room as before.
 */
export function placeSankeyLabels(
  nodes: readonly SankeyNodeBox[],
  textOf: (node: SankeyNodeBox) => string,
  options: LabelOptions,
): PlacedLabel[] {
  const { fontSize } = options;
  const lineHeight = options.lineHeight ?? fontSize + 3;
  const columns = [...new Set(nodes.map((n) => n.x0))].sort((a, b) => a - b);
  const obstacles: Box[] = nodes.map((n) => ({ left: n.x0 - 2, right: n.x1 + 2, top: n.y0 - 2, bottom: n.y1 + 2 }));
  const labels: PlacedLabel[] = [];
  for (let c = columns.length - 1; c >= 0; c--) {
    const inColumn = nodes.filter((n) => n.x0 === columns[c] && !options.skip?.(n.id));
    if (inColumn.length === 0) continue;
    const x = inColumn[0].x1 + 4;
    const narrow = (c + 1 < columns.length ? columns[c + 1] : options.width) - x - 6;
    const extra = options.countOf ? 1 : 0;
    // room past the next column: up to the first node or label in the band a two-line label would take
    const rooms = inColumn.map((n) => {
      const mid = (n.y0 + n.y1) / 2;
      const half = ((2 + extra) * lineHeight) / 2 + 2;
      const band: Box = { left: x, right: x + MAX_LABEL_ROOM, top: mid - half, bottom: mid + half };
      let limit = Math.min(options.width - 2, x + MAX_LABEL_ROOM);
      for (const o of obstacles) if (o.left > x && crosses(band, o)) limit = Math.min(limit, o.left - 4);
      return Math.max(narrow, limit - x);
    });
    let placed: PlacedLabel[] = [];
    for (let attempt = 0; attempt <= inColumn.length; attempt++) {
      const wrapped = inColumn.map((n, i) => {
        const w = wrapLabel(textOf(n), rooms[i], fontSize, rooms[i] > narrow ? 2 : 3);
        return options.countOf ? { ...w, lines: [...w.lines, options.countOf(n)] } : w;
      });
      const heights = wrapped.map((w) => w.lines.length * lineHeight);
      const tops = stackBoxes(inColumn.map((n) => (n.y0 + n.y1) / 2), heights, 0, options.height);
      placed = inColumn.map((n, i) => ({
        id: n.id,
        lines: wrapped[i].lines,
        shortened: wrapped[i].shortened,
        x,
        top: tops[i],
        height: heights[i],
        anchorY: (n.y0 + n.y1) / 2,
      }));
      // once stacked, a label that ran on and now meets something falls back to its own column's room
      const blocked = placed.filter(
        (l, i) => rooms[i] > narrow && obstacles.some((o) => o.left > x && crosses(boxOf(l, fontSize), o)),
      );
      if (blocked.length === 0) break;
      for (const l of blocked) rooms[placed.indexOf(l)] = narrow;
    }
    // a label cut short where it is: moved a little up or down to where it can run on whole (a leader line joins it)
    placed.forEach((l, i) => {
      if (!l.shortened) return;
      const w = wrapLabel(textOf(inColumn[i]), Math.min(MAX_LABEL_ROOM, options.width - x - 2), fontSize, 2);
      if (w.shortened) return;
      const lines = options.countOf ? [...w.lines, options.countOf(inColumn[i])] : w.lines;
      const height = lines.length * lineHeight;
      for (const step of [1, -1, 2, -2, 3, -3, 4, -4]) {
        const top = l.anchorY - height / 2 + step * lineHeight;
        if (top < 0 || top + height > options.height) continue;
        const moved = { ...l, lines, shortened: false, top, height };
        const box = boxOf(moved, fontSize);
        const others = placed.filter((o) => o !== l).map((o) => boxOf(o, fontSize));
        if ([...obstacles.filter((o) => o.left > x), ...others].some((o) => crosses(box, o))) continue;
        placed[i] = moved;
        return;
      }
    });
    for (const l of placed) obstacles.push(boxOf(l, fontSize));
    labels.push(...placed);
  }
  // Names left shortened are moved aside level first, then turned along a gap, then moved further; or turned first,
  // while the gaps are free (a name moved aside runs across them): whichever leaves fewer names cut short.
  const opts = { ...options, lineHeight };
  const short = (n: SankeyNodeBox) => shortForm(textOf(n)) ?? textOf(n);
  const finish = (turnFirst: boolean) => {
    const out = [...labels];
    if (turnFirst) turnAlongGaps(out, nodes, textOf, opts);
    placeAgain(out, nodes, textOf, opts);
    turnAlongGaps(out, nodes, textOf, opts);
    placeAgain(out, nodes, textOf, opts, FAR_STEPS);
    // still no room: the name's own short form, the one it gives in brackets ("A card #2")
    placeAgain(out, nodes, short, opts);
    turnAlongGaps(out, nodes, short, opts);
    return out;
  };
  const cut = (placed: PlacedLabel[]) => placed.filter((l) => l.shortened).length;
  const levelFirst = finish(false);
  const turnedFirst = cut(levelFirst) > 0 ? finish(true) : levelFirst;
  labels.splice(0, labels.length, ...(cut(turnedFirst) < cut(levelFirst) ? turnedFirst : levelFirst));
  addLeaders(labels, nodes, fontSize, options);
  return labels;
}

/**
 * A label still shortened (its columns too close for a level name, as in the 15-column overview at 1024 px) is
 * written whole along the gap right (else left) of its node, turned to read bottom to top: the gap between two
 * columns holds no node, only flows. Its middle stays level with the node, so it needs no leader line.
 */
function turnAlongGaps(
  labels: PlacedLabel[],
  nodes: readonly SankeyNodeBox[],
  textOf: (node: SankeyNodeBox) => string,
  options: LabelOptions & { lineHeight: number },
): void {
  const { fontSize, lineHeight } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const columns = [...new Set(nodes.map((n) => n.x0))].sort((a, b) => a - b);
  const nodeWidth = (x0: number) => Math.max(0, ...nodes.filter((n) => n.x0 === x0).map((n) => n.x1 - n.x0));
  const clear = clearOf(labels, nodes, fontSize, options);
  labels.forEach((l, i) => {
    if (!l.shortened) return;
    const node = byId.get(l.id)!;
    const c = columns.indexOf(node.x0);
    const name = textOf(node);
    const count = options.countOf?.(node);
    // the gaps as [first free x, last free x]: right of the node, then left of it
    const gaps: ['start' | 'end', number, number][] = [
      ['start', node.x1 + 3, (c + 1 < columns.length ? columns[c + 1] : options.width) - 3],
      ['end', c > 0 ? columns[c - 1] + nodeWidth(columns[c - 1]) + 3 : 0, node.x0 - 3],
    ];
    // name and count side by side, or on one line, or the name in two halves with the count after the second
    const halves = wrapLabel(name, (estimateWidth(name, fontSize) / 2) * 1.15 + fontSize, fontSize, 2);
    const variants = count ? [[name, count], [`${name} ${count}`]] : [[name]];
    if (!halves.shortened && halves.lines.length === 2) variants.push(count ? [halves.lines[0], `${halves.lines[1]} ${count}`] : halves.lines);
    for (const lines of variants)
      for (const [side, from, to] of gaps) {
        const across = lines.length * lineHeight;
        if (to - from < across) continue;
        const along = Math.max(...lines.map((line) => estimateWidth(line, fontSize))) * 1.08 + 4;
        // nearest the node first, then across the gap; slid along the node, its middle never leaving its height
        for (let off = 0; off <= to - from - across; off += 2)
          for (let shift = 0; shift <= (node.y1 - node.y0) / 2; shift += lineHeight / 2)
            for (const mid of shift ? [l.anchorY - shift, l.anchorY + shift] : [l.anchorY]) {
              const x = side === 'start' ? from + off : to - across - off;
              const moved: PlacedLabel = { id: l.id, lines, shortened: false, x, top: mid - along / 2, height: along, anchorY: l.anchorY, turned: true, across };
              if (!clear(boxOf(moved, fontSize), i)) continue;
              labels[i] = moved;
              return;
            }
      }
  });
}

/** How far a label moved away from its node is set out sideways, so its leader line can be seen at all (4 px
 * from a node's edge, a leader is a short vertical tick along the node that reads as part of the flows). */
export const LEADER_RUN = 10;

/** Whether a label must be joined to its node: its middle lies outside the node's vertical extent (±2 px). */
export const awayFromNode = (l: PlacedLabel, node: { y0: number; y1: number }) => {
  const middle = l.top + l.height / 2;
  return middle < node.y0 - 2 || middle > node.y1 + 2;
};

/** A label that is not beside its node gets a leader line and moves LEADER_RUN px further out where that is clear. */
function addLeaders(labels: PlacedLabel[], nodes: readonly SankeyNodeBox[], fontSize: number, options: LabelOptions): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const clear = clearOf(labels, nodes, fontSize, options);
  labels.forEach((l, i) => {
    // placeAgain sets out the labels it moves itself
    if (l.leader || !awayFromNode(l, byId.get(l.id)!)) return;
    labels[i] = { ...l, leader: true };
    for (const run of [LEADER_RUN, LEADER_RUN / 2]) {
      const moved = { ...labels[i], x: l.x + (l.side === 'end' ? -run : run) };
      if (!clear(boxOf(moved, fontSize), i)) continue;
      labels[i] = moved;
      return;
    }
  });
}

/** Whether a box is inside the drawing and on no node and no label (but the `except`th). */
function clearOf(labels: readonly PlacedLabel[], nodes: readonly SankeyNodeBox[], fontSize: number, options: LabelOptions) {
  const nodeBoxes: Box[] = nodes.map((n) => ({ left: n.x0 - 2, right: n.x1 + 2, top: n.y0 - 2, bottom: n.y1 + 2 }));
  const boxOfLabel = labelBoxes(fontSize);
  return (box: Box, except: number) =>
    box.left >= 0 &&
    box.right <= options.width &&
    box.top >= 0 &&
    box.bottom <= options.height &&
    !nodeBoxes.some((o) => crosses(box, o)) &&
    !labels.some((o, j) => j !== except && crosses(box, boxOfLabel(o)));
}

/**
 * boxOf, kept per label object: every candidate place is checked against every other label, and a label is
 * replaced, never changed, when it moves (the three-configuration overview spent 100 ms on boxes of a page).
 */
function labelBoxes(fontSize: number): (l: PlacedLabel) => Box {
  const boxes = new WeakMap<PlacedLabel, Box>();
  return (l) => {
    let box = boxes.get(l);
    if (!box) boxes.set(l, (box = boxOf(l, fontSize)));
    return box;
  };
}

/** How many lines up or down a label may move from its node: a few at first, further once turning failed. */
const NEAR_STEPS = [0, 1, -1, 2, -2, 3, -3, 4, -4];
const FAR_STEPS = Array.from({ length: 12 }, (_, i) => [i + 5, -(i + 5)]).flat();

/**
 * Where columns are close (a deep graph at the shown width), a label left shortened, or whose count runs onto the
 * next column, is moved where it can stand whole: right or left of its node, a few lines up or down (with a leader
 * line), onto no node and no other label as finally placed. One that finds no such place stays as it was.
 */
function placeAgain(
  labels: PlacedLabel[],
  nodes: readonly SankeyNodeBox[],
  textOf: (node: SankeyNodeBox) => string,
  options: LabelOptions & { lineHeight: number },
  steps: readonly number[] = NEAR_STEPS,
): void {
  const { fontSize, lineHeight } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const clear = clearOf(labels, nodes, fontSize, options);
  const boxOfLabel = labelBoxes(fontSize);
  // the leader of a label set out from its node (as SankeyChart draws it) runs across no other label or node
  const leaderClear = (l: PlacedLabel, node: SankeyNodeBox, i: number) => {
    const end = l.side === 'end';
    const [x1, y1] = [end ? node.x0 : node.x1, l.anchorY];
    const [x2, y2] = [l.x + (end ? 2 : -2), l.top + l.height / 2];
    const others = [
      ...labels.filter((_, j) => j !== i).map(boxOfLabel),
      ...nodes.filter((n) => n !== node).map((n) => ({ left: n.x0, right: n.x1, top: n.y0, bottom: n.y1 })),
    ];
    const length = Math.hypot(x2 - x1, y2 - y1);
    for (let t = 2; t < length - 2; t += 3) {
      const x = x1 + ((x2 - x1) * t) / length;
      const y = y1 + ((y2 - y1) * t) / length;
      if (others.some((o) => x > o.left && x < o.right && y > o.top && y < o.bottom)) return false;
    }
    return true;
  };
  const moveOne = (l: PlacedLabel, i: number) => {
    if (!l.shortened && clear(boxOf(l, fontSize), i)) return;
    const node = byId.get(l.id)!;

    // one or two wide lines first, then narrower blocks of up to three whole lines
    for (const [room, maxLines] of [[MAX_LABEL_ROOM, 2], [120, 3], [80, 3]] as const) {
      const wrapped = wrapLabel(textOf(node), room, fontSize, maxLines);
      if (wrapped.shortened) continue;
      const lines = options.countOf ? [...wrapped.lines, options.countOf(node)] : wrapped.lines;
      const height = lines.length * lineHeight;
      for (const step of steps)
        for (const side of ['start', 'end'] as const) {
          const top = l.anchorY - height / 2 + step * lineHeight;
          const moved: PlacedLabel = { ...l, lines, shortened: false, top, height, x: side === 'end' ? node.x0 - 4 : node.x1 + 4 };
          if (side === 'end') moved.side = 'end';
          else delete moved.side;
          delete moved.leader;
          if (!clear(boxOf(moved, fontSize), i)) continue;
          if (!awayFromNode(moved, node)) {
            labels[i] = moved;
            return;
          }
          // away from its node: set out so that its leader shows, the leader crossing nothing
          for (const run of [LEADER_RUN, LEADER_RUN / 2]) {
            const out: PlacedLabel = { ...moved, x: moved.x + (side === 'end' ? -run : run), leader: true };
            if (!clear(boxOf(out, fontSize), i) || !leaderClear(out, node, i)) continue;
            labels[i] = out;
            return;
          }
        }
    }
    // where nothing else helps, the count (wider than a shortened name) is written short ("57K")
    const short = options.shortCountOf?.(node);
    if (options.countOf && short && !clear(boxOf(l, fontSize), i)) labels[i] = { ...l, lines: [...l.lines.slice(0, -1), short] };
  };
  // twice: a label moved out of the way can leave room for one tried before it
  for (let round = 0; round < 2; round++) labels.forEach(moveOne);
}

// The widest line of each label's lines (a label's lines are never changed, a moved label gets new ones).
const widths = new WeakMap<readonly string[], { fontSize: number; width: number }>();
function linesWidth(lines: readonly string[], fontSize: number): number {
  const known = widths.get(lines);
  if (known?.fontSize === fontSize) return known.width;
  const width = Math.max(0, ...lines.map((line) => estimateWidth(line, fontSize)));
  widths.set(lines, { fontSize, width });
  return width;
}

/** A label's box as drawn, a little wider than estimated so a tight estimate cannot overlap. */
export function boxOf(l: PlacedLabel, fontSize: number): Box {
  if (l.turned) return { left: l.x - 1, right: l.x + (l.across ?? 0) + 1, top: l.top, bottom: l.top + l.height };
  const width = linesWidth(l.lines, fontSize) * 1.08;
  return l.side === 'end'
    ? { left: l.x - width - 2, right: l.x + 2, top: l.top, bottom: l.top + l.height }
    : { left: l.x - 2, right: l.x + width + 2, top: l.top, bottom: l.top + l.height };
}

/** The height the labels need: the tallest column's labels one under another. */
export function labelHeight(labels: readonly PlacedLabel[]): number {
  const perColumn = new Map<number, number>();
  // a turned label lies along a gap, not stacked in its column
  for (const l of labels) if (!l.turned) perColumn.set(l.x, (perColumn.get(l.x) ?? 0) + l.height);
  return Math.max(0, ...perColumn.values());
}
