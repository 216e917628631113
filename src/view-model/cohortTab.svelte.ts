// The Cohorts tab's work, kept for the page: the session (settings, results, a run under way), the sensitivity
// analysis and the choices made on the charts. The app re-renders its whole tree when the UI language changes
// ({#key language.current} in App.svelte), so the view is remounted; it takes this back instead of starting
// empty, and every label is drawn again in the new language from the same results. Nothing here holds words.
import type { CaseFile } from '../../machines/case/types';
import type { ParamName } from '../engine/assumptions/schema';
import { CohortSession } from './cohort.svelte';
import { SensitivitySession } from './sensitivity.svelte';

/** The funnel panel: every milestone or the overview, and side by side or small multiples (null: by count). */
export class FunnelChoices {
  every = $state(false);
  view = $state<'side' | 'small' | null>(null);
}

/** No group expanded. Each change sets a new set, so a plain one is reactive enough. */
const NONE_EXPANDED: ReadonlySet<string> = new Set();

/** The flows panel: overview or detail, the sliders' picks (null: the view's default), the expanded groups. */
export class SankeyChoices {
  detail = $state(false);
  activities = $state<number | null>(null);
  percent = $state<number | null>(null);
  expanded = $state.raw(NONE_EXPANDED);
  tableOpen = $state(false);
}

/** The year-by-year panel of a period cohort. */
export class SeriesChoices {
  scale = $state<'share' | 'count'>('share');
  rulesOpen = $state(true);
}

/** The map on the procedure: the configuration shown and the transition picked. */
export class MapChoices {
  shown = $state(0);
  selected = $state<string | undefined>();
  tableOpen = $state(false);
}

export class CohortChoices {
  /** the configuration the flows and paths show */
  shown = $state(0);
  setEditorOpen = $state(false);
  /** each configuration row's reforms list, open or not */
  reformsOpen = $state<boolean[]>([]);
  sensitivityTableOpen = $state(false);
  readonly funnel = new FunnelChoices();
  readonly sankey = new SankeyChoices();
  readonly series = new SeriesChoices();
  readonly map = new MapChoices();
}

export interface CohortTabOptions {
  /** stand-ins for the simulation workers (tests) */
  createWorker?: () => Worker;
  createSensitivityWorker?: () => Worker;
  /** names a parameter in the UI language, when the tornado is drawn (so it follows a language switch) */
  labelOf?: (param: ParamName) => string;
}

export class CohortTab {
  /** the shell's way to the step view; each mounted view sets its own */
  onopencase: (caseFile: CaseFile) => void = () => {};
  readonly session: CohortSession;
  readonly sensitivity: SensitivitySession;
  readonly choices = new CohortChoices();

  constructor(options: CohortTabOptions = {}) {
    this.session = new CohortSession({ onopencase: (caseFile) => this.onopencase(caseFile), createWorker: options.createWorker });
    this.sensitivity = new SensitivitySession({ createWorker: options.createSensitivityWorker, labelOf: options.labelOf });
  }
}

let kept: CohortTab | undefined;

/**
 * The page's one Cohorts tab, made on first use; a remounted view gets the same one back. Its workers live as
 * long as the page. The options apply when it is made.
 */
export function keptCohortTab(options?: CohortTabOptions): CohortTab {
  return (kept ??= new CohortTab(options));
}
