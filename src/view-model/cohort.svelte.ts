// View-model of the Cohorts tab: the assumption set (editable JSON), 1–4 configurations, the run in a Web
// Worker (progress, cancel), and the results. Components only read these fields and call these methods.
import type { CaseFile, ReformId, Practice } from '../../machines/case/types';
import {
  ASSUMPTION_SETS,
  parseAssumptionText,
  type AssumptionSet,
  type Issue,
} from '../engine/assumptions';
import { generateChildCase, type CohortConfig } from '../engine/generate';
import type { CohortResult } from '../engine/aggregate';
import type { ProgressReport } from '../engine/simulate';
import type { CohortWorkerMessage, CohortWorkerRequest } from '../workers/cohortPart';
import { linkPeers } from '../workers/peers';
import { generatePeriodChildCase } from '../engine/period';
import type { Period, Spread } from '../engine/periodDates';

/** A period cohort's dates; each configuration's practice and reforms apply over it. */
export interface PeriodSettings {
  from: string;
  to: string;
  spread: Spread;
}

export const MAX_CONFIGS = 8;
/** Workers beyond this add more start-up and copying than they save on a cohort of the sizes offered. */
const MAX_WORKERS = 8;
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

export interface CohortSessionOptions {
  /** the shell opens an example child's case file in the step view */
  onopencase?: (caseFile: CaseFile) => void;
  /** the simulation worker (tests give a stand-in; the app uses the bundled cohort worker) */
  createWorker?: () => Worker;
}

const createCohortWorker = () =>
  new Worker(
    // Vite bundles a worker only from this inline form.
    new URL('../workers/cohort.worker.ts', import.meta.url),
    { type: 'module' },
  );

export class CohortSession {
  #sets = $state.raw<AssumptionSet[]>(ASSUMPTION_SETS);
  #setId = $state(ASSUMPTION_SETS[0].id);
  /** an edited set, once it validates; used instead of the bundled one with the same id */
  #edited = $state.raw<AssumptionSet | null>(null);
  #draft = $state('');
  #draftIssues = $state.raw<Issue[]>([]);
  #cohort = $state<number>(10_000);
  #seed = $state(1);
  #configs = $state.raw<CohortConfig[]>([]);
  /** set: every configuration runs over this period instead of on its one date */
  #period = $state.raw<PeriodSettings | null>(null);
  #status = $state<RunStatus>('idle');
  #errorMessage = $state('');
  #progress = $state.raw<{ index: number; report: ProgressReport } | null>(null);
  /** results of the last completed (or partly completed) run, one per configuration */
  #results = $state.raw<CohortResult[]>([]);
  /** the set and seed the results were drawn with, to regenerate example children */
  #resultsSource: {
    set: AssumptionSet;
    seed: number;
    configs: CohortConfig[];
    period: PeriodSettings | null;
  } | null = null;
  #workers: Worker[] = [];
  #runId = 0;
  #onopencase: (caseFile: CaseFile) => void;
  #createWorker: () => Worker;

  constructor(options: CohortSessionOptions = {}) {
    this.#onopencase = options.onopencase ?? (() => {});
    this.#createWorker = options.createWorker ?? createCohortWorker;
    const set = this.set;
    this.#configs = [
      { asOf: set.calibratedFor.asOf, practice: set.calibratedFor.practice, reforms: [] },
    ];
    this.#draft =
      (typeof localStorage !== 'undefined' && localStorage.getItem(DRAFT_KEY)) ||
      JSON.stringify(set, null, 2);
  }

  get sets(): AssumptionSet[] {
    return this.#sets;
  }
  get setId(): string {
    return this.#setId;
  }
  get draft(): string {
    return this.#draft;
  }
  get draftIssues(): Issue[] {
    return this.#draftIssues;
  }
  get cohort(): number {
    return this.#cohort;
  }
  get seed(): number {
    return this.#seed;
  }
  get configs(): CohortConfig[] {
    return this.#configs;
  }
  get status(): RunStatus {
    return this.#status;
  }
  get errorMessage(): string {
    return this.#errorMessage;
  }
  get progress(): { index: number; report: ProgressReport } | null {
    return this.#progress;
  }
  get results(): CohortResult[] {
    return this.#results;
  }
  get period(): PeriodSettings | null {
    return this.#period;
  }
  /** null: back to one detection date per configuration */
  setPeriod(period: PeriodSettings | null) {
    this.#period = period;
  }

  setCohort(size: number) {
    this.#cohort = size;
  }
  /** kept as typed (an emptied field is fine); `run` turns it into a valid seed */
  setSeed(seed: number) {
    this.#seed = seed;
  }

  get set(): AssumptionSet {
    if (this.#edited && this.#edited.id === this.#setId) return this.#edited;
    return this.#sets.find((s) => s.id === this.#setId) ?? this.#sets[0];
  }

  selectSet(id: string) {
    this.#setId = id;
    this.#edited = null;
    this.#draftIssues = [];
    this.editDraft(JSON.stringify(this.set, null, 2));
  }

  editDraft(text: string) {
    this.#draft = text;
    // The user's text is kept even when it does not parse, so no edit is ever lost.
    try {
      localStorage.setItem(DRAFT_KEY, text);
    } catch {
      /* storage full or disabled: the draft stays in memory */
    }
  }

  /** Validates the draft; on success the edited set is used for the next run. */
  applyDraft(): boolean {
    const parsed = parseAssumptionText(this.#draft);
    if (!parsed.ok) {
      this.#draftIssues = parsed.issues;
      return false;
    }
    this.#draftIssues = [];
    this.#edited = parsed.value;
    if (!this.#sets.some((s) => s.id === parsed.value.id)) this.#sets = [...this.#sets, parsed.value];
    this.#setId = parsed.value.id;
    return true;
  }

  addConfig() {
    if (this.#configs.length >= MAX_CONFIGS) return;
    const last = this.#configs[this.#configs.length - 1];
    this.#configs = [...this.#configs, { ...last, reforms: [...last.reforms] }];
  }
  removeConfig(index: number) {
    if (this.#configs.length > 1) this.#configs = this.#configs.filter((_, i) => i !== index);
  }
  updateConfig(index: number, patch: Partial<CohortConfig>) {
    this.#configs = this.#configs.map((c, i) => (i === index ? { ...c, ...patch } : c));
  }
  toggleReform(index: number, reform: ReformId) {
    const c = this.#configs[index];
    const reforms = c.reforms.includes(reform)
      ? c.reforms.filter((r) => r !== reform)
      : [...c.reforms, reform];
    this.updateConfig(index, { reforms });
  }
  applyPreset(name: keyof typeof PRESETS) {
    this.#configs = PRESETS[name](this.#configs[0]);
  }
  /** Three dates × two practices: six configurations side by side. */
  applyYearsByPractice() {
    const base = this.#configs[0];
    this.#configs = PRESETS.years(base).flatMap((c) =>
      (['asWritten', 'asReported'] as Practice[]).map((practice) => ({ ...c, practice })),
    );
  }

  /** What the workers are asked to run: the settings as they are now, one request per configuration. */
  #requests() {
    const set = $state.snapshot(this.set) as AssumptionSet;
    const configs = $state.snapshot(this.#configs) as CohortConfig[];
    const period = this.#period ? { ...this.#period } : null;
    // An emptied or fractional seed field still gives a valid, reproducible seed (shown back in the field).
    const seed = Math.min(2 ** 31 - 1, Math.max(0, Math.trunc(Number(this.#seed)) || 0));
    const cohort = this.#cohort;
    const requests = configs.map((config) => ({ set, config, seed, cohort, ...(period ? { period: periodOf(period, config) } : {}) }));
    return { set, configs, period, seed, requests };
  }

  /**
   * Starts the workers, if need be, and has them warm up on the settings as they are (cohortPart.ts): a run
   * asked for soon after starts with their code loaded and compiled. Nothing of the results depends on it.
   */
  warm() {
    if (this.#status === 'running') return;
    const { requests } = this.#requests();
    const workers = this.#ensureWorkers();
    workers.forEach((worker, part) => {
      const warm: CohortWorkerRequest = { type: 'warm', requests, part, parts: workers.length };
      worker.postMessage(warm);
    });
  }

  run() {
    this.cancel(false);
    const { set, configs, period, seed, requests } = this.#requests();
    this.#seed = seed;
    const runId = ++this.#runId;
    this.#status = 'running';
    this.#errorMessage = '';
    this.#progress = null;
    const results: CohortResult[] = [];
    const workers = this.#ensureWorkers();
    const fail = (message: string) => {
      this.#status = 'error';
      this.#errorMessage = message;
      this.#progress = null;
      this.#terminateWorkers();
    };
    let finished = 0;
    workers.forEach((worker, part) => {
      worker.onmessage = (event: MessageEvent<CohortWorkerMessage>) => {
        const message = event.data;
        if (message.type === 'warmed' || message.runId !== runId) return;
        if (message.type === 'progress')
          this.#progress = { index: message.index, report: message.report };
        else if (message.type === 'result') {
          results[message.index] = message.result;
          this.#results = [...results];
          this.#resultsSource = { set, seed, configs, period };
        } else if (message.type === 'done') {
          // Each worker says when its part is done; the run is done with the last of them.
          if (++finished < workers.length) return;
          this.#status = 'done';
          this.#progress = null;
        } else if (message.type === 'error') fail(message.message);
      };
      worker.onerror = (event) => {
        if (runId === this.#runId) fail(event.message || 'the simulation worker stopped');
      };
      const request: CohortWorkerRequest = { type: 'run', runId, requests, part, parts: workers.length };
      worker.postMessage(request);
    });
  }

  /** Stops a run at once: the worker is terminated (a new one starts with the next run). */
  cancel(mark = true) {
    if (this.#status !== 'running') return;
    this.#terminateWorkers();
    this.#runId++;
    this.#progress = null;
    if (mark) this.#status = 'cancelled';
  }

  dispose() {
    this.#terminateWorkers();
  }

  #terminateWorkers() {
    this.#workers.forEach((w) => w.terminate());
    this.#workers = [];
  }

  /** Opens child `child` of configuration `index` in step mode, through the shell's callback. */
  openChild(index: number, child: number) {
    const source = this.#resultsSource;
    if (!source) return;
    const config = source.configs[index];
    const caseFile = source.period
      ? generatePeriodChildCase(source.set, periodOf(source.period, config), source.seed, child)
      : generateChildCase(source.set, config, source.seed, child);
    this.#onopencase(caseFile);
  }

  /**
   * One worker per core (at most MAX_WORKERS), kept between runs for their caches, every pair linked by a
   * MessageChannel so that paths go from worker to worker without the main thread copying them.
   */
  #ensureWorkers(): Worker[] {
    if (this.#workers.length === 0) {
      const cores = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1;
      const count = Math.max(1, Math.min(MAX_WORKERS, cores));
      for (let k = 0; k < count; k++) this.#workers.push(this.#createWorker());
      const peers = linkPeers(count);
      this.#workers.forEach((worker, part) => {
        const connect: CohortWorkerRequest = { type: 'connect', part, peers: peers[part] };
        worker.postMessage(connect, peers[part].filter((p): p is MessagePort => p !== null));
      });
    }
    return this.#workers;
  }
}

function periodOf(settings: PeriodSettings, config: CohortConfig): Period {
  return { ...settings, practice: config.practice, reforms: [...config.reforms] };
}
