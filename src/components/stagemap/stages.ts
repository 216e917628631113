// The reference's Stages 0–12 as a metro map: the protective main line (detection → … → B card), the
// criminal-justice line beside it, the other procedures, and each exit. Pure data and a pure reading of a
// run's milestones; no DOM.
//
// Choice: milestone → stage follows /work/shared/domain/reference.md (Stage 0 detection … Stage 12 exits).
// The procedure catalogue in machines/ is to hold each milestone's stage; until it does, this table does.
import type { Milestone, MilestoneId, OutcomeId } from '../../../machines/case/types';

export type StageNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

/** the main line, in the order a protected child travels it */
export const MAIN_LINE: StageNumber[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** side lines: drawn under the main line, between the stations they run beside */
export const SIDE_LINES: { stage: StageNumber; from: StageNumber; to: StageNumber }[] = [
  { stage: 10, from: 6, to: 9 },
  { stage: 11, from: 3, to: 5 },
];

export const STAGE_OF: Record<MilestoneId, StageNumber | 'exit'> = {
  detected: 0,
  presumedVictim: 0,
  nonPunishment: 0,
  notIdentified: 'exit',
  reportedToGuardianshipService: 1,
  outsideGuardianshipScope: 1,
  borderDetention: 2,
  observationCentre: 2,
  ageDoubted: 3,
  ageAssessment: 3,
  identifiedAsMinor: 3,
  identifiedAsAdult: 3,
  ageAppeal: 3,
  adultTrack: 'exit',
  guardianAppointed: 4,
  guardianshipEnded: 4,
  turned18: 4,
  specialisedCentre: 5,
  specialisedShelter: 5,
  reflectionPeriod: 6,
  minorResidenceDocument: 6,
  registrationCertificate: 7,
  temporaryResidenceCard: 8,
  permanentResidence: 9,
  residenceWithdrawn: 'exit',
  statementGiven: 10,
  prosecutionDismissed: 10,
  requisitions: 10,
  conviction: 10,
  acquittal: 10,
  asylumApplication: 11,
  durableSolutionProcedure: 11,
  returned: 'exit',
  disappeared: 'exit',
};

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
