// The run's simulated clock in days: the case's own events in order, and the machine's delayed events (timers) as
// the stepper hands them over (`xstate.raise` with a delay) or cancels them (`xstate.cancel`). On one day the
// case's events come first (a statement on the last day of a document still counts), then timers in the order set;
// except timers whose term starts the day (`startOfDay` delays: the 18th birthday), which come before them.
import type { StepEvent } from './events';

/** A timer as a step reports it: what it waits for, when it started and is due, and how it ended if it did. */
export interface TimerReport {
  /** XState's send id: `xstate.after.<delay>.<state id>` for a delayed transition */
  id: string;
  /** the machine's named delay (`reflectionValidity`, `untilMajority`…) */
  delay: string;
  /** the state whose delayed transition it is */
  stateId: string;
  startedDay: number;
  dueDay: number;
  ended?: {
    day: number;
    how: 'fired' | 'cancelled';
    /** the event of the step that ended it (for a cancel: the one whose transition left the timer's state) */
    byEvent: string;
    /** milestones recorded in that step: what replaced the timer's document, for a cancel */
    byMilestones: string[];
  };
}

interface Timer {
  id: string;
  startedDay: number;
  day: number;
  seq: number;
  event: StepEvent;
  /** fires before the case's events of its day */
  startsDay: boolean;
}

export function parseTimerId(id: string): { delay: string; stateId: string } {
  const m = id.match(/^xstate\.after\.([^.]+)\.(.+)$/);
  return m ? { delay: m[1]!, stateId: m[2]! } : { delay: id, stateId: '' };
}

/**
 * Where a clock stands between two events: the timers running (a copy: timers themselves never change), the
 * case events already handed out. A run that shares its beginning with another resumes from one (sharing.ts).
 */
export interface ClockState {
  readonly timers: readonly Timer[];
  readonly seq: number;
  readonly nextCase: number;
  readonly today: number;
}

export class Clock {
  readonly #caseEvents: readonly StepEvent[];
  readonly #horizon: number;
  // A run has a handful of timers at once: a list scanned whole is cheaper than a map.
  #timers: Timer[] = [];
  #seq = 0;
  #nextCase = 0;
  /** the day of the last event handed out */
  today = 0;

  readonly #reports: boolean;
  readonly #startOfDay: ReadonlySet<string>;

  /**
   * `reports`: whether cancel and next describe the timers they end (a kept step shows them; a cohort does not).
   * `startOfDay`: named delays whose timers fire before the case's events of their day.
   */
  constructor(caseEvents: readonly StepEvent[], horizon: number, reports = true, startOfDay: ReadonlySet<string> = new Set()) {
    this.#caseEvents = caseEvents;
    this.#horizon = horizon;
    this.#reports = reports;
    this.#startOfDay = startOfDay;
  }

  /** Sets a timer; one already set under the same id is replaced. */
  schedule(id: string | undefined, delayDays: number, event: { type: string }): void {
    const day = this.today + delayDays;
    const key = id ?? `timer${this.#seq}`;
    const startsDay = id !== undefined && this.#startOfDay.size > 0 && startsItsDay(id, this.#startOfDay);
    const timer: Timer = { id: key, startedDay: this.today, day, seq: this.#seq++, event: dated(event, day), startsDay };
    const at = this.#indexOf(key);
    if (at < 0) this.#timers.push(timer);
    else this.#timers[at] = timer;
  }

  /** Cancels a running timer; returns it as it stood (when reporting), or undefined if it was not running. */
  cancel(id: string): TimerReport | undefined {
    const at = this.#indexOf(id);
    if (at < 0) return undefined;
    const [timer] = this.#timers.splice(at, 1);
    return this.#reports ? toReport(timer!) : undefined;
  }

  /** The next event up to the horizon (removing it from the queue), with the timer it came from; undefined when none. */
  next(): { event: StepEvent; fired?: TimerReport } | undefined {
    const at = nextOf(this.#timers, this.#caseEvents, this.#nextCase, this.#horizon);
    if (at === NONE) return undefined;
    if (at === CASE_EVENT) {
      const event = this.#caseEvents[this.#nextCase++]!;
      this.today = event.day;
      return { event };
    }
    const [timer] = this.#timers.splice(at, 1);
    this.today = timer!.day;
    return this.#reports ? { event: timer!.event, fired: toReport(timer!) } : { event: timer!.event };
  }

  /** Where the clock stands now (to resume another run from, `resume`). */
  save(): ClockState {
    return { timers: this.#timers.slice(), seq: this.#seq, nextCase: this.#nextCase, today: this.today };
  }

  /** Goes back to a saved state, with this clock's own case events (their first `state.nextCase` the same as the saver's). */
  resume(state: ClockState): void {
    this.#timers = state.timers.slice();
    this.#seq = state.seq;
    this.#nextCase = state.nextCase;
    this.today = state.today;
  }

  /** The event `next` would hand out from a saved state with these case events (without handing it out). */
  static peek(state: ClockState, caseEvents: readonly StepEvent[], horizon: number): StepEvent | undefined {
    const at = nextOf(state.timers, caseEvents, state.nextCase, horizon);
    return at === NONE ? undefined : at === CASE_EVENT ? caseEvents[state.nextCase] : state.timers[at]!.event;
  }

  #indexOf(id: string): number {
    for (let i = 0; i < this.#timers.length; i++) if (this.#timers[i]!.id === id) return i;
    return -1;
  }

  /** The timers running now, soonest first. */
  running(): TimerReport[] {
    return [...this.#timers].sort((a, b) => a.day - b.day || a.seq - b.seq).map(toReport);
  }
}

const NONE = -2;
const CASE_EVENT = -1;
/** Which event comes next: the case's next one (CASE_EVENT), a timer (its index), or NONE up to the horizon. */
function nextOf(timers: readonly Timer[], caseEvents: readonly StepEvent[], nextCase: number, horizon: number): number {
  const caseEvent = caseEvents[nextCase];
  let soonest = -1;
  for (let i = 0; i < timers.length; i++) if (soonest < 0 || isSooner(timers[i]!, timers[soonest]!)) soonest = i;
  const timer = soonest < 0 ? undefined : timers[soonest]!;
  const useCase = caseEvent !== undefined && (!timer || caseEvent.day < timer.day || (caseEvent.day === timer.day && !timer.startsDay));
  const day = useCase ? caseEvent.day : timer ? timer.day : Infinity;
  if (day > horizon) return NONE;
  return useCase ? CASE_EVENT : soonest;
}

// XState's delayed events carry their type alone (`xstate.after.…`): those get one shape with their day.
const typeOnly = new WeakMap<object, boolean>();
function dated(event: { type: string }, day: number): StepEvent {
  let only = typeOnly.get(event);
  if (only === undefined) typeOnly.set(event, (only = Object.keys(event).length === 1));
  return only ? { type: event.type, day } : { ...event, day };
}

// Timer ids are few (one per delayed transition of the machine): each is parsed once per set of start-of-day delays.
const startsDayById = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
function startsItsDay(id: string, startOfDay: ReadonlySet<string>): boolean {
  let byId = startsDayById.get(startOfDay);
  if (!byId) startsDayById.set(startOfDay, (byId = new Map()));
  let starts = byId.get(id);
  if (starts === undefined) byId.set(id, (starts = startOfDay.has(parseTimerId(id).delay)));
  return starts;
}

/** Earlier day first; on one day, the timers that start it, then the order they were set in. */
function isSooner(a: Timer, b: Timer): boolean {
  if (a.day !== b.day) return a.day < b.day;
  if (a.startsDay !== b.startsDay) return a.startsDay;
  return a.seq < b.seq;
}

function toReport(timer: Timer): TimerReport {
  return { id: timer.id, ...parseTimerId(timer.id), startedDay: timer.startedDay, dueDay: timer.day };
}
