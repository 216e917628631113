// The trainer's chapter a step belongs to (for trainer notes): the catalogue's phase of the latest milestone so far.
import { getMilestone, type Phase } from '../../../machines/catalogue/milestones';
import type { Milestone } from '../../../machines/case/types';
import { m } from '../../i18n/messages';

export type Stage = Phase;

export function stageOf(milestones: Milestone[]): Stage {
  for (let i = milestones.length - 1; i >= 0; i--) {
    const stage = getMilestone(milestones[i].id)?.phase;
    if (stage) return stage;
  }
  return 'detection';
}

export const TRAINER_NOTES: Record<Stage, () => string> = {
  detection: m.note_detection,
  guardianship: m.note_guardianship,
  age: m.note_age,
  placement: m.note_placement,
  reflection: m.note_reflection,
  residence: m.note_residence,
  justice: m.note_justice,
  exit: m.note_exit,
};
