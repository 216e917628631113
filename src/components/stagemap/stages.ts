// The reference's Stages 0–12 as a metro map: the protective main line (detection → … → B card), the
// criminal-justice line beside it, the other procedures, and each exit. Pure data and a pure reading of a
// run's milestones; no DOM.
//
// Each milestone's stage is the catalogue's (machines/catalogue/milestones.ts); Stage 12 is drawn as an exit.
import { m } from '../../i18n/messages';
import { MILESTONE_IDS, MILESTONES } from '../../../machines/catalogue/milestones';
import type { Milestone, MilestoneId, OutcomeId } from '../../../machines/case/types';

export type StageNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

/** the main line, in the order a protected child travels it */
export const MAIN_LINE: StageNumber[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** side lines: drawn under the main line, between the stations they run beside */
export const SIDE_LINES: { stage: StageNumber; from: StageNumber; to: StageNumber }[] = [
  { stage: 10, from: 6, to: 9 },
  { stage: 11, from: 3, to: 5 },
];

export const STAGE_OF = Object.fromEntries(
  MILESTONE_IDS.map((id) => [id, MILESTONES[id].stage === 12 ? 'exit' : (MILESTONES[id].stage as StageNumber)]),
) as Record<MilestoneId, StageNumber | 'exit'>;

/** outcomes that end the walk on the main line itself (the others leave it) */
const ON_THE_LINE: ReadonlySet<OutcomeId> = new Set(['permanentResidence', 'temporaryResidence']);

export interface StagePath {
  /** stages reached, in first-reached order */
  reached: StageNumber[];
  /** the furthest main-line station reached: where the child stands, or where they left the line */
  lastMain: StageNumber;
  /** the stage of the latest milestone */
  current: StageNumber;
  /** set once the child has left the line: the outcome and the station they left from */
  exit?: { outcome: OutcomeId; from: StageNumber; milestone?: MilestoneId };
}

/**
 * Where a run stands on the map after `milestones`; `outcome` is given once the run has reached it (the
 * last step), so the exit shows only when the class gets there.
 */
export function getStagePath(milestones: readonly Milestone[], outcome?: OutcomeId): StagePath {
  const reached: StageNumber[] = [];
  let current: StageNumber = 0;
  let exitMilestone: MilestoneId | undefined;
  for (const { id } of milestones) {
    const stage = STAGE_OF[id];
    if (stage === 'exit') {
      exitMilestone = id;
      continue;
    }
    if (stage === undefined) continue;
    current = stage;
    if (!reached.includes(stage)) reached.push(stage);
  }
  const onMain = MAIN_LINE.filter((s) => reached.includes(s));
  const lastMain = onMain.length ? onMain[onMain.length - 1] : 0;
  const leftBy = outcome && !ON_THE_LINE.has(outcome) ? outcome : undefined;
  return {
    reached: reached.length ? reached : [0],
    lastMain,
    current,
    ...(leftBy && { exit: { outcome: leftBy, from: lastMain, ...(exitMilestone && { milestone: exitMilestone }) } }),
  };
}

/** A station's name in the UI language ("Guardian"), its number when it has none. */
export function stageName(stage: StageNumber): string {
  return (m as unknown as Record<string, (() => string) | undefined>)[`stagemap_stage_${stage}`]?.() ?? String(stage);
}
