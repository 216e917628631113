// The fast stepper's replay: walk the decision trie with the case's own context and event, evaluating the same
// guards and resolving the same action lists with the machine's own functions (XState's semantics, as recorded).
// Each action list is prepared once, when recorded (`prepare`): what XState works out from an action's definition
// on every step (its kind, its implementation, whether its params are a function) is then a field read.
import type { ProcedureContext } from '../procedure/machine';
import type { ExecutedAction, Microstep } from './stepper';
import {
  implementations,
  MISS,
  PreparedAction,
  FastSnapshot,
  combinatorOf,
  Unsupported,
  type ActionDef,
  type Builtin,
  type Call,
  type Fn,
  type TapeNode,
} from './fastTape';

// ---- Preparing ----

/** An action definition as the replay runs it (XState's resolveAndExecuteActionsWithContext, worked out once). */
export function prepare(action: ActionDef): PreparedAction {
  const inline = typeof action === 'function';
  const type = typeof action === 'string' ? action : inline ? (action as Builtin).type : action.type;
  const impl = (inline ? action : implementations.actions[type]) as Builtin | undefined;
  const withParams = !inline && typeof action !== 'string' && 'params' in action;
  const paramsFn = withParams && typeof action.params === 'function' ? (action.params as Call) : undefined;
  const paramsValue = withParams && !paramsFn ? action.params : undefined;
  if (!impl || !('resolve' in impl))
    return new PreparedAction('emit', inline ? (action as Fn).name || '(anonymous)' : type, undefined, paramsFn, paramsValue);
  switch (impl.type) {
    case 'xstate.assign':
      if (typeof impl.assignment !== 'function') throw new Unsupported('assign with a property map');
      return new PreparedAction('assign', type, impl, paramsFn, paramsValue);
    case 'xstate.raise':
      return new PreparedAction('raise', type, impl, paramsFn, paramsValue);
    case 'xstate.cancel':
      return new PreparedAction('cancel', type, impl, paramsFn, paramsValue);
    case 'xstate.enqueueActions':
      return new PreparedAction('enqueue', type, impl, paramsFn, paramsValue);
    default:
      throw new Unsupported(`action ${impl.type}`);
  }
}

// Actions enqueued at run time are new objects on each run, but named ones (strings) are few: prepared once each.
const preparedByName = new Map<string, PreparedAction>();
function prepareQueued(action: ActionDef): PreparedAction {
  if (typeof action !== 'string') return prepare(action);
  let prepared = preparedByName.get(action);
  if (!prepared) preparedByName.set(action, (prepared = prepare(action)));
  return prepared;
}

// ---- Replay ----

/** A microstep with no actions shares this list (nobody writes to a microstep's actions). */
const NO_ACTIONS: ExecutedAction[] = [];

interface Replay {
  node: TapeNode | undefined;
  context: ProcedureContext;
  own: unknown;
  emitted: ExecutedAction[];
  microsteps: Microstep[];
}

function emit(r: Replay, action: ExecutedAction) {
  if (r.emitted === NO_ACTIONS) r.emitted = [action];
  else r.emitted.push(action);
}

function evaluateLeaf(r: Replay, name: string, event: unknown): boolean {
  const node = r.node;
  if (!node || node.kind !== 'guard' || node.name !== name) throw MISS;
  const result = node.guard({ context: r.context, event }, undefined) as boolean;
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
    const kind = combinatorOf(g);
    if (kind === 'and') return parts.every((p) => evaluateCheck(r, p, event));
    if (kind === 'or') return parts.some((p) => evaluateCheck(r, p, event));
    if (kind === 'not') return !evaluateCheck(r, parts[0], event);
    throw new Unsupported(`guard combinator ${g.name}`);
  }
  const name = typeof guard === 'string' ? guard : (guard as { type: string; params?: unknown }).type;
  if (typeof guard === 'object' && guard && 'params' in guard) throw new Unsupported('guard params');
  const impl = implementations.guards[name];
  if (typeof impl === 'function' && 'check' in impl) return evaluateCheck(r, impl, event);
  return evaluateLeaf(r, name, event);
}

function run(r: Replay, action: PreparedAction, event: unknown) {
  const params = action.paramsFn ? action.paramsFn({ context: r.context, event }) : action.paramsValue;
  const impl = action.impl!;
  switch (action.kind) {
    case 'emit':
      emit(r, { type: action.type, params, context: r.context });
      return;
    case 'assign': {
      const partial = (impl.assignment as Call)(
        { context: r.context, event, self: undefined, system: undefined, spawn: undefined },
        params,
      );
      r.context = Object.assign({}, r.context, partial);
      return;
    }
    case 'raise': {
      const args = { context: r.context, event, self: undefined, system: undefined };
      const raised = typeof impl.event === 'function' ? (impl.event as Call)(args, params) : impl.event;
      const configured = typeof impl.delay === 'string' ? implementations.delays[impl.delay] : impl.delay;
      const delay = typeof configured === 'function' ? (configured as Call)(args, params) : configured;
      if (typeof delay !== 'number') throw new Unsupported('raise without a delay');
      emit(r, { type: 'xstate.raise', params: { event: raised, id: impl.id, delay }, context: r.context });
      return;
    }
    case 'cancel': {
      const args = { context: r.context, event, self: undefined, system: undefined };
      const sendId = typeof impl.sendId === 'function' ? (impl.sendId as Call)(args, params) : impl.sendId;
      emit(r, { type: 'xstate.cancel', params: { sendId }, context: r.context });
      return;
    }
    case 'enqueue': {
      const queued: ActionDef[] = [];
      const enqueue = (a: ActionDef) => void queued.push(a);
      (impl.collect as unknown as Call)(
        { context: r.context, event, enqueue, check: (g: unknown) => evaluateCheck(r, g, event), self: undefined, system: undefined },
        params,
      );
      for (const a of queued) run(r, prepareQueued(a), event);
      return;
    }
  }
}

export function replay(root: TapeNode | undefined, context: ProcedureContext, own: unknown): Microstep[] {
  const r: Replay = { node: root, context, own, emitted: NO_ACTIONS, microsteps: [] };
  // The walk keeps its node in a local; `r.node` is the trie's position only while an action list runs (the
  // guards an enqueueActions checks come next in the trie and move it on).
  let node = root;
  for (;;) {
    if (!node) throw MISS;
    switch (node.kind) {
      case 'guard':
        node = node.guard({ context: r.context, event: node.own ? own : node.event }, undefined) ? node.onTrue : node.onFalse;
        break;
      case 'actions': {
        r.node = node.next;
        const event = node.own ? own : node.event;
        const prepared = node.prepared;
        for (let i = 0; i < prepared.length; i++) run(r, prepared[i]!, event);
        node = r.node;
        break;
      }
      case 'microstep':
        // A trie node is reached from one configuration on one event type, so it names its move.
        r.microsteps.push(new FastSnapshot(node.configuration, r.context, r.emitted, node));
        r.emitted = NO_ACTIONS;
        node = node.next;
        break;
      case 'end':
        return r.microsteps;
    }
  }
}
