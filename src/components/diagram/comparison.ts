// A step session's comparison (two runs of the same child) as the diagram and the stage map draw it.
import type { Comparison } from '../../view-model/StepSession.svelte';
import { STAGE_OF, type StageNumber } from '../stagemap/stages';
import { label } from '../step/labels';
import type { DiagramComparison } from './highlight';
import type { Box } from './panZoom';
import { m } from '../../i18n/messages';
import { wrapWords } from '../../graph/plainLabels';

/** Nothing to draw when both runs take the same path. */
export function getDiagramComparison(c: Comparison | null): DiagramComparison | undefined {
  if (!c || c.difference.same) return undefined;
  const { runs } = c;
  return {
    transitionsA: runs.transitionsA,
    transitionsB: runs.transitionsB,
    ...(runs.partingStateId && { partingStateId: runs.partingStateId }),
    endA: runs.endA,
    endB: runs.endB,
    reason: c.reason,
    ...(runs.partingMilestone && { basis: runs.partingMilestone.basis }),
    outcomeA: label('outcome', c.before.outcome),
    outcomeB: label('outcome', c.after.outcome),
  };
}

export function getStageComparison(c: Comparison | null) {
  if (!c || c.difference.same) return undefined;
  const stage = c.runs.partingMilestone ? STAGE_OF[c.runs.partingMilestone.id] : undefined;
  return {
    a: c.before.milestones,
    outcomeA: c.before.outcome,
    b: c.after.milestones,
    outcomeB: c.after.outcome,
    ...(stage !== undefined && stage !== 'exit' && { partingStage: stage as StageNumber }),
    reason: c.reason,
  };
}

/** The "paths part here" flag beside the state where two runs part: its lines and its box, in layout units. */
export function getPartingFlag(parting: Box, title: string, basis: string | undefined, notes: string[] = [], wrapAt = 34) {
  const lines = [...wrapWords(title, wrapAt), ...(basis ? wrapWords(m.overlay_basis({ basis }), 40) : []), ...notes.flatMap((note) => wrapWords(note, 44))];
  const box = { x: parting.x + parting.width + 16, y: parting.y - 8, width: Math.max(...lines.map((l) => l.length)) * 8.6 + 20, height: lines.length * 20 + 10 };
  return { lines, box };
}
