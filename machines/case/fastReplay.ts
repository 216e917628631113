// The fast stepper's replay: walk the decision trie with the case's own context and event, evaluating the same
// guards and resolving the same action lists with the machine's own functions (XState's semantics, as recorded).
import type { ProcedureContext } from '../procedure/machine';
import type { ExecutedAction, Microstep } from './stepper';
import {
  implementations,
  MISS,
  toSnapshot,
  Unsupported,
  type ActionDef,
  type Builtin,
  type EventRef,
  type Fn,
  type TapeNode,
} from './fastTape';

// ---- Replay ----

interface Replay {
  node: TapeNode | undefined;
  context: ProcedureContext;
  own: unknown;
  emitted: ExecutedAction[];
  microsteps: Microstep[];
}

const eventOf = (ref: EventRef, r: Replay) => (ref.own ? r.own : ref.event);
/** The machine's functions called directly (a spread call allocates an array per call). */
type Call = (args: unknown, params?: unknown) => unknown;

function evaluateLeaf(r: Replay, name: string, event: unknown): boolean {
  const node = r.node;
  if (!node || node.kind !== 'guard' || node.name !== name) throw MISS;
  const result = (implementations.guards[name] as unknown as Call)({ context: r.context, event }, undefined) as boolean;
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
  const name =
    typeof guard === 'string' ? guard : (guard as { type: string; params?: unknown }).type;
  if (typeof guard === 'object' && guard && 'params' in guard)
    throw new Unsupported('guard params');
  const impl = implementations.guards[name];
  if (typeof impl === 'function' && 'check' in impl) return evaluateCheck(r, impl, event);
  return evaluateLeaf(r, name, event);
}

/** XState's resolveAndExecuteActionsWithContext for the action kinds the machine uses. */
function resolveActions(r: Replay, actions: readonly ActionDef[], event: unknown) {
  for (const action of actions) {
    const inline = typeof action === 'function';
    const type =
      typeof action === 'string' ? action : inline ? (action as Builtin).type : action.type;
    const impl = (inline ? action : implementations.actions[type]) as Builtin | undefined;
    const params =
      inline || typeof action === 'string' || !('params' in action)
        ? undefined
        : typeof action.params === 'function'
          ? (action.params as unknown as Call)({ context: r.context, event })
          : action.params;
    if (!impl || !('resolve' in impl)) {
      r.emitted.push({
        type: inline ? (action as Fn).name || '(anonymous)' : type,
        params,
        context: r.context,
      });
      continue;
    }
    switch (impl.type) {
      case 'xstate.assign': {
        if (typeof impl.assignment !== 'function')
          throw new Unsupported('assign with a property map');
        const partial = (impl.assignment as unknown as Call)(
          { context: r.context, event, self: undefined, system: undefined, spawn: undefined },
          params,
        );
        r.context = Object.assign({}, r.context, partial);
        break;
      }
      case 'xstate.raise': {
        const args = { context: r.context, event, self: undefined, system: undefined };
        const raised =
          typeof impl.event === 'function'
            ? (impl.event as unknown as Call)(args, params)
            : impl.event;
        const configured =
          typeof impl.delay === 'string' ? implementations.delays[impl.delay] : impl.delay;
        const delay =
          typeof configured === 'function'
            ? (configured as unknown as Call)(args, params)
            : configured;
        if (typeof delay !== 'number') throw new Unsupported('raise without a delay');
        r.emitted.push({
          type: 'xstate.raise',
          params: { event: raised, id: impl.id, delay },
          context: r.context,
        });
        break;
      }
      case 'xstate.cancel': {
        const args = { context: r.context, event, self: undefined, system: undefined };
        const sendId =
          typeof impl.sendId === 'function'
            ? (impl.sendId as unknown as Call)(args, params)
            : impl.sendId;
        r.emitted.push({ type: 'xstate.cancel', params: { sendId }, context: r.context });
        break;
      }
      case 'xstate.enqueueActions': {
        const queued: ActionDef[] = [];
        const enqueue = (a: ActionDef) => void queued.push(a);
        const context = r.context;
        impl.collect!(
          ...([
            {
              context,
              event,
              enqueue,
              check: (g: unknown) => evaluateCheck(r, g, event),
              self: undefined,
              system: undefined,
            },
            params,
          ] as never[]),
        );
        resolveActions(r, queued, event);
        break;
      }
      default:
        throw new Unsupported(`action ${impl.type}`);
    }
  }
}

export function replay(
  root: TapeNode | undefined,
  context: ProcedureContext,
  own: unknown,
): Microstep[] {
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
        // A trie node is reached from one configuration on one event type, so it names its move.
        r.microsteps.push({
          snapshot: toSnapshot(node.configuration, r.context),
          actions: r.emitted,
          move: node,
        });
        r.emitted = [];
        r.node = node.next;
        break;
      case 'end':
        return r.microsteps;
    }
  }
}
