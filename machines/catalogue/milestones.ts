// Every milestone of a trace, once: its reference stage (reference.md "Stage model", Stages 0–12), the trainer's
// chapter it belongs to, who acts, whether it may repeat, whether it is a status decision (it then carries the five
// conditions as they stood), whether the cohort overview shows it, and its message id. Every layer reads this table.
import type { MilestoneId } from '../case/types';

export const ACTORS = ['police', 'immigrationOffice', 'guardianshipService', 'guardian', 'centre', 'prosecutor'] as const;
export type Actor = (typeof ACTORS)[number];

/** The trainer's chapters (each has a trainer note): coarser than the reference stages, ordered as a walk-through. */
export const PHASES = ['detection', 'guardianship', 'age', 'placement', 'reflection', 'residence', 'justice', 'exit'] as const;
export type Phase = (typeof PHASES)[number];

export interface MilestoneEntry {
  /** reference.md, Stage model: 0 detection … 12 terminal/exit states */
  stage: number;
  phase: Phase;
  actor: Actor;
  /** may occur more than once in a trace (case-format.md) */
  repeats: boolean;
  /** a decision on the victim status: it carries the five conditions as they stood when it was taken */
  isStatusDecision: boolean;
  /** drawn in the cohort overview Sankey (the victim procedure and the age decision; outcomes carry the rest) */
  shownInOverview: boolean;
  messageId: `milestone_${MilestoneId}`;
}

type Row = [stage: number, phase: Phase, actor: Actor, flags?: { repeats?: true; status?: true; overview?: true }];

const ROWS: Record<MilestoneId, Row> = {
  detected: [0, 'detection', 'police'],
  presumedVictim: [0, 'detection', 'police', { overview: true }],
  notIdentified: [0, 'exit', 'police', { overview: true }],
  nonPunishment: [0, 'detection', 'prosecutor'],
  reportedToGuardianshipService: [1, 'guardianship', 'police'],
  outsideGuardianshipScope: [1, 'guardianship', 'guardianshipService', { overview: true }],
  observationCentre: [2, 'placement', 'centre'],
  borderDetention: [2, 'age', 'immigrationOffice'],
  ageDoubted: [3, 'age', 'guardianshipService'],
  ageAssessment: [3, 'age', 'guardianshipService', { overview: true }],
  identifiedAsMinor: [3, 'age', 'guardianshipService', { overview: true }],
  identifiedAsAdult: [3, 'age', 'guardianshipService', { overview: true }],
  ageAppeal: [3, 'age', 'guardian'],
  guardianAppointed: [4, 'guardianship', 'guardianshipService'],
  guardianshipEnded: [4, 'guardianship', 'guardianshipService'],
  specialisedCentre: [5, 'placement', 'centre', { overview: true }],
  specialisedShelter: [5, 'placement', 'centre'],
  reflectionPeriod: [6, 'reflection', 'immigrationOffice', { overview: true }],
  minorResidenceDocument: [6, 'reflection', 'immigrationOffice', { overview: true }],
  statementGiven: [10, 'justice', 'police', { overview: true }],
  registrationCertificate: [7, 'residence', 'immigrationOffice', { repeats: true, status: true, overview: true }],
  temporaryResidenceCard: [8, 'residence', 'immigrationOffice', { repeats: true, status: true, overview: true }],
  residenceWithdrawn: [8, 'residence', 'immigrationOffice', { status: true, overview: true }],
  permanentResidence: [9, 'residence', 'immigrationOffice', { status: true, overview: true }],
  prosecutionDismissed: [10, 'justice', 'prosecutor'],
  requisitions: [10, 'justice', 'prosecutor'],
  conviction: [10, 'justice', 'prosecutor'],
  acquittal: [10, 'justice', 'prosecutor'],
  durableSolutionProcedure: [11, 'exit', 'guardian', { overview: true }],
  asylumApplication: [12, 'exit', 'guardian'],
  returned: [12, 'exit', 'immigrationOffice'],
  disappeared: [12, 'exit', 'centre'],
  adultTrack: [12, 'exit', 'immigrationOffice'],
  turned18: [12, 'exit', 'guardianshipService'],
};

export const MILESTONES = Object.fromEntries(
  (Object.entries(ROWS) as [MilestoneId, Row][]).map(([id, [stage, phase, actor, flags = {}]]) => [
    id,
    {
      stage,
      phase,
      actor,
      repeats: flags.repeats === true,
      isStatusDecision: flags.status === true,
      shownInOverview: flags.overview === true,
      messageId: `milestone_${id}`,
    } satisfies MilestoneEntry,
  ]),
) as Record<MilestoneId, MilestoneEntry>;

export const MILESTONE_IDS = Object.keys(MILESTONES) as MilestoneId[];

/** The catalogue entry of a milestone id, or undefined for an id this model does not know (a newer engine's). */
export function getMilestone(id: string): MilestoneEntry | undefined {
  return (MILESTONES as Record<string, MilestoneEntry | undefined>)[id];
}
