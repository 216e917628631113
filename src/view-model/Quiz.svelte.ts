// Trainer mode "What would you do?": at each step that raises a decision the step stays hidden (the view shows
// the path up to the step before), autoplay stops, the room picks an option, and only then the step, the path the
// law takes and where the other options lead are shown. Answers stay in this browser (localStorage) only.
import type { CaseFile } from '../../machines/case/types';
import type { Step } from '../../machines/case/run';
import type { Decision, DecisionOption } from './decisions';
import type { Answer } from './quiz';

export const QUIZ_KEY = 'vps.quiz.v1';

/** What the quiz needs from the step session (kept narrow so the two classes stay independent). */
export interface QuizHost {
  readonly caseFile: CaseFile;
  readonly index: number;
  readonly step: Step | undefined;
  readonly decisions: Decision[];
}

interface SavedQuiz {
  on: boolean;
  caseKey: string;
  answers: Answer[];
  revealed: number[];
}

export class Quiz {
  on = $state(false);
  answers = $state.raw<Answer[]>([]);
  /** Step indexes whose stop has been answered or revealed. */
  revealed = $state.raw<readonly number[]>([]);
  #host: QuizHost;
  /** Where answers are kept (undefined: not kept, e.g. in Node). */
  storage: Storage | undefined;

  constructor(host: QuizHost, storage: Storage | undefined = globalThis.localStorage) {
    this.#host = host;
    this.storage = storage;
  }

  /** The current step is a stop the room has not answered yet: its content stays hidden. */
  get isPending(): boolean {
    return this.on && this.#host.decisions.length > 0 && !this.revealed.includes(this.#host.index);
  }

  toggle(): void {
    this.on = !this.on;
    this.save();
  }

  answerOf(stepIndex: number, decisionId: string): Answer | undefined {
    return this.answers.find((a) => a.stepIndex === stepIndex && a.decisionId === decisionId);
  }

  /** The room's pick at the current stop; the stop opens once every question on it has a pick. */
  pick(decision: Decision, option: DecisionOption): void {
    const stepIndex = this.#host.index;
    if (this.revealed.includes(stepIndex)) return;
    this.answers = [...this.answers.filter((a) => !(a.stepIndex === stepIndex && a.decisionId === decision.id)), { stepIndex, decisionId: decision.id, pickedId: option.id }];
    if (this.#host.decisions.every((d) => this.answerOf(stepIndex, d.id))) this.reveal();
    else this.save();
  }

  /** Open the current stop (all picks made, or the trainer moves on without them). */
  reveal(): void {
    const stepIndex = this.#host.index;
    const missing = this.#host.decisions.filter((d) => !this.answerOf(stepIndex, d.id)).map((d) => ({ stepIndex, decisionId: d.id }));
    this.answers = [...this.answers, ...missing];
    this.revealed = [...this.revealed, stepIndex];
    this.save();
  }

  /** A new case (or a changed one): earlier answers belong to another path. */
  reset(): void {
    this.answers = [];
    this.revealed = [];
    this.save();
  }

  save(): void {
    const saved: SavedQuiz = { on: this.on, caseKey: caseKey(this.#host.caseFile), answers: this.answers, revealed: [...this.revealed] };
    try {
      this.storage?.setItem(QUIZ_KEY, JSON.stringify(saved));
    } catch {
      // private mode or full storage: the quiz still works, it is just not kept
    }
  }

  /** Restore the mode, and the answers when they were given on this very case. */
  restore(): void {
    try {
      const saved = JSON.parse(this.storage?.getItem(QUIZ_KEY) ?? 'null') as SavedQuiz | null;
      if (!saved) return;
      this.on = saved.on === true;
      if (saved.caseKey === caseKey(this.#host.caseFile) && Array.isArray(saved.answers)) {
        this.answers = saved.answers.filter((a) => typeof a?.stepIndex === 'number' && typeof a.decisionId === 'string');
        this.revealed = (saved.revealed ?? []).filter((n) => typeof n === 'number');
      }
    } catch {
      // unreadable: start without answers
    }
  }
}

/** A short fingerprint of the case (FNV-1a over its JSON): answers are only restored on the same case. */
export function caseKey(caseFile: CaseFile): string {
  const text = JSON.stringify(caseFile);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}
