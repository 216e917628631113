// The nearest protected path (src/engine/whyNot.ts) as a second path on the step view's diagram: the two-runs
// overlay (CompareOverlay) with this child's path as A and the changed case as B, each change named in the
// parting box with the first rule (milestone and basis) it triggers; the panel lists them all.
import { stepCase, type Run } from '../../../machines/case/run';
import type { CaseFile } from '../../../machines/case/types';
import { m } from '../../i18n/messages';
import { compareRuns } from '../../view-model/compare';
import type { DiagramComparison } from '../diagram/highlight';
import { label } from '../step/labels';
import { ADDED_STATEMENT_DAY, type AppliedChange, type ChangeId } from '../../engine/whyNot';

export const CHANGE_LABELS: Record<ChangeId, () => string> = {
  indicatorsRecognised: m.whynot_change_indicatorsRecognised,
  vulnerableRecognised: m.whynot_change_vulnerableRecognised,
  ageAccepted: m.whynot_change_ageAccepted,
  statementMade: () => m.whynot_change_statementMade({ day: ADDED_STATEMENT_DAY }),
  tiesCut: m.whynot_change_tiesCut,
  staysInCare: m.whynot_change_staysInCare,
};

/** A basis up to its first clause: the diagram's box stays short, the panel gives it in full. */
const shortBasis = (basis: string) => basis.split(/[;(:]/)[0].trim();

/** One line per change: what changes and the first rule (milestone and basis) it triggers, with how many more. */
export function describeChanges(changes: readonly AppliedChange[]): string[] {
  return changes.map((change, i) => {
    const [first, ...more] = change.triggers;
    const rule = first ? `${label('milestone', first.id)} (${shortBasis(first.basis)})` : m.whynot_no_new_milestone();
    return m.whynot_overlay_change({
      n: i + 1,
      change: CHANGE_LABELS[change.id](),
      rules: more.length ? `${rule} ${m.whynot_overlay_more({ count: more.length })}` : rule,
    });
  });
}

/** The overlay for this child's run and its nearest protected case. */
export function getWhyNotComparison(run: Run, changed: CaseFile, changes: readonly AppliedChange[]): DiagramComparison {
  const alternative = stepCase(changed);
  const runs = compareRuns(run, alternative);
  return {
    transitionsA: runs.transitionsA,
    transitionsB: runs.transitionsB,
    ...(runs.partingStateId && { partingStateId: runs.partingStateId }),
    endA: runs.endA,
    endB: runs.endB,
    reason: m.whynot_overlay_reason({ count: changes.length }),
    notes: describeChanges(changes),
    outcomeA: label('outcome', run.trace.outcome),
    outcomeB: label('outcome', alternative.trace.outcome),
    legend: [m.whynot_legend_child(), m.whynot_legend_alternative()],
  };
}
