// Machine → plain graph. Reads the machine's already-resolved state nodes; never writes to them.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { GraphEdge, GraphNode, GraphNodeKind, StateGraph } from './types';

interface StateNodeMeta {
  citation?: unknown;
  basis?: unknown;
  source?: unknown;
  assumption?: unknown;
}

interface TransitionLike {
  target?: readonly AnyStateNode[];
  guard?: unknown;
  eventType: string;
  delay?: number | string;
  meta?: StateNodeMeta;
}

/** `ageAssessment` → `Age assessment`, `guardian_appointed` → `Guardian appointed`. */
export function toLabel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A readable name for a guard: `isMinor`, `not(isEea)`, `and(isMinor, hasStatement)`. */
export function toGuardName(guard: unknown): string | undefined {
  if (guard == null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const nested = (guard as { guards?: unknown }).guards;
    const name = guard.name || 'guard';
    if (nested !== undefined) {
      const parts = (Array.isArray(nested) ? nested : [nested]).map((g) => toGuardName(g) ?? 'guard');
      return `${name}(${parts.join(', ')})`;
    }
    return name;
  }
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') {
    return (guard as { type: string }).type;
  }
  return 'guard';
}

function toKind(node: AnyStateNode): GraphNodeKind {
  return node.type as GraphNodeKind;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function toEdgeLabel(t: TransitionLike): string {
  if (t.delay !== undefined) return `after ${t.delay}`;
  if (t.eventType === '') return ''; // eventless: only its guard is worth showing
  if (t.eventType.startsWith('xstate.done.state.')) return 'done';
  return t.eventType;
}

export function toGraph(machine: AnyStateMachine): StateGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];

  const visit = (node: AnyStateNode): void => {
    const meta = (node.meta ?? {}) as StateNodeMeta;
    const parent = node.parent as AnyStateNode | undefined;
    const initialTargets: readonly AnyStateNode[] = parent?.initial?.target ?? [];
    nodes.push({
      id: node.id,
      key: node.key,
      parentId: parent ? parent.id : null,
      kind: toKind(node),
      label: toLabel(node.key),
      initial: initialTargets.some((t) => t.id === node.id),
      ...(asText(node.description) && { description: asText(node.description) }),
      ...(asText(meta.citation) && { citation: asText(meta.citation) }),
      ...(asText(meta.basis) && { basis: asText(meta.basis) }),
      ...(asText(meta.source) && { source: asText(meta.source) }),
      ...(asText(meta.assumption) && { assumption: asText(meta.assumption) }),
    });

    const transitions: TransitionLike[] = [
      ...[...(node.transitions as Map<string, TransitionLike[]>).values()].flat(),
      ...((node.always ?? []) as TransitionLike[]),
    ];
    const perEvent = new Map<string, number>();
    for (const t of transitions) {
      const targets = (t.target ?? []).map((n) => n.id);
      if (targets.length === 0) continue; // actions only: no state change to draw
      const index = perEvent.get(t.eventType) ?? 0;
      perEvent.set(t.eventType, index + 1);
      const guard = toGuardName(t.guard);
      edges.push({
        id: `${node.id}:${t.eventType || 'always'}:${index}`,
        source: node.id,
        target: targets[0],
        targets,
        eventType: t.eventType,
        label: toEdgeLabel(t),
        ...(guard && { guard }),
        ...(t.delay !== undefined && { delay: String(t.delay) }),
        ...(asText(t.meta?.citation) && { citation: asText(t.meta?.citation) }),
      });
    }

    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };

  visit(machine.root);
  return { rootId: machine.root.id, nodes, edges };
}
