// "Why not protected?": the fewest changes of facts a professional or the child could change (indicators
// recognised, age accepted as declared, a statement made, ties cut, staying in care…) that turn a child's
// outcome into protection. Facts fixed by the case (nationality, exploitation, prosecution) are never changed,
// as Blawx separates facts of the case from facts a user may change. Breadth-first by number of changes, so
// the first answer is a fewest-changes one; bounded by runs and time, and says when nothing was found.
import { runCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import type { CaseFile, Milestone, OutcomeId, Trace } from '../../machines/case/types';
import { VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';

export type ChangeId =
  | 'indicatorsRecognised'
  | 'vulnerableRecognised'
  | 'ageAccepted'
  | 'statementMade'
  | 'tiesCut'
  | 'staysInCare';

interface ChangeRule {
  id: ChangeId;
  /** the case with this fact changed, or null when the case already has it (or it cannot apply) */
  apply(caseFile: CaseFile): CaseFile | null;
}

/** Day of the statement when one is added: within the reflection period (assumption, told in the answer). */
export const ADDED_STATEMENT_DAY = 30;

export const CHANGES: ChangeRule[] = [
  {
    id: 'indicatorsRecognised',
    apply: (c) =>
      c.detection.exploitation !== 'none' && !c.detection.indicatorsRecognised
        ? { ...c, detection: { ...c.detection, indicatorsRecognised: true } }
        : null,
  },
  {
    id: 'vulnerableRecognised',
    apply: (c) =>
      c.detection.vulnerable === false ? { ...c, detection: { ...c.detection, vulnerable: true } } : null,
  },
  {
    id: 'ageAccepted',
    apply: (c) => (c.age?.doubted ? { ...c, age: { doubted: false } } : null),
  },
  {
    id: 'statementMade',
    apply: (c) =>
      (c.cooperation?.statementDay ?? null) === null
        ? { ...c, cooperation: { ...c.cooperation, statementDay: ADDED_STATEMENT_DAY } }
        : null,
  },
  {
    id: 'tiesCut',
    apply: (c) => (c.tiesCut !== true ? { ...c, tiesCut: true } : null),
  },
  {
    id: 'staysInCare',
    apply: (c) => (c.disappearsDay !== null && c.disappearsDay !== undefined ? { ...c, disappearsDay: null } : null),
  },
];

export interface AppliedChange {
  id: ChangeId;
  /** milestones this change brings that the path before it lacked: the rules it triggers, with basis and source */
  triggers: Pick<Milestone, 'id' | 'basis' | 'source'>[];
}

export type WhyNotAnswer =
  | { status: 'alreadyProtected'; runs: number }
  | { status: 'found'; changes: AppliedChange[]; caseFile: CaseFile; trace: Trace; runs: number }
  | { status: 'none'; runs: number; tried: ChangeId[] }
  | { status: 'bounded'; runs: number; tried: ChangeId[] };

export interface WhyNotOptions {
  protectedOutcomes?: readonly OutcomeId[];
  /** at most this many machine runs (default 200) */
  maxRuns?: number;
  /** and at most this long, in ms (default 2000) */
  timeBudgetMs?: number;
  run?: (caseFile: CaseFile) => Trace;
}

function* combinations<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) return yield [];
  for (let i = start; i <= items.length - size; i++)
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i], ...rest];
}

export function findNearestProtectedPath(caseFile: CaseFile, options: WhyNotOptions = {}): WhyNotAnswer {
  const run = options.run ?? ((c: CaseFile) => runCase(c, { stepper: fastStepper }));
  const goal = new Set(options.protectedOutcomes ?? VICTIM_PROTECTION);
  const maxRuns = options.maxRuns ?? 200;
  const deadline = performance.now() + (options.timeBudgetMs ?? 2000);
  let runs = 1;
  const original = run(caseFile);
  if (goal.has(original.outcome)) return { status: 'alreadyProtected', runs };
  // Only changes that apply to this case; a change that applies alone still applies after others (they touch
  // different facts), so combinations are built from this list.
  const applicable = CHANGES.filter((change) => change.apply(caseFile) !== null);
  const tried = applicable.map((c) => c.id);
  for (let size = 1; size <= applicable.length; size++) {
    for (const combo of combinations(applicable, size)) {
      if (runs >= maxRuns || performance.now() > deadline) return { status: 'bounded', runs, tried };
      const changed = combo.reduce((c, change) => change.apply(c) ?? c, caseFile);
      const trace = run(changed);
      runs++;
      if (goal.has(trace.outcome))
        return { status: 'found', changes: explain(caseFile, combo, run, original), caseFile: changed, trace, runs };
    }
  }
  return { status: 'none', runs, tried };
}

/** Applies the changes one by one and names, for each, the milestones (rules) it adds to the path. */
function explain(caseFile: CaseFile, combo: ChangeRule[], run: (c: CaseFile) => Trace, original: Trace): AppliedChange[] {
  let current = caseFile;
  let before = new Set(original.milestones.map((m) => m.id));
  return combo.map((change) => {
    current = change.apply(current) ?? current;
    const trace = run(current);
    const triggers: AppliedChange['triggers'] = [];
    for (const m of trace.milestones)
      if (!before.has(m.id) && !triggers.some((t) => t.id === m.id))
        triggers.push({ id: m.id, basis: m.basis, source: m.source });
    before = new Set([...before, ...trace.milestones.map((m) => m.id)]);
    return { id: change.id, triggers };
  });
}
