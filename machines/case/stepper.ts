// The narrow interface the runner steps the procedure through. XState is the reference implementation; a faster
// stepper (e.g. a table compiled from the machine) implements the same interface and must give the same microsteps.
// The runner reads snapshots only through this interface: status, context and the active atomic/final state ids.
import { getInitialMicrosteps, getMicrosteps, type AnyMachineSnapshot } from 'xstate';
import { MISSING_INPUT, procedureMachine, type ProcedureContext, type ProcedureEvent, type ProcedureInput } from '../procedure/machine';

export interface StepperSnapshot {
  readonly status: 'active' | 'done' | 'error';
  readonly context: ProcedureContext;
  /** Ids of the active atomic and final state nodes, in document order (e.g. `procedure.pathway.identity.minor`). */
  readonly activeIds: readonly string[];
}
export interface ExecutedAction {
  type: string;
  params?: unknown;
  /** The context when the action ran (XState's `action.info.context`); absent when the stepper cannot tell. */
  context?: ProcedureContext;
}
export interface Microstep {
  snapshot: StepperSnapshot;
  actions: readonly ExecutedAction[];
  /**
   * The same object whenever the same move is made (from the same active states, on the same event type, to the
   * same ones), so that whoever reads moves can remember what it worked out for one; absent: not known.
   */
  move?: object;
}
export interface Stepper {
  initial(input: ProcedureInput): Microstep[];
  next(snapshot: StepperSnapshot, event: ProcedureEvent): Microstep[];
}

// The machine as the runner steps it. XState's pure stepping functions build a throw-away actor on each call, and
// that actor first works out an initial state without input, which the procedure refuses (MISSING_INPUT) and
// nobody reads. This view of the machine gives that same refusal at once; all else is the machine itself
// (a fifth of a run saved; the acceptance cases and tests/machines check the traces).
const steppedMachine: typeof procedureMachine = Object.create(procedureMachine, {
  getInitialSnapshot: { value: () => ({ status: 'error', output: undefined, error: MISSING_INPUT }) },
});

/** An XState snapshot seen through the interface; the raw snapshot stays private (a #field: not enumerable, not compared). */
class XStateSnapshot implements StepperSnapshot {
  readonly #raw: AnyMachineSnapshot;
  #activeIds: string[] | undefined;
  constructor(raw: AnyMachineSnapshot) {
    this.#raw = raw;
  }
  get status(): StepperSnapshot['status'] {
    return this.#raw.status as StepperSnapshot['status'];
  }
  get context(): ProcedureContext {
    return this.#raw.context as ProcedureContext;
  }
  // Computed on first read: a run that keeps no steps reads it once, at the end.
  get activeIds(): readonly string[] {
    if (!this.#activeIds) {
      const nodes = (this.#raw as unknown as { _nodes: { id: string; type: string }[] })._nodes;
      this.#activeIds = nodes.filter((n) => n.type === 'atomic' || n.type === 'final').map((n) => n.id);
    }
    return this.#activeIds;
  }
  static rawOf(snapshot: StepperSnapshot): AnyMachineSnapshot {
    if (!(snapshot instanceof XStateSnapshot)) throw new Error('xstateStepper steps only snapshots it made itself');
    return snapshot.#raw;
  }
}

type RawMicrostep = [AnyMachineSnapshot, { type: string; params?: unknown; info?: { context?: ProcedureContext } }[]];

function toMicrosteps(raw: RawMicrostep[]): Microstep[] {
  return raw.map(([snapshot, actions]) => ({
    snapshot: new XStateSnapshot(snapshot),
    actions: actions.map((a) => ({ type: a.type, params: a.params, context: a.info?.context })),
  }));
}

export const xstateStepper: Stepper = {
  initial: (input) => toMicrosteps(getInitialMicrosteps(steppedMachine, input) as unknown as RawMicrostep[]),
  next: (snapshot, event) =>
    toMicrosteps(getMicrosteps(steppedMachine, XStateSnapshot.rawOf(snapshot), event) as unknown as RawMicrostep[]),
};

/** Whether a state node (atomic or compound, by id) is active. */
export function isActive(snapshot: StepperSnapshot, stateId: string): boolean {
  return activeWithAncestors(snapshot.activeIds).has(stateId);
}

// Active ids with their ancestors, once per ids array (the fast stepper shares one array per configuration).
const withAncestors = new WeakMap<readonly string[], Set<string>>();
function activeWithAncestors(ids: readonly string[]): Set<string> {
  let set = withAncestors.get(ids);
  if (!set) {
    set = new Set();
    for (const id of ids) for (let i = id.indexOf('.'); ; i = id.indexOf('.', i + 1)) {
      set.add(i < 0 ? id : id.slice(0, i));
      if (i < 0) break;
    }
    withAncestors.set(ids, set);
  }
  return set;
}
