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
import type { Microstep, Stepper } from './stepper';
import {
  implementations,
  MARKER,
  MISS,
  FastSnapshot,
  Unsupported,
  type ActionDef,
  type Args,
  type Call,
  type Configuration,
  type Fn,
  type Node,
  type Recorded,
  type TapeNode,
} from './fastTape';
import { prepare, replay } from './fastReplay';

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
        if (typeof result !== 'boolean')
          throw new Unsupported(`guard ${name} returned a non-boolean`);
        record({ kind: 'guard', name, event: args.event, result });
        return result;
      },
    ];
  }),
);

const instrumented: typeof procedureMachine = Object.create(
  procedureMachine.provide({ guards: wrappedGuards as never }),
  // XState's throw-away actor first builds an input-less initial state, which the procedure refuses; refuse at once.
  {
    getInitialSnapshot: {
      value: () => ({ status: 'error', output: undefined, error: MISSING_INPUT }),
    },
  },
);

/**
 * Marker actions around every action list: XState resolves their params as it resolves the list, so the record
 * shows where each list begins and ends (guards checked inside enqueueActions fall between the two).
 */
function withMarker(actions: ActionDef[]): ActionDef[] {
  const original = actions.slice();
  return [
    {
      type: MARKER,
      params: ({ event }: Args) => record({ kind: 'actions', actions: original, event }),
    } as never,
    ...original,
    { type: MARKER, params: () => record({ kind: 'resolved' }) } as never,
  ];
}

function instrument(node: Node) {
  if (node.invoke.length || node.initial?.actions.length)
    throw new Unsupported(`${node.id}: invoke or initial actions`);
  node.entry = withMarker(node.entry);
  node.exit = withMarker(node.exit);
  for (const list of node.transitions.values())
    for (const t of list) t.actions = withMarker(t.actions);
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
      activeIds: Object.freeze(
        nodes.filter((n) => n.type === 'atomic' || n.type === 'final').map((n) => n.id),
      ),
      reference: snapshot,
      tries: new Map(),
    };
    configurations.set(key, c);
  }
  return c;
}

// ---- Recording ----

type XMicrostep = [
  AnyMachineSnapshot,
  { type: string; params?: unknown; info?: { context?: ProcedureContext } }[],
];

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
  const tape: TapeEntry[] = [];
  const ref = (event: unknown) => (isOwn(event) || event === own ? { own: true, event: undefined } : { own: false, event });
  // A microstep with no transitions resolves no action list, so the record cannot show where it fell among the
  // guards around it. It changes nothing, so its place among them does not matter: it goes just before the next
  // action list (or the end), which keeps tapes with the same guard outcomes identical.
  const emptyMicrosteps: TapeEntry[] = [];
  let at = 0;
  const take = () => {
    const e = log[at++];
    if (e.kind === 'resolved') return;
    if (e.kind === 'guard') {
      tape.push({ kind: 'guard', name: e.name, ...ref(e.event), result: e.result });
      return;
    }
    tape.push(...emptyMicrosteps.splice(0));
    // An empty list does nothing when replayed: half of the lists a step resolves are empty (no entry actions…).
    if (e.actions.length > 0) tape.push({ kind: 'actions', actions: e.actions, ...ref(e.event) });
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

/** One entry of a recorded step, in the order XState met it. */
type TapeEntry =
  | { kind: 'guard'; name: string; own: boolean; event: unknown; result: boolean }
  | { kind: 'actions'; actions: readonly ActionDef[]; own: boolean; event: unknown }
  | { kind: 'microstep'; configuration: Configuration }
  | { kind: 'end' };

/** Adds a recorded tape to a trie (sharing the prefix already there); returns the root. */
function insert(root: TapeNode | undefined, tape: TapeEntry[]): TapeNode {
  const fresh = (i: number): TapeNode | undefined => {
    if (i >= tape.length) return undefined;
    const t = tape[i]!;
    switch (t.kind) {
      case 'guard': {
        const guard = implementations.guards[t.name] as unknown as Call;
        const next = fresh(i + 1);
        return { kind: 'guard', name: t.name, own: t.own, event: t.event, guard, onTrue: t.result ? next : undefined, onFalse: t.result ? undefined : next };
      }
      case 'actions':
        return { kind: 'actions', own: t.own, event: t.event, prepared: t.actions.map(prepare), next: fresh(i + 1) };
      case 'microstep':
        return { kind: 'microstep', configuration: t.configuration, next: fresh(i + 1) };
      case 'end':
        return { kind: 'end' };
    }
  };
  if (!root) return fresh(0)!;
  let node: TapeNode = root;
  for (let i = 0; ; i++) {
    const t = tape[i];
    if (
      node.kind !== t.kind ||
      (node.kind === 'guard' && t.kind === 'guard' && node.name !== t.name)
    ) {
      throw new Error(
        `fast stepper: XState took a different path at step ${i} for the same guard outcomes`,
      );
    }
    if (node.kind === 'end') return root;
    const slot = node.kind === 'guard' ? ((t as { result: boolean }).result ? 'onTrue' : 'onFalse') : 'next';
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
      if (a.type !== b.type || !same(a.params, b.params) || !same(a.context, b.info?.context))
        fail(`action ${j} (${b.type}) of microstep ${i}`);
    });
  });
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      k in b && isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

// ---- The stepper ----

let initialTrie: TapeNode | undefined;
const isInit = (e: unknown) => (e as { type?: string } | undefined)?.type === 'xstate.init';
const stats = { steps: 0, recorded: 0 };

function initialContext(input: ProcedureInput): ProcedureContext {
  const factory = (procedureMachine.config as { context: Fn }).context;
  return Object.assign(
    {},
    {},
    factory(...([{ spawn: undefined, input, self: undefined }] as never[])),
  ) as ProcedureContext;
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
    if (!configuration)
      throw new Error('fastStepper.next: the snapshot does not come from the fast stepper');
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
      () =>
        getMicrosteps(
          instrumented,
          start as never,
          event as ProcedureEvent,
        ) as unknown as XMicrostep[],
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
