// The fast stepper's record: the shapes of its decision trie, the machine's own implementations it replays,
// and the snapshots it hands out (see fastStepper.ts).
import { and, not, or, type AnyMachineSnapshot } from 'xstate';
import { procedureMachine, type ProcedureContext } from '../procedure/machine';
import type { ExecutedAction, Microstep, StepperSnapshot } from './stepper';

export type Fn = (...args: never[]) => unknown;
export type ActionDef = string | Fn | { type: string; params?: unknown };
export type Args = { context: ProcedureContext; event: unknown };
export interface Node {
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
export type Builtin = Fn & {
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
export interface Configuration {
  status: StepperSnapshot['status'];
  /** the ids of XState's ordered node set */
  nodeIds: readonly string[];
  activeIds: readonly string[];
  /**
   * a snapshot of the instrumented machine in this configuration (another case's context), to run XState from;
   * made when first needed for an imported configuration (fastMachine.ts referenceOf)
   */
  reference: AnyMachineSnapshot | undefined;
  /** event type → decision trie */
  tries: Map<string, TapeNode | undefined>;
}

/** The machine's functions called directly (a spread call allocates an array per call). */
export type Call = (args: unknown, params?: unknown) => unknown;
/** What a prepared action does (see fastReplay.ts `prepare`). */
export type ActionKind = 'emit' | 'assign' | 'raise' | 'cancel' | 'enqueue';
/**
 * An action as the replay runs it: its kind, implementation and params worked out once, when its list is
 * recorded, rather than on every run. One class, so every prepared action has the same shape.
 */
export class PreparedAction {
  constructor(
    readonly kind: ActionKind,
    /** the action's name, for an emitted action */
    readonly type: string,
    /** XState's built-in action (assign, raise, cancel, enqueueActions) */
    readonly impl: Builtin | undefined,
    /** a params function of the machine, called with context and event; else the params themselves */
    readonly paramsFn: Call | undefined,
    readonly paramsValue: unknown,
  ) {}
}
// A guard or action list saw the step's own event (`own`: the runner's event, or the init event), or `event`,
// one XState made (a done event). Each kind of node is built with all its fields, so it keeps one shape.
export type TapeNode =
  | { kind: 'guard'; name: string; own: boolean; event: unknown; guard: Call; onTrue: TapeNode | undefined; onFalse: TapeNode | undefined }
  | { kind: 'actions'; own: boolean; event: unknown; list: number; prepared: readonly PreparedAction[]; next: TapeNode | undefined }
  | { kind: 'microstep'; configuration: Configuration; next: TapeNode | undefined }
  | { kind: 'end' };
/** One entry of a recorded step, in the order XState met it (`list`: the action list's number, fastMachine.ts). */
export type TapeEntry =
  | { kind: 'guard'; name: string; own: boolean; event: unknown; result: boolean }
  | { kind: 'actions'; list: number; own: boolean; event: unknown }
  | { kind: 'microstep'; configuration: Configuration }
  | { kind: 'end' };
/** One recorded step: from a configuration (or the initial step: null) on an event type. */
export interface Recording {
  from: Configuration | null;
  type: string;
  tape: TapeEntry[];
}
export type Recorded =
  | { kind: 'guard'; name: string; event: unknown; result: boolean }
  | { kind: 'actions'; actions: readonly ActionDef[]; event: unknown }
  | { kind: 'resolved' };

export const implementations = procedureMachine.implementations as unknown as {
  actions: Record<string, Builtin | undefined>;
  guards: Record<string, Builtin | undefined>;
  delays: Record<string, unknown>;
};
export const MARKER = 'fastStepper.marker';

// XState's guard combinators, told apart by their shared check functions: their names change when a bundler
// renames functions (`and2`, or one letter once minified), and the fingerprint and the replay must not.
const COMBINATORS = new Map<unknown, 'and' | 'or' | 'not'>([
  [(and([]) as unknown as Builtin).check, 'and'],
  [(or([]) as unknown as Builtin).check, 'or'],
  [(not('') as unknown as Builtin).check, 'not'],
]);
/** Which of XState's and/or/not a guard function is (undefined: none of them). */
export function combinatorOf(guard: unknown): 'and' | 'or' | 'not' | undefined {
  return typeof guard === 'function' ? COMBINATORS.get((guard as Builtin).check) : undefined;
}

export class Unsupported extends Error {}
export class Miss extends Error {}
export const MISS = new Miss('no recorded step for these guard outcomes');

/**
 * A snapshot of the fast stepper (what the Stepper interface shows, and the configuration it stands for) and the
 * microstep that reached it, as one object: a replay makes one per microstep.
 */
export class FastSnapshot implements StepperSnapshot, Microstep {
  readonly status: StepperSnapshot['status'];
  readonly activeIds: readonly string[];
  readonly #configuration: Configuration;
  constructor(
    configuration: Configuration,
    readonly context: ProcedureContext,
    readonly actions: readonly ExecutedAction[],
    readonly move: object,
  ) {
    this.status = configuration.status;
    this.activeIds = configuration.activeIds;
    this.#configuration = configuration;
  }
  /** the microstep's snapshot: itself */
  get snapshot(): StepperSnapshot {
    return this;
  }
  static configurationOf(snapshot: StepperSnapshot): Configuration | undefined {
    return #configuration in snapshot ? (snapshot as FastSnapshot).#configuration : undefined;
  }
}
