// The fast stepper: the procedure machine's own steps, memoised. The first time a configuration meets an event
// type, XState's pure `getMicrosteps` runs on an instrumented copy of the machine (fastMachine.ts) and we record
// what it did: the named guards it evaluated (with their results) and, microstep by microstep, which action lists
// it resolved (exits, transitions, entries) and the configuration it reached. That record goes into a decision
// trie keyed by the guard outcomes. Later steps walk the trie: they evaluate the same guards on the case's own
// context and event, and resolve the same action lists with the machine's own action, assign and delay functions
// (so context updates, milestone params and timers are the case's own). A guard outcome not met before sends the
// step back to XState, which extends the trie. Every recording is replayed at once and compared with XState's
// result. Recordings can be exported and imported as plain data (fastShare.ts), so that one thread's recordings
// spare another the XState runs. Nothing of the law is written here: structure comes from XState, values from the
// machine's functions.
import { getInitialMicrosteps, getMicrosteps, type AnyMachineSnapshot } from 'xstate';
import { procedureMachine, type ProcedureContext, type ProcedureEvent, type ProcedureInput } from '../procedure/machine';
import type { Microstep, Stepper } from './stepper';
import { isSameData } from './sameData';
import {
  implementations,
  MARKER,
  MISS,
  FastSnapshot,
  type Call,
  type Fn,
  type PreparedAction,
  type Recording,
  type TapeEntry,
  type TapeNode,
} from './fastTape';
import { prepare, replay } from './fastReplay';
import { configurationCount, configurationOf, instrumented, lists, placeOf, recorded, referenceOf } from './fastMachine';
import { decodeRecordings, encodeRecordings, ImportRefused, type FastStepperExport } from './fastShare';

export { ImportRefused, type FastStepperExport } from './fastShare';

// ---- Recording ----

type XMicrostep = [AnyMachineSnapshot, { type: string; params?: unknown; info?: { context?: ProcedureContext } }[]];

/** Runs XState on the instrumented machine, and lays its guards, action lists and microsteps end to end. */
function recordStep(run: () => XMicrostep[], own: unknown, isOwn: (e: unknown) => boolean) {
  const { result: microsteps, log } = recorded(run);
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
    if (e.actions.length > 0) tape.push({ kind: 'actions', list: placeOf.get(e.actions)!, ...ref(e.event) });
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

// Each action list is prepared once, however many trie nodes resolve it.
const preparedLists: (readonly PreparedAction[] | undefined)[] = [];
const preparedList = (list: number) => (preparedLists[list] ??= lists[list]!.actions.map(prepare));

function fresh(tape: readonly TapeEntry[], i: number): TapeNode | undefined {
  if (i >= tape.length) return undefined;
  const t = tape[i]!;
  switch (t.kind) {
    case 'guard': {
      const guard = implementations.guards[t.name] as unknown as Call;
      const next = fresh(tape, i + 1);
      return { kind: 'guard', name: t.name, own: t.own, event: t.event, guard, onTrue: t.result ? next : undefined, onFalse: t.result ? undefined : next };
    }
    case 'actions':
      return { kind: 'actions', own: t.own, event: t.event, list: t.list, prepared: preparedList(t.list), next: fresh(tape, i + 1) };
    case 'microstep':
      return { kind: 'microstep', configuration: t.configuration, next: fresh(tape, i + 1) };
    case 'end':
      return { kind: 'end' };
  }
}

/**
 * Walks a tape down a trie: `present` if the trie has it all, `new` if it branches off where the trie has nothing
 * yet (grafted there when `graft`). A tape that differs from the trie for the same guard outcomes throws.
 */
function walk(root: TapeNode, tape: readonly TapeEntry[], graft: boolean): 'present' | 'new' {
  let node: TapeNode = root;
  for (let i = 0; ; i++) {
    const t = tape[i]!;
    const same =
      node.kind === t.kind &&
      (node.kind !== 'guard' || node.name === (t as { name: string }).name) &&
      (node.kind !== 'actions' || node.list === (t as { list: number }).list) &&
      (node.kind !== 'microstep' || node.configuration === (t as { configuration: unknown }).configuration);
    if (!same) throw new Error(`fast stepper: XState took a different path at step ${i} for the same guard outcomes`);
    if (node.kind === 'end') return 'present';
    const slot = node.kind === 'guard' ? ((t as { result: boolean }).result ? 'onTrue' : 'onFalse') : 'next';
    const next = (node as unknown as Record<string, TapeNode | undefined>)[slot];
    if (!next) {
      if (graft) (node as unknown as Record<string, TapeNode | undefined>)[slot] = fresh(tape, i + 1);
      return 'new';
    }
    node = next;
  }
}

/** Adds a recorded tape to a trie (sharing the prefix already there); returns the root. */
function insert(root: TapeNode | undefined, tape: readonly TapeEntry[]): TapeNode {
  if (!root) return fresh(tape, 0)!;
  walk(root, tape, true);
  return root;
}

/** The replay of a fresh recording must be XState's own result, action for action. */
function verify(ours: Microstep[], theirs: XMicrostep[], where: string) {
  const same = isSameData;
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

// ---- The tries and what went into them ----

let initialTrie: TapeNode | undefined;
/** Every recording in the tries, in the order it came: recorded here (`here`) or imported. */
const log: { recording: Recording; here: boolean }[] = [];
/** `rebuilt`: imported configurations whose XState snapshot had to be made, for a step not imported. */
const stats = { steps: 0, recorded: 0, imported: 0, rebuilt: 0 };

function trieOf(r: Recording): TapeNode | undefined {
  return r.from ? r.from.tries.get(r.type) : initialTrie;
}
function setTrie(r: Recording, root: TapeNode) {
  if (r.from) r.from.tries.set(r.type, root);
  else initialTrie = root;
}
function add(r: Recording, here: boolean): TapeNode {
  const root = insert(trieOf(r), r.tape);
  setTrie(r, root);
  log.push({ recording: r, here });
  return root;
}

// ---- The stepper ----

const isInit = (e: unknown) => (e as { type?: string } | undefined)?.type === 'xstate.init';

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
    const root = add({ from: null, type: 'xstate.init', tape }, true);
    const ours = replay(root, initialContext(input), initEvent);
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
    if (!configuration.reference) stats.rebuilt++;
    const start = { ...referenceOf(configuration), context: snapshot.context } as AnyMachineSnapshot;
    const { tape, microsteps } = recordStep(
      () => getMicrosteps(instrumented, start as never, event as ProcedureEvent) as unknown as XMicrostep[],
      event,
      () => false,
    );
    const root = add({ from: configuration, type, tape }, true);
    const ours = replay(root, snapshot.context, event);
    verify(ours, microsteps, `on ${type} from ${configuration.activeIds.join(', ')}`);
    return ours;
  },
};

/** How many steps were taken, how many had to be recorded from XState, how many recordings came from elsewhere. */
export function getFastStepperStats(): Readonly<typeof stats> & { configurations: number } {
  return { ...stats, configurations: configurationCount() };
}

// ---- Sharing recordings ----

/**
 * The recordings in the tries as plain data (JSON or structured clone), from the `since`-th on (a `next` an
 * earlier export returned); `recordedHere`: only those recorded in this thread, not those it imported.
 */
export function exportRecordings(options: { since?: number; recordedHere?: boolean } = {}): { data: FastStepperExport; next: number } {
  const chosen = log.slice(options.since ?? 0).filter((e) => !options.recordedHere || e.here);
  return { data: encodeRecordings(chosen.map((e) => e.recording)), next: log.length };
}

/**
 * Adds recordings exported by another fast stepper (another thread, another module instance) to the tries: whole
 * or not at all. An export that is damaged, of another machine, or at odds with the tries is refused (throws);
 * the stepper is then as it was. Returns how many recordings were new here.
 */
export function importRecordings(data: unknown): { added: number } {
  const recordings = decodeRecordings(data);
  // First in tries of their own (a tape at odds with another of the export throws there), then against ours.
  const scratch = new Map<Recording['from'], Map<string, TapeNode>>();
  try {
    for (const r of recordings) {
      const byType = scratch.get(r.from) ?? scratch.set(r.from, new Map()).get(r.from)!;
      byType.set(r.type, insert(byType.get(r.type), r.tape));
      const ours = trieOf(r);
      if (ours) walk(ours, r.tape, false);
    }
  } catch (error) {
    throw new ImportRefused(`at odds with the recordings here (${error instanceof Error ? error.message : String(error)})`);
  }
  // Then all at once: a trie we did not have is the scratch one; the others are grafted onto.
  const installed = new Set<TapeNode>();
  let added = 0;
  for (const r of recordings) {
    const ours = trieOf(r);
    if (!ours) {
      const theirs = scratch.get(r.from)!.get(r.type)!;
      setTrie(r, theirs);
      installed.add(theirs);
    } else if (!installed.has(ours) && walk(ours, r.tape, true) === 'present') continue;
    log.push({ recording: r, here: false });
    added++;
  }
  stats.imported += added;
  return { added };
}
