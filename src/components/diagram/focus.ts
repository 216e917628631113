// What follow mode keeps in view besides the current states: pure, from the step's highlight and the layout.
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
