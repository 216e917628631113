// View-model of the Cohorts tab: the assumption set (editable JSON), 1–4 configurations, the run in a Web
// Worker (progress, cancel), and the results. Components only read these fields and call these methods.
import type { ReformId, Practice } from '../../machines/case/types';
import {
  ASSUMPTION_SETS,
  parseAssumptionText,
  type AssumptionSet,
  type Issue,
} from '../engine/assumptions';
import { generateChildCase, type CohortConfig } from '../engine/generate';
import type { CohortResult } from '../engine/aggregate';
import type { ProgressReport } from '../engine/simulate';
import type { CohortWorkerMessage, CohortWorkerRequest } from '../workers/cohort.worker';

export const MAX_CONFIGS = 4;
export const COHORT_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
const DRAFT_KEY = 'vps.cohort.draft';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export const PRESETS: Record<
  'years' | 'practice' | 'reforms',
  (base: CohortConfig) => CohortConfig[]
> = {
  // The 2018 column falls after the Council of State rulings of 28 June and 11 October 2018 (age of record),
  // so each column shows a change: EEA children's guardianship (2014), then the age of record.
  years: (base) =>
    ['2010-06-01', '2016-06-01', '2018-12-01'].map((asOf) => ({ ...base, asOf, reforms: [] })),
  practice: (base) =>
    (['asWritten', 'asReported'] as Practice[]).map((practice) => ({
      ...base,
      practice,
      reforms: [],
    })),
  reforms: (base) => [
    { ...base, reforms: [] },
    {
      ...base,
      reforms: [
        'noCooperationCondition',
        'presumptionOfMinority',
        'guardianForEveryChild',
        'specialisedShelterEveryRegion',
      ] as ReformId[],
    },
  ],
};

export class CohortSession {
  sets: AssumptionSet[] = ASSUMPTION_SETS;
  setId = $state(ASSUMPTION_SETS[0].id);
  /** an edited set, once it validates; used instead of the bundled one with the same id */
  edited = $state.raw<AssumptionSet | null>(null);
  draft = $state('');
  draftIssues = $state.raw<Issue[]>([]);
  cohort = $state<number>(10_000);
  seed = $state(1);
  configs = $state<CohortConfig[]>([]);
  status = $state<RunStatus>('idle');
  errorMessage = $state('');
  progress = $state.raw<{ index: number; report: ProgressReport } | null>(null);
  /** results of the last completed (or partly completed) run, one per configuration */
  results = $state.raw<CohortResult[]>([]);
  /** the set and seed the results were drawn with, to regenerate example children */
  private resultsSource: { set: AssumptionSet; seed: number; configs: CohortConfig[] } | null =
    null;
  private workers: Worker[] = [];
  private runId = 0;

  constructor() {
    const set = this.set;
    this.configs = [
      { asOf: set.calibratedFor.asOf, practice: set.calibratedFor.practice, reforms: [] },
    ];
    this.draft =
      (typeof localStorage !== 'undefined' && localStorage.getItem(DRAFT_KEY)) ||
      JSON.stringify(set, null, 2);
  }

  get set(): AssumptionSet {
    if (this.edited && this.edited.id === this.setId) return this.edited;
    return this.sets.find((s) => s.id === this.setId) ?? this.sets[0];
  }

  selectSet(id: string) {
    this.setId = id;
    this.edited = null;
    this.draftIssues = [];
    this.editDraft(JSON.stringify(this.set, null, 2));
  }

  editDraft(text: string) {
    this.draft = text;
    // The user's text is kept even when it does not parse, so no edit is ever lost.
    try {
      localStorage.setItem(DRAFT_KEY, text);
    } catch {
      /* storage full or disabled: the draft stays in memory */
    }
  }

  /** Validates the draft; on success the edited set is used for the next run. */
  applyDraft(): boolean {
    const parsed = parseAssumptionText(this.draft);
    if (!parsed.ok) {
      this.draftIssues = parsed.issues;
      return false;
    }
    this.draftIssues = [];
    this.edited = parsed.value;
    if (!this.sets.some((s) => s.id === parsed.value.id)) this.sets = [...this.sets, parsed.value];
    this.setId = parsed.value.id;
    return true;
  }

  addConfig() {
    if (this.configs.length >= MAX_CONFIGS) return;
    const last = this.configs[this.configs.length - 1];
    this.configs = [...this.configs, { ...last, reforms: [...last.reforms] }];
  }
  removeConfig(index: number) {
    if (this.configs.length > 1) this.configs = this.configs.filter((_, i) => i !== index);
  }
  updateConfig(index: number, patch: Partial<CohortConfig>) {
    this.configs = this.configs.map((c, i) => (i === index ? { ...c, ...patch } : c));
  }
  toggleReform(index: number, reform: ReformId) {
    const c = this.configs[index];
    const reforms = c.reforms.includes(reform)
      ? c.reforms.filter((r) => r !== reform)
      : [...c.reforms, reform];
    this.updateConfig(index, { reforms });
  }
  applyPreset(name: keyof typeof PRESETS) {
    this.configs = PRESETS[name](this.configs[0]);
  }

  run() {
    this.cancel(false);
    const set = $state.snapshot(this.set) as AssumptionSet;
    const configs = $state.snapshot(this.configs) as CohortConfig[];
    // An emptied or fractional seed field still gives a valid, reproducible seed (shown back in the field).
    const seed = Math.min(2 ** 31 - 1, Math.max(0, Math.trunc(Number(this.seed)) || 0));
    this.seed = seed;
    const cohort = this.cohort;
    const runId = ++this.runId;
    this.status = 'running';
    this.errorMessage = '';
    this.progress = null;
    const results: CohortResult[] = [];
    const workers = this.ensureWorkers();
    const fail = (message: string) => {
      this.status = 'error';
      this.errorMessage = message;
      this.progress = null;
      this.terminateWorkers();
    };
    workers.forEach((worker, part) => {
      worker.onmessage = (event: MessageEvent<CohortWorkerMessage>) => {
        const message = event.data;
        if (message.runId !== runId) return;
        if (message.type === 'paths')
          workers[0].postMessage(message); // a helper's share, for worker 0
        else if (message.type === 'progress')
          this.progress = { index: message.index, report: message.report };
        else if (message.type === 'result') {
          results[message.index] = message.result;
          this.results = [...results];
          this.resultsSource = { set, seed, configs };
        } else if (message.type === 'done') {
          this.status = 'done';
          this.progress = null;
        } else if (message.type === 'error') fail(message.message);
      };
      worker.onerror = (event) => {
        if (runId === this.runId) fail(event.message || 'the simulation worker stopped');
      };
      const request: CohortWorkerRequest = {
        type: 'run',
        runId,
        requests: configs.map((config) => ({ set, config, seed, cohort })),
        part,
        parts: workers.length,
      };
      worker.postMessage(request);
    });
  }

  /** Stops a run at once: the worker is terminated (a new one starts with the next run). */
  cancel(mark = true) {
    if (this.status !== 'running') return;
    this.terminateWorkers();
    this.runId++;
    this.progress = null;
    if (mark) this.status = 'cancelled';
  }

  dispose() {
    this.terminateWorkers();
  }

  private terminateWorkers() {
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
  }

  /** Opens child `child` of configuration `index` in step mode (the shell listens for `open-case`). */
  openChild(index: number, child: number) {
    const source = this.resultsSource;
    if (!source) return;
    const caseFile = generateChildCase(source.set, source.configs[index], source.seed, child);
    window.dispatchEvent(new CustomEvent('open-case', { detail: caseFile }));
  }

  /** One worker per core (at most 4), kept between runs for their caches. */
  private ensureWorkers(): Worker[] {
    if (this.workers.length === 0) {
      const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
      for (let k = 0; k < count; k++) {
        this.workers.push(
          new Worker(
            // Vite bundles a worker only from this inline form; the URL is not reactive state.
            // eslint-disable-next-line svelte/prefer-svelte-reactivity
            new URL('../workers/cohort.worker.ts', import.meta.url),
            { type: 'module' },
          ),
        );
      }
    }
    return this.workers;
  }
}
