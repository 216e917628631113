// The step-through session: one case file, its run (stepCase), the step being shown, autoplay and the
// comparison with the path before the last change of rules/practice/reforms/choice. Runes live only here;
// components read getters and call methods.
import type { CaseFile, Milestone, Trace } from '../../machines/case/types';
import type { Run, Step, TakenTransition } from '../../machines/case/run';
import { runSafely, findIssues } from './engine';
import type { FieldIssue } from './caseChecks';
import { setCaseField } from '../../machines/case/casePath';
import { comparePaths, compareRuns, type PathDifference, type RunsCompared } from './compare';
import { decisionsAt, type Decision, type DecisionOption } from './decisions';
import { applyEvent } from '../../machines/case/events';

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface Comparison {
  reason: string;
  before: Trace;
  after: Trace;
  difference: PathDifference;
  /** the two runs step by step: where they part, for the diagram, stage map and timeline */
  runs: RunsCompared;
}

type Stepper = (caseFile: CaseFile) => ReturnType<typeof runSafely>;

export class StepSession {
  #caseFile = $state.raw<CaseFile>(null as unknown as CaseFile);
  #scenarioId = $state<string | undefined>(undefined);
  /** The last run of a valid case; kept while the form holds an invalid edit. */
  #run = $state.raw<Run | null>(null);
  #runError = $state<string | null>(null);
  #index = $state(0);
  #playing = $state(false);
  #speed = $state<Speed>(1);
  #comparison = $state.raw<Comparison | null>(null);

  #issues: FieldIssue[] = $derived(findIssues(this.#caseFile));
  #steps: Step[] = $derived(this.#run?.steps ?? []);
  #step: Step | undefined = $derived(this.#steps[this.#index]);
  #isAtStart = $derived(this.#index === 0);
  #isAtEnd = $derived(this.#steps.length === 0 || this.#index >= this.#steps.length - 1);
  /** States visited up to the current step, in first-visit order. */
  #visitedStateIds: string[] = $derived(orderedUnique(this.#steps.slice(0, this.#index + 1).flatMap((s) => s.activeStateIds)));
  #takenTransitions: TakenTransition[] = $derived(this.#steps.slice(1, this.#index + 1).flatMap((s) => s.transitions));
  #milestonesSoFar: Milestone[] = $derived(this.#steps.slice(0, this.#index + 1).flatMap((s) => s.milestones));
  #nextEvents: string[] = $derived(this.#steps[this.#index + 1] ? [this.#steps[this.#index + 1].event.type] : []);
  #decisions: Decision[] = $derived(decisionsAt(this.#step));

  #timer: ReturnType<typeof setInterval> | undefined;
  // A plain cache, deliberately not reactive: previews are read by a deferred task, never tracked.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #previews = new Map<string, Trace['outcome'] | null>();
  #stepper: Stepper;

  constructor(caseFile: CaseFile, options: { step?: number; scenarioId?: string; stepper?: Stepper } = {}) {
    this.#stepper = options.stepper ?? runSafely;
    this.load(caseFile, options);
  }

  // Read-only to components: every change goes through a method below.
  get caseFile(): CaseFile {
    return this.#caseFile;
  }
  get scenarioId(): string | undefined {
    return this.#scenarioId;
  }
  get run(): Run | null {
    return this.#run;
  }
  get runError(): string | null {
    return this.#runError;
  }
  get index(): number {
    return this.#index;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): Speed {
    return this.#speed;
  }
  get comparison(): Comparison | null {
    return this.#comparison;
  }
  get issues(): FieldIssue[] {
    return this.#issues;
  }
  get steps(): Step[] {
    return this.#steps;
  }
  get step(): Step | undefined {
    return this.#step;
  }
  get isAtStart(): boolean {
    return this.#isAtStart;
  }
  get isAtEnd(): boolean {
    return this.#isAtEnd;
  }
  get visitedStateIds(): string[] {
    return this.#visitedStateIds;
  }
  get takenTransitions(): TakenTransition[] {
    return this.#takenTransitions;
  }
  get milestonesSoFar(): Milestone[] {
    return this.#milestonesSoFar;
  }
  get nextEvents(): string[] {
    return this.#nextEvents;
  }
  get decisions(): Decision[] {
    return this.#decisions;
  }
  get trace(): Trace | undefined {
    return this.#run?.trace;
  }

  /** Replace the case (scenario, upload, share link, autosave): history and comparison start afresh. */
  load(caseFile: CaseFile, options: { step?: number; scenarioId?: string } = {}): void {
    this.pause();
    this.#caseFile = caseFile;
    this.#scenarioId = options.scenarioId;
    this.#comparison = null;
    this.#run = null;
    this.#rerun();
    this.#index = this.#clamp(options.step ?? 0);
  }

  /** A form edit: re-run when the case is valid, keep the step position. */
  edit(path: string, value: unknown): void {
    this.#caseFile = setCaseField(this.#caseFile, path, value);
    this.#scenarioId = undefined;
    if (this.#issues.length === 0) this.#rerun();
  }

  /** A change whose effect on the path we show: rules date, practice, reforms or a decision. */
  change(next: CaseFile, reason: string): void {
    const beforeRun = this.#run;
    this.#caseFile = next;
    this.#scenarioId = undefined;
    if (this.#issues.length > 0) return;
    this.#rerun();
    const afterRun = this.#run;
    this.#comparison =
      beforeRun && afterRun
        ? {
            reason,
            before: beforeRun.trace,
            after: afterRun.trace,
            difference: comparePaths(beforeRun.trace, afterRun.trace),
            runs: compareRuns(beforeRun, afterRun),
          }
        : null;
  }

  choose(decision: Decision, option: DecisionOption): void {
    if (!this.#step) return;
    // the reason in words: the comparison names it on the diagram and the stage map
    this.change(option.apply(this.#caseFile, this.#step), `${decision.who()}: ${option.label()}`);
  }

  /**
   * A next transition chosen on the diagram: the path's own next event just steps on; another event becomes a
   * case fact (it happens now), the case re-runs and the view moves to the step where it happened.
   */
  takeEvent(eventType: string): boolean {
    if (this.#nextEvents.includes(eventType)) return this.next();
    if (!this.#step) return false;
    const changed = applyEvent(this.#caseFile, eventType, this.#step);
    if (!changed) return false;
    const from = this.#index;
    this.change(changed, eventType);
    const at = this.#steps.findIndex((s, i) => i > from && s.event.type === eventType);
    if (at >= 0) this.#index = at;
    return at >= 0;
  }

  /** The outcome an option would lead to, from a full run of the changed case (cached: runs are pure). */
  previewOutcome(option: DecisionOption): Trace['outcome'] | null {
    if (!this.#step) return null;
    const changed = option.apply(this.#caseFile, this.#step);
    const key = JSON.stringify(changed);
    if (!this.#previews.has(key)) {
      const result = findIssues(changed).length ? null : this.#stepper(changed);
      this.#previews.set(key, result?.ok ? result.run.trace.outcome : null);
    }
    return this.#previews.get(key) ?? null;
  }

  clearComparison(): void {
    this.#comparison = null;
  }

  next(): boolean {
    if (this.#isAtEnd) {
      this.pause();
      return false;
    }
    this.#index += 1;
    return true;
  }
  back(): void {
    if (this.#index > 0) this.#index -= 1;
  }
  jump(index: number): void {
    this.#index = this.#clamp(index);
  }
  restart(): void {
    this.pause();
    this.#index = 0;
  }

  play(): void {
    if (this.#playing) return;
    if (this.#isAtEnd) this.#index = 0;
    this.#playing = true;
    this.#schedule();
  }
  pause(): void {
    this.#playing = false;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
  togglePlay(): void {
    if (this.#playing) this.pause();
    else this.play();
  }
  setSpeed(speed: Speed): void {
    this.#speed = speed;
    if (this.#playing) this.#schedule();
  }
  dispose(): void {
    this.pause();
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      if (!this.next()) this.pause();
    }, 1000 / this.#speed);
  }

  #rerun(): void {
    if (this.#issues.length > 0) return;
    const result = this.#stepper(this.#caseFile);
    if (result.ok) {
      this.#run = result.run;
      this.#runError = null;
      this.#index = this.#clamp(this.#index);
    } else {
      this.#runError = result.message;
    }
  }

  #clamp(index: number): number {
    const last = Math.max(0, this.#steps.length - 1);
    return Math.min(Math.max(0, Math.trunc(index) || 0), last);
  }
}

function orderedUnique(ids: string[]): string[] {
  return [...new Set(ids)];
}
