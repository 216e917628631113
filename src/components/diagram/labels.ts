// The diagram's words in the UI language: plain-language state and transition labels from the message
// catalogue (see src/graph/plainLabels.ts), or the code names for the expert view.
import { m } from '../../i18n/messages';
import type { LaidOutEdge, LaidOutNode } from '../../layout/types';
import { getStateText, getTransitionText, STATE_WRAP, TRANSITION_WRAP, wrapWords, type Translate } from '../../graph/plainLabels';

const messages = m as unknown as Record<string, ((params?: Record<string, string>) => string) | undefined>;
export const translate: Translate = (key, params) => messages[key]?.(params ?? {});

export interface DiagramTexts {
  /** state id → its name */
  state: Map<string, string>;
  /** state id → the lines drawn in its box */
  stateLines: Map<string, string[]>;
  /** edge id → the label as one phrase (for screen readers and the path list) */
  transition: Map<string, string>;
  /** edge id → the lines drawn on the diagram */
  transitionLines: Map<string, string[]>;
}

export function getDiagramTexts(nodes: LaidOutNode[], edges: LaidOutEdge[], expert: boolean): DiagramTexts {
  const state = new Map(nodes.map((n) => [n.id, expert ? n.key : getStateText(n, translate)]));
  const transition = new Map(edges.map((e) => [e.id, expert ? e.labelLines.join(' ') : getTransitionText(e, translate)]));
  return {
    state,
    stateLines: new Map([...state].map(([id, text]) => [id, expert ? [text] : wrapWords(text, STATE_WRAP)])),
    transition,
    transitionLines: new Map(
      edges.map((e) => [e.id, expert ? e.labelLines : wrapWords(transition.get(e.id) ?? '', TRANSITION_WRAP)]),
    ),
  };
}
