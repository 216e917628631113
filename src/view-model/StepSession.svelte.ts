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
import { Quiz } from './Quiz.svelte';
import { m } from '../i18n/messages';
import { Replacements, type Replacement } from './replacement.svelte';

import { Autoplay, type Speed } from './autoplay.svelte';

export { SPEEDS, type Speed } from './autoplay.svelte';
export type { Replacement } from './replacement.svelte';

/** Everything a reload needs to come back exactly where the user was, valid case or not. */
export interface SessionSnapshot {
  case: CaseFile;
  step: number;
  scenarioId?: string;
  /** The last case that ran, when the working case does not (the walk goes on showing its path). */
  lastValid?: CaseFile;
  /** The comparison on show: its reason and the case it compares against. */
  compareWith?: { reason: string; case: CaseFile };
}

export interface Comparison {
  reason: string;
  /** The case before the change (kept so a reload can redraw the comparison). */
  beforeCase: CaseFile;
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
  /** The case `#run` was computed from. */
  #runCase = $state.raw<CaseFile | null>(null);
  /** Opened as a blank case: problems show only on fields the user has touched, until the case first runs. */
  #blankStart = $state(false);
  #touched = $state.raw<string[]>([]);
  #index = $state(0);
  #comparison = $state.raw<Comparison | null>(null);
  /** Counts the loads (and undos) since the page opened: what a notice about one load is tied to. */
  readonly #replacements = new Replacements();

  #issues: FieldIssue[] = $derived(findIssues(this.#caseFile));
  #visibleIssues: FieldIssue[] = $derived(
    this.#blankStart ? this.#issues.filter((i) => this.#touched.some((t) => i.path === t || i.path.startsWith(`${t}.`) || t.startsWith(`${i.path}.`))) : this.#issues,
  );
  #steps: Step[] = $derived(this.#run?.steps ?? []);
  #step: Step | undefined = $derived(this.#steps[this.#index]);
  /** The trainer's "What would you do?" mode; while a stop is unanswered the view shows the step before. */
  readonly quiz: Quiz = new Quiz(this);
  /** The step whose result the view shows: the one before while a quiz stop hides the current one (-1: none). */
  #shownIndex = $derived(this.quiz.isPending ? this.#index - 1 : this.#index);
  #isAtStart = $derived(this.#index === 0);
  #isAtEnd = $derived(this.#steps.length === 0 || this.#index >= this.#steps.length - 1);
  /** States visited up to the current step, in first-visit order. */
  #visitedStateIds: string[] = $derived(orderedUnique(this.#steps.slice(0, this.#shownIndex + 1).flatMap((s) => s.activeStateIds)));
  #takenTransitions: TakenTransition[] = $derived(this.#steps.slice(1, this.#shownIndex + 1).flatMap((s) => s.transitions));
  #milestonesSoFar: Milestone[] = $derived(this.#steps.slice(0, this.#shownIndex + 1).flatMap((s) => s.milestones));
  #nextEvents: string[] = $derived(this.#steps[this.#index + 1] && !this.quiz.isPending ? [this.#steps[this.#index + 1].event.type] : []);
  #decisions: Decision[] = $derived(decisionsAt(this.#step));

  // Autoplay stops at each quiz stop: the room answers before the step is shown.
  readonly #autoplay = new Autoplay(() => this.next() && !this.quiz.isPending);
  // A plain cache, deliberately not reactive: previews are read by a deferred task, never tracked.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #previews = new Map<string, Trace | null>();
  #stepper: Stepper;

  constructor(caseFile: CaseFile, options: { step?: number; scenarioId?: string; stepper?: Stepper; storage?: Storage } = {}) {
    this.#stepper = options.stepper ?? runSafely;
    if ('storage' in options) this.quiz.storage = options.storage;
    this.#load(caseFile, options);
    this.quiz.restore();
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
    return this.#autoplay.playing;
  }
  get speed(): Speed {
    return this.#autoplay.speed;
  }
  get comparison(): Comparison | null {
    return this.#comparison;
  }
  get issues(): FieldIssue[] {
    return this.#issues;
  }
  /** The problems the form shows (a blank case's untouched fields stay quiet). */
  get visibleIssues(): FieldIssue[] {
    return this.#visibleIssues;
  }
  get runCase(): CaseFile | null {
    return this.#runCase;
  }
  get shownIndex(): number {
    return this.#shownIndex;
  }
  get shownStep(): Step | undefined {
    return this.#steps[this.#shownIndex];
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
  get loads(): number {
    return this.#replacements.loads;
  }
  /** The case the last load replaced, while Undo can bring it back (see Replacement). */
  get replaced(): Replacement | null {
    return this.#replacements.replaced;
  }

  /**
   * Replace the case (scenario, upload, share link, another tab's): history and comparison start afresh. The case
   * it replaces is kept for Undo when it is not a scenario as shipped (which the picker loads again), or always
   * with `undoable` (a case opened from outside the step view).
   */
  load(caseFile: CaseFile, options: { step?: number; scenarioId?: string; blank?: boolean; undoable?: boolean } = {}): void {
    const previous = this.snapshot();
    const keep = options.undoable === true || this.#scenarioId === undefined;
    this.#load(caseFile, options);
    this.quiz.reset();
    this.#replacements.loaded(previous, keep);
  }

  /** Bring back the case the last load replaced; what was on show is kept in turn (nothing typed is lost). */
  undoReplace(): void {
    const previous = this.#replacements.undo(this.snapshot());
    if (previous) this.restore(previous);
  }

  /** The user has read the notice and keeps the case on show. */
  forgetReplaced(): void {
    this.#replacements.forget();
  }

  #load(caseFile: CaseFile, options: { step?: number; scenarioId?: string; blank?: boolean }): void {
    this.pause();
    this.#caseFile = caseFile;
    this.#scenarioId = options.scenarioId;
    this.#blankStart = options.blank === true;
    this.#touched = [];
    this.#comparison = null;
    this.#run = null;
    this.#runCase = null;
    this.#runError = null;
    this.#rerun();
    this.#index = this.#clamp(options.step ?? 0);
  }

  /** What a reload needs (see SessionSnapshot). */
  snapshot(): SessionSnapshot {
    return {
      case: this.#caseFile,
      step: this.#index,
      scenarioId: this.#scenarioId,
      ...(this.#runCase && this.#runCase !== this.#caseFile ? { lastValid: this.#runCase } : {}),
      ...(this.#comparison ? { compareWith: { reason: this.#comparison.reason, case: this.#comparison.beforeCase } } : {}),
    };
  }

  /** Come back to a snapshot: the same case (even an invalid one, over the path of its last valid version), step and comparison. */
  restore(saved: SessionSnapshot): void {
    this.#load(saved.lastValid ?? saved.case, { scenarioId: saved.scenarioId, blank: saved.scenarioId === 'blank' });
    if (saved.lastValid) {
      this.#caseFile = saved.case;
      if (this.#issues.length === 0) this.#rerun();
    }
    if (saved.compareWith && this.#run) {
      const before = this.#stepper(saved.compareWith.case);
      if (before.ok) {
        const after = this.#run.trace;
        this.#comparison = {
          reason: saved.compareWith.reason,
          beforeCase: saved.compareWith.case,
          before: before.run.trace,
          after,
          difference: comparePaths(before.run.trace, after),
          runs: compareRuns(before.run, this.#run),
        };
      }
    }
    this.#index = this.#clamp(saved.step);
    this.quiz.restore();
  }

  /**
   * A built-in scenario's title in another UI language: not an edit (the case stays the scenario as shipped, the
   * path does not change), so the picker still names it and the quiz keeps its answers under the new title.
   */
  retitle(title: string): void {
    if (this.#scenarioId === undefined || this.#caseFile.title === title) return;
    const before = this.#caseFile;
    this.#caseFile = { ...before, title };
    if (this.#runCase === before) this.#runCase = this.#caseFile;
    if (this.quiz.on || this.quiz.answers.length) this.quiz.save();
  }

  /** A form edit: re-run when the case is valid, keep the step position. */
  edit(path: string, value: unknown): void {
    this.#caseFile = setCaseField(this.#caseFile, path, value);
    this.#scenarioId = undefined;
    if (this.#blankStart && !this.#touched.includes(path)) this.#touched = [...this.#touched, path];
    if (this.quiz.answers.length) this.quiz.reset();
    if (this.#issues.length === 0) this.#rerun();
  }

  /** A change whose effect on the path we show: rules date, practice, reforms or a decision. */
  change(next: CaseFile, reason: string): void {
    const beforeRun = this.#run;
    const beforeCase = this.#runCase;
    this.#caseFile = next;
    this.#scenarioId = undefined;
    if (this.quiz.answers.length) this.quiz.reset();
    if (this.#issues.length > 0) return;
    this.#rerun();
    const afterRun = this.#run;
    this.#comparison =
      beforeRun && afterRun && beforeCase
        ? {
            reason,
            beforeCase,
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
    this.change(option.apply(this.#caseFile, this.#step), m.label_value({ label: decision.who(), value: option.label() }));
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
  previewOutcome(option: DecisionOption, step: Step | undefined = this.#step): Trace['outcome'] | null {
    return this.previewTrace(option, step)?.outcome ?? null;
  }

  /** The whole trace an option (taken at `step`) would lead to (same cache). */
  previewTrace(option: DecisionOption, step: Step | undefined = this.#step): Trace | null {
    if (!step) return null;
    const changed = option.apply(this.#caseFile, step);
    const key = JSON.stringify(changed);
    if (!this.#previews.has(key)) {
      const result = findIssues(changed).length ? null : this.#stepper(changed);
      this.#previews.set(key, result?.ok ? result.run.trace : null);
    }
    return this.#previews.get(key) ?? null;
  }

  clearComparison(): void {
    this.#comparison = null;
  }

  next(): boolean {
    // At an unanswered quiz stop, "next" first shows what happened; the following press moves on.
    if (this.quiz.isPending) {
      this.quiz.reveal();
      return true;
    }
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
    if (this.#autoplay.playing || this.quiz.isPending) return;
    if (this.#isAtEnd) this.#index = 0;
    this.#autoplay.start();
  }
  pause(): void {
    this.#autoplay.stop();
  }
  togglePlay(): void {
    if (this.#autoplay.playing) this.pause();
    else this.play();
  }
  setSpeed(speed: Speed): void {
    this.#autoplay.setSpeed(speed);
  }
  dispose(): void {
    this.pause();
  }

  #rerun(): void {
    if (this.#issues.length > 0) return;
    const result = this.#stepper(this.#caseFile);
    if (result.ok) {
      this.#run = result.run;
      this.#runCase = this.#caseFile;
      this.#blankStart = false;
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
