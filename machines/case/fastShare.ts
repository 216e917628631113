// The fast stepper's recordings as plain data (JSON, or structured clone between threads), and back. An export
// names only what the machine has: guards by name (with the result each recorded), action lists by their place
// in the machine, configurations by status and ordered node ids, XState-made events as data. Nothing is trusted
// on import: the export must be of this machine (its fingerprint), undamaged (a checksum of its body) and name
// only guards, lists and states the machine has; else it is refused with the reason.
import { implementations, type Configuration, type Recording, type TapeEntry } from './fastTape';
import { configurationFor, digest, listByPlace, lists, MACHINE_FINGERPRINT, nodeById, type ListPlace } from './fastMachine';

export const EXPORT_FORMAT = 'fast-stepper-recordings';
export const EXPORT_VERSION = 1;

export interface FastStepperExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** the machine's fingerprint (fastMachine.ts): an export is of one machine */
  machine: string;
  /** digest of JSON.stringify(body) */
  checksum: string;
  body: ExportBody;
}
interface ExportBody {
  /** guard names and event types */
  names: string[];
  /** state node ids */
  ids: string[];
  /** per configuration: its status (STATUSES index), then its ordered node ids (`ids` indices) */
  configurations: number[][];
  /** action lists by place */
  lists: ListPlace[];
  /** XState-made events: their JSON, and their own keys whose value is undefined (JSON drops them) */
  events: [string, string[]][];
  /**
   * The recordings end to end: per recording, its configuration (-1: the initial step) and event type (`names`),
   * then its tape: guard 0 name event result(0/1), actions 1 list event, microstep 2 configuration, end 3.
   * An event is -1 for the step's own event, else an `events` index.
   */
  tapes: number[];
}

const STATUSES: readonly Configuration['status'][] = ['active', 'done', 'error'];
const GUARD = 0;
const ACTIONS = 1;
const MICROSTEP = 2;
const END = 3;
const OWN = -1;

/** Refused import: what was wrong with the export. */
export class ImportRefused extends Error {
  constructor(reason: string) {
    super(`fast stepper: import refused: ${reason}`);
    this.name = 'ImportRefused';
  }
}

/** Numbers each distinct value once. */
function table<T>(key: (value: T) => unknown = (v) => v) {
  const at = new Map<unknown, number>();
  const values: T[] = [];
  return {
    values,
    of(value: T): number {
      const k = key(value);
      let i = at.get(k);
      if (i === undefined) at.set(k, (i = values.push(value) - 1));
      return i;
    },
  };
}

function encodeEvent(event: unknown): [string, string[]] {
  const json = JSON.stringify(event);
  const undefinedKeys = Object.keys(event as object).filter((k) => (event as Record<string, unknown>)[k] === undefined);
  const back = decodeEvent([json, undefinedKeys]);
  if (JSON.stringify(back) !== json || Object.keys(back).length !== Object.keys(event as object).length)
    throw new Error(`fast stepper: cannot export the event ${json} as data`);
  return [json, undefinedKeys];
}
function decodeEvent([json, undefinedKeys]: [string, string[]]): Record<string, unknown> {
  const event = JSON.parse(json) as Record<string, unknown>;
  for (const k of undefinedKeys) event[k] = undefined;
  return event;
}

export function encodeRecordings(recordings: readonly Recording[]): FastStepperExport {
  const names = table<string>();
  const ids = table<string>();
  const configurations = table<Configuration>();
  const listsUsed = table<number>();
  // XState makes a done event anew on every step: equal events are numbered once.
  const events = table<[string, string[]]>((e) => JSON.stringify(e));
  const eventNumbers = new Map<unknown, number>();
  const tapes: number[] = [];
  const event = (own: boolean, e: unknown) => {
    if (own) return OWN;
    let n = eventNumbers.get(e);
    if (n === undefined) eventNumbers.set(e, (n = events.of(encodeEvent(e))));
    return n;
  };
  for (const r of recordings) {
    tapes.push(r.from ? configurations.of(r.from) : -1, names.of(r.type));
    for (const t of r.tape) {
      if (t.kind === 'guard') tapes.push(GUARD, names.of(t.name), event(t.own, t.event), t.result ? 1 : 0);
      else if (t.kind === 'actions') tapes.push(ACTIONS, listsUsed.of(t.list), event(t.own, t.event));
      else if (t.kind === 'microstep') tapes.push(MICROSTEP, configurations.of(t.configuration));
      else tapes.push(END);
    }
  }
  const body: ExportBody = {
    names: names.values,
    ids: [],
    configurations: configurations.values.map((c) => [STATUSES.indexOf(c.status), ...c.nodeIds.map((id) => ids.of(id))]),
    lists: listsUsed.values.map((l) => lists[l]!.place),
    events: events.values,
    tapes,
  };
  body.ids = ids.values;
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, machine: MACHINE_FINGERPRINT, checksum: digest(JSON.stringify(body)), body };
}

const isIndex = (n: unknown, length: number) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < length;
const isStringArray = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');

/** The recordings of an export, every name resolved in this machine; throws ImportRefused. */
export function decodeRecordings(data: unknown): Recording[] {
  const refuse = (reason: string): never => {
    throw new ImportRefused(reason);
  };
  const d = data as Partial<FastStepperExport> | null;
  if (typeof d !== 'object' || d === null || d.format !== EXPORT_FORMAT) refuse('not an export of the fast stepper’s recordings');
  if (d!.version !== EXPORT_VERSION) refuse(`format version ${String(d!.version)}, this stepper reads version ${EXPORT_VERSION}`);
  if (d!.machine !== MACHINE_FINGERPRINT) refuse(`recorded from another machine (fingerprint ${String(d!.machine)}, this machine’s is ${MACHINE_FINGERPRINT})`);
  const body = d!.body as ExportBody;
  let text = '';
  try {
    text = JSON.stringify(body);
  } catch {
    refuse('its body is not plain data');
  }
  if (typeof d!.checksum !== 'string' || digest(text) !== d!.checksum) refuse('damaged (its checksum does not match its body)');
  if (!isStringArray(body.names) || !isStringArray(body.ids) || !Array.isArray(body.configurations) || !Array.isArray(body.lists))
    refuse('malformed tables');
  if (!Array.isArray(body.events) || !Array.isArray(body.tapes)) refuse('malformed tables');
  for (const id of body.ids) if (!nodeById.has(id)) refuse(`names a state node the machine does not have: ${id}`);
  for (const c of body.configurations)
    if (!Array.isArray(c) || !isIndex(c[0], STATUSES.length) || c.length < 2 || !c.slice(1).every((i) => isIndex(i, body.ids.length)))
      refuse('malformed configuration');
  // Made once all else is checked (a refused export adds no configuration); till then, tapes hold their indices.
  const configurations: Configuration[] = [];
  const listNumbers = body.lists.map((place) => {
    const n = listByPlace.get(JSON.stringify(place));
    return n ?? refuse(`names an action list the machine does not have: ${JSON.stringify(place)}`);
  });
  const events = body.events.map((e) => {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || !isStringArray(e[1])) refuse('malformed event');
    try {
      const event = decodeEvent(e);
      if (typeof event.type !== 'string') refuse('an event without a type');
      return Object.freeze(event);
    } catch (error) {
      if (error instanceof ImportRefused) throw error;
      return refuse('an event that is not JSON');
    }
  });
  const guardOf = (n: unknown) => {
    if (!isIndex(n, body.names.length)) refuse('malformed guard');
    const name = body.names[n as number]!;
    const guard = implementations.guards[name];
    // Only named guard functions are recorded (fastMachine.ts wraps them); combinators and stateIn are replayed.
    if (typeof guard !== 'function' || 'check' in guard) refuse(`names a guard the machine does not have: ${name}`);
    return name;
  };
  const tapes = body.tapes;
  let at = 0;
  const next = () => (at < tapes.length ? tapes[at++] : refuse('a recording is cut off'));
  const eventOf = (n: unknown) => {
    if (n === OWN) return { own: true, event: undefined };
    if (!isIndex(n, events.length)) refuse('malformed event reference');
    return { own: false, event: events[n as number] };
  };
  const out: Recording[] = [];
  while (at < tapes.length) {
    const from = next();
    const type = next();
    if (from !== -1 && !isIndex(from, body.configurations.length)) refuse('malformed recording');
    if (!isIndex(type, body.names.length)) refuse('malformed recording');
    const tape: TapeEntry[] = [];
    for (let kind = next(); ; kind = next()) {
      if (kind === GUARD) {
        const name = guardOf(next());
        const { own, event } = eventOf(next());
        const result = next();
        if (result !== 0 && result !== 1) refuse('malformed guard result');
        tape.push({ kind: 'guard', name, own, event, result: result === 1 });
      } else if (kind === ACTIONS) {
        const list = next();
        if (!isIndex(list, listNumbers.length)) refuse('malformed action list reference');
        tape.push({ kind: 'actions', list: listNumbers[list]!, ...eventOf(next()) });
      } else if (kind === MICROSTEP) {
        const c = next();
        if (!isIndex(c, body.configurations.length)) refuse('malformed configuration reference');
        tape.push({ kind: 'microstep', configuration: c as never });
      } else if (kind === END) {
        tape.push({ kind: 'end' });
        break;
      } else refuse('malformed recording');
    }
    if (from !== -1 && body.configurations[from]![0] !== STATUSES.indexOf('active')) refuse('a recording from a configuration that is not active');
    out.push({ from: from as never, type: body.names[type]!, tape });
  }
  for (const c of body.configurations) configurations.push(configurationFor(STATUSES[c[0]!]!, c.slice(1).map((i) => body.ids[i]!)));
  for (const r of out) {
    r.from = (r.from as unknown as number) === -1 ? null : configurations[r.from as unknown as number]!;
    for (const t of r.tape as TapeEntry[]) if (t.kind === 'microstep') t.configuration = configurations[t.configuration as unknown as number]!;
  }
  return out;
}
