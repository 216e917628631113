// The fast stepper's view of the machine: an instrumented copy (the shared machine is never touched) whose named
// guards and action lists report themselves while XState runs it, every action list named by where it sits in the
// machine, and the configurations (status + ordered node set) the stepper meets. An imported recording names
// only these (fastShare.ts): guards by name, action lists by place, configurations by their node ids.
import type { AnyMachineSnapshot } from 'xstate';
import { MISSING_INPUT, procedureMachine } from '../procedure/machine';
import {
  combinatorOf,
  implementations,
  MARKER,
  Unsupported,
  type ActionDef,
  type Args,
  type Configuration,
  type Fn,
  type Node,
  type Recorded,
} from './fastTape';

// ---- What XState did while it ran the instrumented machine ----

let recording: Recorded[] | null = null;

function record(entry: Recorded) {
  recording?.push(entry);
}

/** Runs `run` with the instrumented machine reporting to a fresh record; returns its result and the record. */
export function recorded<T>(run: () => T): { result: T; log: Recorded[] } {
  recording = [];
  try {
    const result = run();
    return { result, log: recording };
  } finally {
    recording = null;
  }
}

// ---- The instrumented copy of the machine ----

const wrappedGuards = Object.fromEntries(
  Object.entries(implementations.guards).map(([name, guard]) => {
    if (typeof guard !== 'function' || 'check' in guard) return [name, guard];
    return [
      name,
      (args: Args, params: unknown) => {
        const result = (guard as Fn)(...([args, params] as never[]));
        if (typeof result !== 'boolean') throw new Unsupported(`guard ${name} returned a non-boolean`);
        record({ kind: 'guard', name, event: args.event, result });
        return result;
      },
    ];
  }),
);

export const instrumented: typeof procedureMachine = Object.create(
  procedureMachine.provide({ guards: wrappedGuards as never }),
  // XState's throw-away actor first builds an input-less initial state, which the procedure refuses; refuse at once.
  {
    getInitialSnapshot: {
      value: () => ({ status: 'error', output: undefined, error: MISSING_INPUT }),
    },
  },
);

/** Where an action list sits: `entry`/`exit` of a node, a transition (`on`: event type, index) or an `always` one. */
export type ListPlace =
  | readonly ['entry' | 'exit', string]
  | readonly ['on', string, string, number]
  | readonly ['always', string, number];

/** Every action list of the machine, by place; `placeOf` gives back a list's number (`lists` index). */
export const lists: { place: ListPlace; actions: readonly ActionDef[] }[] = [];
export const placeOf = new Map<readonly ActionDef[], number>();
export const listByPlace = new Map<string, number>();
/** Every state node, by id. */
export const nodeById = new Map<string, Node>();

/**
 * Marker actions around every action list: XState resolves their params as it resolves the list, so the record
 * shows where each list begins and ends (guards checked inside enqueueActions fall between the two).
 */
function withMarker(actions: ActionDef[], place: ListPlace): ActionDef[] {
  const original = actions.slice();
  placeOf.set(original, lists.length);
  listByPlace.set(JSON.stringify(place), lists.length);
  lists.push({ place, actions: original });
  return [
    {
      type: MARKER,
      params: ({ event }: Args) => record({ kind: 'actions', actions: original, event }),
    } as never,
    ...original,
    { type: MARKER, params: () => record({ kind: 'resolved' }) } as never,
  ];
}

/** What the machine is made of, in document order: ids, types, targets, guard and action names (its fingerprint). */
const shape: string[] = [];
// Names a bundler cannot change: strings, types, XState's combinators by kind; any other function is "inline".
const nameOf = (a: unknown): string => {
  if (typeof a === 'string') return a;
  if (typeof a !== 'function') return (a as { type?: string } | undefined)?.type ?? '';
  const kind = combinatorOf(a);
  if (kind) return `${kind}(${((a as { guards?: unknown[] }).guards ?? []).map(nameOf).join(',')})`;
  return (a as { type?: string }).type ?? 'inline';
};

function describe(t: { actions: ActionDef[]; guard?: unknown; target?: { id: string }[]; reenter?: boolean }): string {
  return `${nameOf(t.guard)}>${(t.target ?? []).map((n) => n.id).join(',')}${t.reenter ? '!' : ''}(${t.actions.map(nameOf).join(',')})`;
}

function instrument(node: Node) {
  if (node.invoke.length || node.initial?.actions.length) throw new Unsupported(`${node.id}: invoke or initial actions`);
  nodeById.set(node.id, node);
  shape.push(`${node.id}:${node.type}[${node.entry.map(nameOf)}][${node.exit.map(nameOf)}]`);
  node.entry = withMarker(node.entry, ['entry', node.id]);
  node.exit = withMarker(node.exit, ['exit', node.id]);
  for (const [type, list] of node.transitions)
    list.forEach((t, i) => {
      shape.push(`on ${type} ${describe(t)}`);
      t.actions = withMarker(t.actions, ['on', node.id, type, i]);
    });
  (node.always ?? []).forEach((t, i) => {
    shape.push(`always ${describe(t)}`);
    t.actions = withMarker(t.actions, ['always', node.id, i]);
  });
  Object.values(node.states).forEach(instrument);
}
instrument((instrumented as unknown as { root: Node }).root);

/** FNV-1a, twice (two offsets), as 16 hex digits: enough to tell two machines or a damaged export apart. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
export const MACHINE_FINGERPRINT = digest(shape.join('\n'));

// ---- Configurations ----

const configurations = new Map<string, Configuration>();
export const configurationCount = () => configurations.size;

const isLeaf = (type: string) => type === 'atomic' || type === 'final';

/** The configuration of these ordered node ids and status (made once; each key has one object). */
export function configurationFor(status: Configuration['status'], nodeIds: readonly string[], reference?: AnyMachineSnapshot): Configuration {
  const key = `${status}:${nodeIds.join('|')}`;
  let c = configurations.get(key);
  if (!c) {
    c = {
      status,
      nodeIds: Object.freeze(nodeIds.slice()),
      activeIds: Object.freeze(nodeIds.filter((id) => isLeaf(nodeById.get(id)!.type))),
      reference,
      tries: new Map(),
    };
    configurations.set(key, c);
  }
  return c;
}

export function configurationOf(snapshot: AnyMachineSnapshot): Configuration {
  const nodes = (snapshot as unknown as { _nodes: { id: string }[] })._nodes;
  return configurationFor(snapshot.status as Configuration['status'], nodes.map((n) => n.id), snapshot);
}

/**
 * A snapshot of the instrumented machine in this configuration, to run XState from: the one it was recorded from,
 * or (for an imported configuration) XState's own snapshot of its state value, its nodes in the recorded order.
 * Checked as a recording is: XState must agree it is this configuration.
 */
export function referenceOf(c: Configuration): AnyMachineSnapshot {
  if (c.reference) return c.reference;
  const value: Record<string, unknown> = {};
  for (const id of c.activeIds) {
    const path = (nodeById.get(id) as unknown as { path: string[] }).path;
    let at = value;
    path.forEach((key, i) => {
      if (i === path.length - 1) at[key] = {};
      else at = (at[key] ??= {}) as Record<string, unknown>;
    });
  }
  const resolved = instrumented.resolveState({ value: toStateValue(value) as never, context: undefined as never });
  const resolvedIds = (resolved as unknown as { _nodes: { id: string }[] })._nodes.map((n) => n.id);
  if (resolved.status !== c.status || resolvedIds.length !== c.nodeIds.length || !c.nodeIds.every((id) => resolvedIds.includes(id)))
    throw new Error(`fast stepper: XState does not know the configuration ${c.nodeIds.join(', ')} (${c.status})`);
  c.reference = { ...resolved, _nodes: c.nodeIds.map((id) => nodeById.get(id)) } as unknown as AnyMachineSnapshot;
  return c.reference;
}

/** `{ a: { b: {} } }` → `{ a: 'b' }`: a leaf's name is its parent's value. */
function toStateValue(tree: Record<string, unknown>): unknown {
  const keys = Object.keys(tree);
  if (keys.length === 1 && Object.keys(tree[keys[0]!] as object).length === 0) return keys[0];
  return Object.fromEntries(keys.map((k) => [k, toStateValue(tree[k] as Record<string, unknown>)]));
}
