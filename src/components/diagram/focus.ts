// What follow mode keeps in view and what it folds: pure, from the step's highlight and the layout.
import type { LaidOutNode } from '../../layout/types';
import type { LayoutIndex, StepHighlight } from './highlight';
import type { Box } from './panZoom';

/**
 * Boxes worth keeping whole in view when they fit at reading size, most wanted first: the labels of the
 * transitions to take next (the buttons), the label of the one just taken (with its step badge on the
 * left), then the title of the state around the one entered (`entered`).
 */
export function getFocusExtras(highlight: StepHighlight, index: LayoutIndex, entered: LaidOutNode | undefined, labelOf: (n: LaidOutNode) => string): Box[] {
  const label = (b: Box, left = 4): Box => ({ x: b.x - left, y: b.y - 4, width: b.width + left + 4, height: b.height + 8 });
  const next = highlight.next.flatMap((e) => (e.labelBox ? [label(e.labelBox)] : []));
  const taken = highlight.path.at(-1)?.edge?.labelBox;
  const parent = entered?.parentId ? index.nodeById.get(entered.parentId) : undefined;
  // the title is drawn 16 px bold at the box's top left (StateNode.svelte): about 9.5 units a character
  const title = parent && parent.depth > 0 ? [{ x: parent.x, y: parent.y, width: Math.min(parent.width, 24 + labelOf(parent).length * 9.5), height: 32 }] : [];
  return [...next, ...(taken ? [label(taken, 48)] : []), ...title];
}

/** The region (child of a parallel state) holding a state, or undefined outside regions. */
export function regionOf(index: LayoutIndex, id: string): string | undefined {
  for (let n = index.nodeById.get(id); n && n.parentId; n = index.nodeById.get(n.parentId)) {
    if (index.nodeById.get(n.parentId)?.kind === 'parallel') return n.id;
  }
  return undefined;
}

/** The states follow mode keeps in view: the one just entered, then the other current states of its region. */
export function getFocusBoxes(highlight: StepHighlight, index: LayoutIndex, hasChildren: ReadonlySet<string | null>): LaidOutNode[] {
  const last = highlight.path.at(-1);
  const entered = last ? (last.transition.targets[0] ?? last.transition.source) : undefined;
  const region = entered ? regionOf(index, entered) : undefined;
  const inRegion = (id: string) => region !== undefined && (id === region || id.startsWith(`${region}.`));
  const current = [...highlight.current].filter((id) => !hasChildren.has(id));
  const first = current.find((id) => entered !== undefined && (id === entered || id.startsWith(`${entered}.`)));
  // outside the regions (an exit) the state entered; before the first transition, the start of the victim track
  if (!region) return [first ?? current.find((id) => id.includes('.victimTrack.')) ?? current[0]].flatMap((id) => index.nodeById.get(id) ?? []);
  const ordered = [...(first ? [first] : []), ...current.filter((id) => id !== first && inRegion(id))];
  return ordered.map((id) => index.nodeById.get(id)).filter((n): n is LaidOutNode => n !== undefined);
}

/**
 * The regions folded while following: all but the region being walked and any with a transition to take next.
 * The layout does not move: a folded region's box keeps its place, so the map stays familiar.
 */
export function getFoldedRegions(highlight: StepHighlight, index: LayoutIndex, regionIds: readonly string[]): Set<string> {
  const last = highlight.path.at(-1);
  const entered = last ? (last.transition.targets[0] ?? last.transition.source) : 'procedure.pathway.victimTrack';
  const open = [regionOf(index, entered) ?? entered, ...highlight.next.map((e) => regionOf(index, e.source))].filter((id): id is string => id !== undefined);
  const isOpen = (id: string) => open.some((o) => o === id || o.startsWith(`${id}.`) || id.startsWith(`${o}.`));
  return new Set(regionIds.filter((id) => !isOpen(id)));
}
