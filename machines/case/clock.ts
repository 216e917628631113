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

export class Clock {
  readonly #caseEvents: readonly StepEvent[];
  readonly #horizon: number;
  readonly #timers = new Map<string, Timer>();
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

  schedule(id: string | undefined, delayDays: number, event: { type: string }): void {
    const day = this.today + delayDays;
    const startsDay = id !== undefined && this.#startOfDay.size > 0 && startsItsDay(id, this.#startOfDay);
    this.#timers.set(id ?? `timer${this.#seq}`, { startedDay: this.today, day, seq: this.#seq++, event: { ...event, day }, startsDay });
  }

  /** Cancels a running timer; returns it as it stood (when reporting), or undefined if it was not running. */
  cancel(id: string): TimerReport | undefined {
    const timer = this.#timers.get(id);
    if (!timer) return undefined;
    this.#timers.delete(id);
    return this.#reports ? toReport(id, timer) : undefined;
  }

  /** The next event up to the horizon (removing it from the queue), with the timer it came from; undefined when none. */
  next(): { event: StepEvent; fired?: TimerReport } | undefined {
    const caseEvent = this.#caseEvents[this.#nextCase];
    let timer: [string, Timer] | undefined;
    for (const entry of this.#timers) if (!timer || isSooner(entry[1], timer[1])) timer = entry;
    const useCase =
      caseEvent !== undefined &&
      (!timer || caseEvent.day < timer[1].day || (caseEvent.day === timer[1].day && !timer[1].startsDay));
    const event = useCase ? caseEvent : timer?.[1].event;
    if (!event || event.day > this.#horizon) return undefined;
    this.today = event.day;
    if (useCase) {
      this.#nextCase++;
      return { event };
    }
    this.#timers.delete(timer![0]);
    return this.#reports ? { event, fired: toReport(timer![0], timer![1]) } : { event };
  }

  /** The timers running now, soonest first. */
  running(): TimerReport[] {
    return [...this.#timers]
      .sort((a, b) => a[1].day - b[1].day || a[1].seq - b[1].seq)
      .map(([id, timer]) => toReport(id, timer));
  }
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

function toReport(id: string, timer: Timer): TimerReport {
  return { id, ...parseTimerId(id), startedDay: timer.startedDay, dueDay: timer.day };
}
