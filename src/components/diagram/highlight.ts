// Pure view-model of the diagram for one step: which states and transitions to mark. No DOM, no runes.
import type { LaidOutEdge, LaidOutGraph, LaidOutNode } from '../../layout/types';
import { createEdgeIndex, findEdge as findGraphEdge, type EdgeIndex, type TakenTransitionLike } from '../../graph/findEdge';

export type { TakenTransitionLike } from '../../graph/findEdge';

export interface StepHighlight {
  /** active states and all their ancestors */
  active: Set<string>;
  /** active states with no active child: "you are here" */
  current: Set<string>;
  /** state id → 1-based order of its first visit */
  visitOrder: Map<string, number>;
  /** edge id → the step numbers at which it was taken, in order */
  takenOrder: Map<string, number[]>;
  /** edges the user can fire now (source active, event among the next events) */
  next: LaidOutEdge[];
  /** taken transitions resolved to edges (null when the step entered a state without a drawn edge) */
  path: { step: number; transition: TakenTransitionLike; edge: LaidOutEdge | null }[];
}

export interface HighlightInput {
  activeStateIds: readonly string[];
  visitedStateIds: readonly string[];
  takenTransitions: readonly TakenTransitionLike[];
  nextEvents?: readonly string[];
}

/** Index built once per layout: the layout is static, so this never changes between steps. */
export type LayoutIndex = EdgeIndex<LaidOutNode, LaidOutEdge>;

export function createLayoutIndex(layout: LaidOutGraph): LayoutIndex {
  return createEdgeIndex(layout.nodes, layout.edges);
}

/** The drawn edge a taken transition went along (see src/graph/findEdge.ts). */
export function findEdge(index: LayoutIndex, t: TakenTransitionLike): LaidOutEdge | null {
  return findGraphEdge(index, t);
}

export function getStepHighlight(index: LayoutIndex, input: HighlightInput): StepHighlight {
  const active = new Set<string>();
  for (const id of input.activeStateIds) {
    for (let n = index.nodeById.get(id); n; n = n.parentId ? index.nodeById.get(n.parentId) : undefined) active.add(n.id);
  }
  const hasActiveChild = new Set<string>();
  for (const id of active) {
    const parent = index.nodeById.get(id)?.parentId;
    if (parent) hasActiveChild.add(parent);
  }
  const current = new Set([...active].filter((id) => !hasActiveChild.has(id)));

  const visitOrder = new Map<string, number>();
  // states passed through within one step (eventless transitions) count as visited too
  const passed = input.takenTransitions.flatMap((t) => [t.source, ...t.targets]).filter((id) => index.nodeById.has(id));
  for (const id of [...input.visitedStateIds, ...passed]) if (!visitOrder.has(id)) visitOrder.set(id, visitOrder.size + 1);

  const takenOrder = new Map<string, number[]>();
  // entering the initial states has no source and no drawn edge: the visit numbers show it
  const path = input.takenTransitions
    .filter((t) => t.source !== '')
    .map((transition, i) => {
      const edge = findEdge(index, transition);
      if (edge) takenOrder.set(edge.id, [...(takenOrder.get(edge.id) ?? []), i + 1]);
      return { step: i + 1, transition, edge };
    });

  const nextEvents = new Set(input.nextEvents ?? []);
  const next: LaidOutEdge[] = [];
  if (nextEvents.size > 0) {
    for (const [key, edges] of index.edgesBySourceEvent) {
      const [source, eventType] = key.split('\u0000');
      if (active.has(source) && nextEvents.has(eventType)) next.push(...edges);
    }
  }
  return { active, current, visitOrder, takenOrder, next, path };
}

/** "Guardianship › Appointed": a state's label with its ancestors (root left out) so it reads alone. */
export function getStatePath(index: LayoutIndex, id: string, labelOf: (node: LaidOutNode) => string = (n) => n.label): string {
  const labels: string[] = [];
  for (let n = index.nodeById.get(id); n && n.parentId !== null; n = index.nodeById.get(n.parentId)) labels.unshift(labelOf(n));
  const node = index.nodeById.get(id);
  return labels.length ? labels.join(' › ') : node ? labelOf(node) : id;
}

/** Two runs of the same child drawn together (see CompareOverlay.svelte). */
export interface DiagramComparison {
  transitionsA: TakenTransitionLike[];
  transitionsB: TakenTransitionLike[];
  partingStateId?: string;
  endA: string[];
  endB: string[];
  /** what parts them, in words */
  reason: string;
  /** the legal basis of the first milestone that differs */
  basis?: string;
  outcomeA: string;
  outcomeB: string;
  /** more paragraphs for the parting box (the why-not path's changes, each with the rule it triggers) */
  notes?: string[];
  /** what A and B are, for the legend (default: before and after the change) */
  legend?: [string, string];
}
