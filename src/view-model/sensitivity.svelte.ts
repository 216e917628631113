// View-model of the cohort view's Sensitivity panel: the figure shown, the cohort size, the run in its own Web
// Worker (progress, cancel) and the table for the chosen figure. One analysis holds every figure, so choosing
// another figure redraws at once without a new run.
import type { AssumptionSet } from '../engine/assumptions';
import type { CohortConfig } from '../engine/generate';
import {
  DEFAULT_SENSITIVITY_COHORT,
  tableFor,
  type SensitivityFigure,
  type SensitivityProgress,
  type SensitivityRuns,
  type SensitivityTable,
} from '../engine/sensitivity';
import type { ParamName } from '../engine/assumptions/schema';
import type { SensitivityWorkerMessage, SensitivityWorkerRequest } from '../workers/sensitivity.worker';

export const SENSITIVITY_SIZES = [5_000, DEFAULT_SENSITIVITY_COHORT, 50_000] as const;
export type SensitivityStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

const createSensitivityWorker = () =>
  // Vite bundles a worker only from this inline form.
  new Worker(new URL('../workers/sensitivity.worker.ts', import.meta.url), { type: 'module' });

export interface SensitivitySessionOptions {
  createWorker?: () => Worker;
  /** names a parameter in the UI language */
  labelOf?: (param: ParamName) => string;
}

export class SensitivitySession {
  #figure = $state<SensitivityFigure>('protected');
  #cohort = $state<number>(DEFAULT_SENSITIVITY_COHORT);
  #status = $state<SensitivityStatus>('idle');
  #progress = $state.raw<SensitivityProgress | null>(null);
  #runs = $state.raw<SensitivityRuns | null>(null);
  #errorMessage = $state('');
  #worker: Worker | null = null;
  #runId = 0;
  #createWorker: () => Worker;
  #labelOf: (param: ParamName) => string;

  constructor(options: SensitivitySessionOptions = {}) {
    this.#createWorker = options.createWorker ?? createSensitivityWorker;
    this.#labelOf = options.labelOf ?? ((p) => p);
  }

  get figure(): SensitivityFigure {
    return this.#figure;
  }
  set figure(figure: SensitivityFigure) {
    this.#figure = figure;
  }
  get cohort(): number {
    return this.#cohort;
  }
  set cohort(size: number) {
    this.#cohort = size;
  }
  get status(): SensitivityStatus {
    return this.#status;
  }
  get progress(): SensitivityProgress | null {
    return this.#progress;
  }
  get errorMessage(): string {
    return this.#errorMessage;
  }
  get runs(): SensitivityRuns | null {
    return this.#runs;
  }
  /** the tornado's rows for the chosen figure, from the last completed analysis */
  get table(): SensitivityTable | null {
    return this.#runs ? tableFor(this.#runs, this.#figure, this.#labelOf) : null;
  }

  run(set: AssumptionSet, config: CohortConfig, seed: number) {
    this.cancel(false);
    const runId = ++this.#runId;
    this.#status = 'running';
    this.#progress = null;
    this.#errorMessage = '';
    const worker = (this.#worker ??= this.#createWorker());
    const fail = (message: string) => {
      this.#status = 'error';
      this.#errorMessage = message;
      this.#progress = null;
      this.#terminate();
    };
    worker.onmessage = (event: MessageEvent<SensitivityWorkerMessage>) => {
      const message = event.data;
      if (message.runId !== runId) return;
      if (message.type === 'progress') this.#progress = message.progress;
      else if (message.type === 'result') {
        this.#runs = message.runs;
        this.#status = 'done';
        this.#progress = null;
      } else fail(message.message);
    };
    worker.onerror = (event) => {
      if (runId === this.#runId) fail(event.message || 'the sensitivity worker stopped');
    };
    const request: SensitivityWorkerRequest = { type: 'run', runId, request: { set, config, seed, cohort: this.#cohort } };
    worker.postMessage(request);
  }

  /** Stops a run at once: the worker is terminated (a new one starts with the next run, its cache empty). */
  cancel(mark = true) {
    if (this.#status !== 'running') return;
    this.#terminate();
    this.#runId++;
    this.#progress = null;
    if (mark) this.#status = 'cancelled';
  }

  dispose() {
    this.#terminate();
  }

  #terminate() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
