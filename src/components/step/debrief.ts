// The quiz debrief read from the session: each stop the room met, its pick, the option the case follows and
// the bases of what the procedure did there. Labels and citations in the UI language, the raw citation beside it.
import { m } from '../../i18n/messages';
import type { StepSession } from '../../view-model/StepSession.svelte';
import { DECISIONS } from '../../view-model/decisions';
import { answeringMilestones, procedureOption, type Debrief, type DebriefLabels } from '../../view-model/quiz';
import { label } from './labels';
import { describeSource, sourceId } from '../../i18n/citations';
import { legalBasis } from '../../view-model/legalBasis';
import { milestoneBasis } from '../../../machines/case/trace';

export function buildDebrief(session: StepSession): Debrief {
  const items = [...session.quiz.answers]
    .sort((a, b) => a.stepIndex - b.stepIndex)
    .flatMap((answer) => {
      const step = session.steps[answer.stepIndex];
      const decision = DECISIONS.find((d) => d.id === answer.decisionId);
      if (!step || !decision) return [];
      const optionOf = (id: string) => decision.options.find((o) => o.id === id)!;
      const procedureId = procedureOption(decision, session.caseFile, session.trace?.outcome, (id) => session.previewOutcome(optionOf(id), step));
      return [{
        stepIndex: answer.stepIndex,
        day: step.day,
        date: step.date,
        who: decision.who(),
        question: decision.question(),
        picked: answer.pickedId ? optionOf(answer.pickedId)?.label() : undefined,
        procedure: procedureId ? optionOf(procedureId).label() : undefined,
        matched: answer.pickedId && procedureId ? answer.pickedId === procedureId : null,
        bases: answeringMilestones(decision, step.milestones).map((ms) => ({ milestone: label('milestone', ms.id), basis: milestoneBasis(ms), source: ms.source })),
      }];
    });
  return {
    title: session.caseFile.title ?? '',
    outcome: session.trace ? label('outcome', session.trace.outcome) : '',
    items,
  };
}

export function debriefLabels(): DebriefLabels {
  return {
    heading: m.quiz_debrief(),
    outcome: m.step_outcome(),
    step: (n, day, date) => m.quiz_debrief_step({ n, day, date }),
    picked: m.quiz_room_picked(),
    procedure: m.quiz_procedure_goes(),
    matched: m.quiz_matched(),
    differed: m.quiz_differed(),
    notAnswered: m.quiz_not_answered(),
    basis: m.step_basis(),
    basisText: (english) => {
      const shown = legalBasis(english);
      return shown.translated ? `${shown.text} [${m.label_colon({ label: m.legal_as_written() })} ${english}]` : english;
    },
    source: (raw) => m.source_with_id({ source: describeSource(raw), id: sourceId(raw) }),
    colon: m.punct_colon(),
  };
}
