// The deadlines a child's documents and decisions run on: the milestone that opens each, the machine's delay that
// times it (where the machine has one), and the milestones that end it early. The engine reports the timers it
// runs and what cancelled them on each step; tests/machines/catalogue-deadlines.test.ts checks these `endedBy`
// lists against those cancels, so this table cannot drift from the machine.
import type { MilestoneId } from '../case/types';

export type DeadlineKind = 'reflection' | 'minorDocument' | 'registration' | 'card' | 'borderDetention' | 'appeal';

export interface DeadlineEntry {
  openedBy: MilestoneId;
  /** the machine's named delay that ends it, where the machine times it itself */
  delay?: string;
  /** milestones that end it before its term */
  endedBy: readonly MilestoneId[];
}

// The AI replaces the reflection document (Stage 7); a withdrawal ends the residence document in hand (Stage 8); the
// B card replaces the AI or A card (Stage 9); the move to the observation centre or the adult decision ends the border
// holding (Stage 2); the appeal lodged ends the window to appeal (Stage 3); a child who disappears or returns no
// longer runs any deadline.
const GONE: MilestoneId[] = ['disappeared', 'returned'];
export const DEADLINES: Record<DeadlineKind, DeadlineEntry> = {
  reflection: { openedBy: 'reflectionPeriod', delay: 'reflectionValidity', endedBy: ['registrationCertificate', 'residenceWithdrawn', ...GONE] },
  minorDocument: {
    openedBy: 'minorResidenceDocument',
    delay: 'minorDocumentValidity',
    endedBy: ['registrationCertificate', 'residenceWithdrawn', ...GONE],
  },
  registration: {
    openedBy: 'registrationCertificate',
    delay: 'registrationCertificateValidity',
    endedBy: ['residenceWithdrawn', 'permanentResidence', ...GONE],
  },
  card: { openedBy: 'temporaryResidenceCard', delay: 'temporaryCardValidity', endedBy: ['residenceWithdrawn', 'permanentResidence', ...GONE] },
  borderDetention: { openedBy: 'borderDetention', endedBy: ['observationCentre', 'identifiedAsAdult', ...GONE] },
  // The window to appeal an adult age decision runs from the decision; lodging the appeal closes it.
  appeal: { openedBy: 'identifiedAsAdult', endedBy: ['ageAppeal', ...GONE] },
};

export const DEADLINE_KINDS = Object.keys(DEADLINES) as DeadlineKind[];
