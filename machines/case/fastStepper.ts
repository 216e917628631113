// The fast stepper: the procedure machine's own steps, memoised. The first time a configuration meets an event
// type, XState's pure `getMicrosteps` runs on an instrumented copy of the machine and we record what it did: the
// named guards it evaluated (with their results) and, microstep by microstep, which action lists it resolved
// (exits, transitions, entries) and the configuration it reached. That record goes into a decision trie keyed by
// the guard outcomes. Later steps walk the trie: they evaluate the same guards on the case's own context and
// event, and resolve the same action lists with the machine's own action, assign and delay functions (so context
// updates, milestone params and timers are the case's own). A guard outcome not met before sends the step back
// to XState, which extends the trie. Every recording is replayed at once and compared with XState's result.
// Nothing of the law is written here: structure comes from XState, values from the machine's functions.
import { getInitialMicrosteps, getMicrosteps, type AnyMachineSnapshot } from 'xstate';
import {
  MISSING_INPUT,
  procedureMachine,
  type ProcedureContext,
  type ProcedureEvent,
  type ProcedureInput,
} from '../procedure/machine';
import type { ExecutedAction, Microstep, Stepper, StepperSnapshot } from './stepper';

type Fn = (...args: never[]) => unknown;
type ActionDef = string | Fn | { type: string; params?: unknown };
type Args = { context: ProcedureContext; event: unknown };
interface Node {
  id: string;
  type: string;
  entry: ActionDef[];
  exit: ActionDef[];
  states: Record<string, Node>;
  transitions: Map<string, { actions: ActionDef[] }[]>;
  always?: { actions: ActionDef[] }[];
  invoke: unknown[];
  initial?: { actions: unknown[] };
}
type Builtin = Fn & {
  type: string;
  resolve?: unknown;
  check?: unknown;
  guards?: unknown[];
  assignment?: unknown;
  collect?: Fn;
  event?: unknown;
  id?: string;
  delay?: unknown;
  sendId?: unknown;
};

/** One configuration the machine can be in: the ordered node set XState keeps, its status and atomic ids. */
interface Configuration {
  status: StepperSnapshot['status'];
  activeIds: readonly string[];
  /** a snapshot of the instrumented machine in this configuration (another case's context), to run XState from */
  reference: AnyMachineSnapshot;
  /** event type → decision trie */
  tries: Map<string, TapeNode | undefined>;
}

/** The event a guard or action saw: the step's own event (or the init event), or an event XState made (done). */
type EventRef = { own: true } | { own: false; event: unknown };
type TapeNode =
  | { kind: 'guard'; name: string; event: EventRef; onTrue?: TapeNode; onFalse?: TapeNode }
  | { kind: 'actions'; actions: readonly ActionDef[]; event: EventRef; next?: TapeNode }
  | { kind: 'microstep'; configuration: Configuration; next?: TapeNode }
  | { kind: 'end' };
type Recorded =
  | { kind: 'guard'; name: string; event: unknown; result: boolean }
  | { kind: 'actions'; actions: readonly ActionDef[]; event: unknown }
  | { kind: 'resolved' };

const implementations = procedureMachine.implementations as unknown as {
  actions: Record<string, Builtin | undefined>;
  guards: Record<string, Builtin | undefined>;
  delays: Record<string, unknown>;
};
const MARKER = 'fastStepper.marker';

class Unsupported extends Error {}
class Miss extends Error {}
const MISS = new Miss('no recorded step for these guard outcomes');

// ---- The instrumented copy of the machine (the shared machine is never touched) ----

let recording: Recorded[] | null = null;

function record(entry: Recorded) {
  recording?.push(entry);
}

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

const instrumented: typeof procedureMachine = Object.create(
  procedureMachine.provide({ guards: wrappedGuards as never }),
  // XState's throw-away actor first builds an input-less initial state, which the procedure refuses; refuse at once.
  { getInitialSnapshot: { value: () => ({ status: 'error', output: undefined, error: MISSING_INPUT }) } },
);

/**
 * Marker actions around every action list: XState resolves their params as it resolves the list, so the record
 * shows where each list begins and ends (guards checked inside enqueueActions fall between the two).
 */
function withMarker(actions: ActionDef[]): ActionDef[] {
  const original = actions.slice();
  return [
    { type: MARKER, params: ({ event }: Args) => record({ kind: 'actions', actions: original, event }) } as never,
    ...original,
    { type: MARKER, params: () => record({ kind: 'resolved' }) } as never,
  ];
}

function instrument(node: Node) {
  if (node.invoke.length || node.initial?.actions.length) throw new Unsupported(`${node.id}: invoke or initial actions`);
  node.entry = withMarker(node.entry);
  node.exit = withMarker(node.exit);
  for (const list of node.transitions.values()) for (const t of list) t.actions = withMarker(t.actions);
  for (const t of node.always ?? []) t.actions = withMarker(t.actions);
  Object.values(node.states).forEach(instrument);
}
instrument((instrumented as unknown as { root: Node }).root);

// ---- Configurations ----

const configurations = new Map<string, Configuration>();

function configurationOf(snapshot: AnyMachineSnapshot): Configuration {
  const nodes = (snapshot as unknown as { _nodes: { id: string; type: string }[] })._nodes;
  const key = `${snapshot.status}:${nodes.map((n) => n.id).join('|')}`;
  let c = configurations.get(key);
  if (!c) {
    c = {
      status: snapshot.status as Configuration['status'],
      activeIds: Object.freeze(nodes.filter((n) => n.type === 'atomic' || n.type === 'final').map((n) => n.id)),
      reference: snapshot,
      tries: new Map(),
    };
    configurations.set(key, c);
  }
  return c;
}

/** A snapshot of the fast stepper: what the Stepper interface shows, and the configuration it stands for. */
class FastSnapshot implements StepperSnapshot {
  readonly status: StepperSnapshot['status'];
  readonly activeIds: readonly string[];
  readonly #configuration: Configuration;
  constructor(
    configuration: Configuration,
    readonly context: ProcedureContext,
  ) {
    this.status = configuration.status;
    this.activeIds = configuration.activeIds;
    this.#configuration = configuration;
  }
  static configurationOf(snapshot: StepperSnapshot): Configuration | undefined {
    return #configuration in snapshot ? (snapshot as FastSnapshot).#configuration : undefined;
  }
}

function toSnapshot(configuration: Configuration, context: ProcedureContext): StepperSnapshot {
  return new FastSnapshot(configuration, context);
}

// ---- Replay ----

interface Replay {
  node: TapeNode | undefined;
  context: ProcedureContext;
  own: unknown;
  emitted: ExecutedAction[];
  microsteps: Microstep[];
}

const eventOf = (ref: EventRef, r: Replay) => (ref.own ? r.own : ref.event);

function evaluateLeaf(r: Replay, name: string, event: unknown): boolean {
  const node = r.node;
  if (!node || node.kind !== 'guard' || node.name !== name) throw MISS;
  const result = (implementations.guards[name] as Fn)(...([{ context: r.context, event }, undefined] as never[])) as boolean;
  r.node = result ? node.onTrue : node.onFalse;
  return result;
}

/** `check` inside enqueueActions, as XState's evaluateGuard: combinators in order, named leaves from the trie. */
function evaluateCheck(r: Replay, guard: unknown, event: unknown): boolean {
  if (typeof guard === 'function') {
    const g = guard as Builtin;
    if (!('check' in g)) throw new Unsupported('inline guard functions cannot be recorded');
    const parts = g.guards ?? [];
    // XState's and/or/not: the same short-circuit order as checkAnd, checkOr and checkNot.
    if (g.name === 'and') return parts.every((p) => evaluateCheck(r, p, event));
    if (g.name === 'or') return parts.some((p) => evaluateCheck(r, p, event));
    if (g.name === 'not') return !evaluateCheck(r, parts[0], event);
    throw new Unsupported(`guard combinator ${g.name}`);
  }
  const name = typeof guard === 'string' ? guard : (guard as { type: string; params?: unknown }).type;
  if (typeof guard === 'object' && guard && 'params' in guard) throw new Unsupported('guard params');
  const impl = implementations.guards[name];
  if (typeof impl === 'function' && 'check' in impl) return evaluateCheck(r, impl, event);
  return evaluateLeaf(r, name, event);
}

/** XState's resolveAndExecuteActionsWithContext for the action kinds the machine uses. */
function resolveActions(r: Replay, actions: readonly ActionDef[], event: unknown) {
  for (const action of actions) {
    const inline = typeof action === 'function';
    const type = typeof action === 'string' ? action : inline ? (action as Builtin).type : action.type;
    const impl = (inline ? action : implementations.actions[type]) as Builtin | undefined;
    const params =
      inline || typeof action === 'string' || !('params' in action)
        ? undefined
        : typeof action.params === 'function'
          ? (action.params as Fn)(...([{ context: r.context, event }] as never[]))
          : action.params;
    if (!impl || !('resolve' in impl)) {
      r.emitted.push({ type: inline ? (action as Fn).name || '(anonymous)' : type, params, context: r.context });
      continue;
    }
    const args = { context: r.context, event, self: undefined, system: undefined };
    switch (impl.type) {
      case 'xstate.assign': {
        if (typeof impl.assignment !== 'function') throw new Unsupported('assign with a property map');
        const partial = (impl.assignment as Fn)(...([{ ...args, spawn: undefined }, params] as never[]));
        r.context = Object.assign({}, r.context, partial);
        break;
      }
      case 'xstate.raise': {
        const raised = typeof impl.event === 'function' ? (impl.event as Fn)(...([args, params] as never[])) : impl.event;
        const configured = typeof impl.delay === 'string' ? implementations.delays[impl.delay] : impl.delay;
        const delay = typeof configured === 'function' ? (configured as Fn)(...([args, params] as never[])) : configured;
        if (typeof delay !== 'number') throw new Unsupported('raise without a delay');
        r.emitted.push({ type: 'xstate.raise', params: { event: raised, id: impl.id, delay }, context: r.context });
        break;
      }
      case 'xstate.cancel': {
        const sendId = typeof impl.sendId === 'function' ? (impl.sendId as Fn)(...([args, params] as never[])) : impl.sendId;
        r.emitted.push({ type: 'xstate.cancel', params: { sendId }, context: r.context });
        break;
      }
      case 'xstate.enqueueActions': {
        const queued: ActionDef[] = [];
        const enqueue = (a: ActionDef) => void queued.push(a);
        const context = r.context;
        impl.collect!(
          ...([{ context, event, enqueue, check: (g: unknown) => evaluateCheck(r, g, event), self: undefined, system: undefined }, params] as never[]),
        );
        resolveActions(r, queued, event);
        break;
      }
      default:
        throw new Unsupported(`action ${impl.type}`);
    }
  }
}

function replay(root: TapeNode | undefined, context: ProcedureContext, own: unknown): Microstep[] {
  const r: Replay = { node: root, context, own, emitted: [], microsteps: [] };
  for (;;) {
    const node = r.node;
    if (!node) throw MISS;
    switch (node.kind) {
      case 'guard':
        evaluateLeaf(r, node.name, eventOf(node.event, r));
        break;
      case 'actions':
        r.node = node.next;
        resolveActions(r, node.actions, eventOf(node.event, r));
        break;
      case 'microstep':
        r.microsteps.push({ snapshot: toSnapshot(node.configuration, r.context), actions: r.emitted });
        r.emitted = [];
        r.node = node.next;
        break;
      case 'end':
        return r.microsteps;
    }
  }
}

// ---- Recording ----

type XMicrostep = [AnyMachineSnapshot, { type: string; params?: unknown; info?: { context?: ProcedureContext } }[]];

/** Runs XState on the instrumented machine, and lays its guards, action lists and microsteps end to end. */
function recordStep(run: () => XMicrostep[], own: unknown, isOwn: (e: unknown) => boolean) {
  recording = [];
  let microsteps: XMicrostep[];
  let log: Recorded[];
  try {
    microsteps = run();
  } finally {
    log = recording;
    recording = null;
  }
  const tape: (TapeNode & { result?: boolean })[] = [];
  const ref = (event: unknown): EventRef => (isOwn(event) || event === own ? { own: true } : { own: false, event });
  // A microstep with no transitions resolves no action list, so the record cannot show where it fell among the
  // guards around it. It changes nothing, so its place among them does not matter: it goes just before the next
  // action list (or the end), which keeps tapes with the same guard outcomes identical.
  const emptyMicrosteps: TapeNode[] = [];
  let at = 0;
  const take = () => {
    const e = log[at++];
    if (e.kind === 'resolved') return;
    if (e.kind === 'guard') {
      tape.push({ kind: 'guard', name: e.name, event: ref(e.event), result: e.result });
      return;
    }
    tape.push(...emptyMicrosteps.splice(0));
    tape.push({ kind: 'actions', actions: e.actions, event: ref(e.event) });
  };
  for (const [snapshot, actions] of microsteps) {
    let lists = actions.filter((a) => a.type === MARKER).length / 2;
    if (lists === 0) {
      emptyMicrosteps.push({ kind: 'microstep', configuration: configurationOf(snapshot) });
      continue;
    }
    while (lists > 0) {
      if (log[at].kind === 'resolved') lists--;
      take();
    }
    tape.push({ kind: 'microstep', configuration: configurationOf(snapshot) });
  }
  while (at < log.length) take();
  tape.push(...emptyMicrosteps.splice(0));
  tape.push({ kind: 'end' });
  return { tape, microsteps };
}

/** Adds a recorded tape to a trie (sharing the prefix already there); returns the root. */
function insert(root: TapeNode | undefined, tape: (TapeNode & { result?: boolean })[]): TapeNode {
  const fresh = (i: number): TapeNode | undefined => {
    if (i >= tape.length) return undefined;
    const { result, ...node } = tape[i] as TapeNode & { result?: boolean };
    const n = node as TapeNode;
    if (n.kind === 'guard') n[result ? 'onTrue' : 'onFalse'] = fresh(i + 1);
    else if (n.kind !== 'end') n.next = fresh(i + 1);
    return n;
  };
  if (!root) return fresh(0)!;
  let node: TapeNode = root;
  for (let i = 0; ; i++) {
    const t = tape[i];
    if (node.kind !== t.kind || (node.kind === 'guard' && node.name !== (t as { name: string }).name)) {
      throw new Error(`fast stepper: XState took a different path at step ${i} for the same guard outcomes`);
    }
    if (node.kind === 'end') return root;
    const slot = node.kind === 'guard' ? (t.result ? 'onTrue' : 'onFalse') : 'next';
    const next = (node as unknown as Record<string, TapeNode | undefined>)[slot];
    if (!next) {
      (node as unknown as Record<string, TapeNode | undefined>)[slot] = fresh(i + 1);
      return root;
    }
    node = next;
  }
}

/** The replay of a fresh recording must be XState's own result, action for action. */
function verify(ours: Microstep[], theirs: XMicrostep[], where: string) {
  const same = isDeepEqual;
  const fail = (what: string) => {
    throw new Error(`fast stepper differs from XState ${where}: ${what}`);
  };
  if (ours.length !== theirs.length) fail(`${ours.length} microsteps instead of ${theirs.length}`);
  ours.forEach((m, i) => {
    const [snapshot, actions] = theirs[i];
    if (m.snapshot.status !== snapshot.status) fail(`status of microstep ${i}`);
    if (!same(m.snapshot.context, snapshot.context)) fail(`context after microstep ${i}`);
    const real = actions.filter((a) => a.type !== MARKER);
    if (m.actions.length !== real.length) fail(`actions of microstep ${i}`);
    m.actions.forEach((a, j) => {
      const b = real[j];
      if (a.type !== b.type || !same(a.params, b.params) || !same(a.context, b.info?.context)) fail(`action ${j} (${b.type}) of microstep ${i}`);
    });
  });
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in b && isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---- The stepper ----

let initialTrie: TapeNode | undefined;
const isInit = (e: unknown) => (e as { type?: string } | undefined)?.type === 'xstate.init';
const stats = { steps: 0, recorded: 0 };

function initialContext(input: ProcedureInput): ProcedureContext {
  const factory = (procedureMachine.config as { context: Fn }).context;
  return Object.assign({}, {}, factory(...([{ spawn: undefined, input, self: undefined }] as never[]))) as ProcedureContext;
}

export const fastStepper: Stepper = {
  initial(input) {
    stats.steps++;
    const initEvent = { type: 'xstate.init', input };
    try {
      return replay(initialTrie, initialContext(input), initEvent);
    } catch (e) {
      if (e !== MISS) throw e;
    }
    stats.recorded++;
    const { tape, microsteps } = recordStep(
      () => getInitialMicrosteps(instrumented, input) as unknown as XMicrostep[],
      initEvent,
      isInit,
    );
    initialTrie = insert(initialTrie, tape);
    const ours = replay(initialTrie, initialContext(input), initEvent);
    verify(ours, microsteps, 'on the initial step');
    return ours;
  },
  next(snapshot, event) {
    stats.steps++;
    const configuration = FastSnapshot.configurationOf(snapshot);
    if (!configuration) throw new Error('fastStepper.next: the snapshot does not come from the fast stepper');
    if (configuration.status !== 'active') return [];
    const type = (event as { type: string }).type;
    try {
      return replay(configuration.tries.get(type), snapshot.context, event);
    } catch (e) {
      if (e !== MISS) throw e;
    }
    stats.recorded++;
    const start = { ...configuration.reference, context: snapshot.context } as AnyMachineSnapshot;
    const { tape, microsteps } = recordStep(
      () => getMicrosteps(instrumented, start as never, event as ProcedureEvent) as unknown as XMicrostep[],
      event,
      () => false,
    );
    configuration.tries.set(type, insert(configuration.tries.get(type), tape));
    const ours = replay(configuration.tries.get(type), snapshot.context, event);
    verify(ours, microsteps, `on ${type} from ${configuration.activeIds.join(', ')}`);
    return ours;
  },
};

/** How many steps were taken, and how many of them had to be recorded from XState (for the bench). */
export function getFastStepperStats(): Readonly<typeof stats> & { configurations: number } {
  return { ...stats, configurations: configurations.size };
}
