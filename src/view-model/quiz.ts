// "What would you do?" stops, pure part: where an alternative path parts from the case's path, which option the
// case's own facts follow, and the debrief (choices made vs the procedure, with the bases) as data, Markdown
// and JSON. No runes here: the Quiz view-model and the tests both call these.
import type { Milestone, OutcomeId, Trace } from '../../machines/case/types';
import type { Decision } from './decisions';

export interface Answer {
  stepIndex: number;
  decisionId: string;
  /** The room's pick; undefined when the trainer revealed without a pick. */
  pickedId?: string;
}

/** The first milestone (at or after `fromDay`) where `alternative` goes elsewhere than `path`. */
export function partingMilestone(path: Trace, alternative: Trace, fromDay: number): Milestone | undefined {
  const a = path.milestones.filter((ms) => ms.day >= fromDay);
  const b = alternative.milestones.filter((ms) => ms.day >= fromDay);
  for (let i = 0; i < b.length; i++) if (a[i]?.id !== b[i].id) return b[i];
  return undefined;
}

/**
 * The option the case's facts follow. The decision knows for most facts; for facts it cannot name (a statement
 * on day 20 is neither "within 10 days" nor "after 4 months" exactly), the first option whose run ends the same
 * way as the case stands in for it.
 */
export function procedureOption(decision: Decision, caseFile: Parameters<Decision['chosen']>[0], outcome: OutcomeId | undefined, outcomeOf: (optionId: string) => OutcomeId | null): string | undefined {
  const named = decision.chosen(caseFile);
  if (named) return named;
  return decision.options.find((o) => outcome && outcomeOf(o.id) === outcome)?.id;
}

/** The milestones of a step that answer this decision (those that raised it), else all the step's milestones. */
export function answeringMilestones(decision: Pick<Decision, 'raisedBy'>, milestones: Milestone[]): Milestone[] {
  const own = milestones.filter((ms) => decision.raisedBy.includes(ms.id));
  return own.length ? own : milestones;
}

export interface DebriefItem {
  stepIndex: number;
  day: number;
  date: string;
  who: string;
  question: string;
  picked?: string;
  procedure?: string;
  matched: boolean | null;
  /** What the procedure did at this stop: milestone names with their legal basis. */
  bases: { milestone: string; basis: string; source: string }[];
}

export interface Debrief {
  title: string;
  outcome: string;
  items: DebriefItem[];
}

export interface DebriefLabels {
  heading: string;
  outcome: string;
  step: (n: number, day: number, date: string) => string;
  picked: string;
  procedure: string;
  matched: string;
  differed: string;
  notAnswered: string;
  basis: string;
  /** a legal basis in the language, the English as the model writes it kept beside a translation */
  basisText: (english: string) => string;
  /** a citation as people read it, its raw id kept beside it */
  source: (raw: string) => string;
  /** the colon as the language writes it (French: a narrow no-break space before it) */
  colon: string;
}

export function toMarkdown(debrief: Debrief, labels: DebriefLabels): string {
  const c = labels.colon;
  const lines = [`# ${labels.heading}${c} ${debrief.title}`, '', `**${labels.outcome}${c}** ${debrief.outcome}`, ''];
  for (const item of debrief.items) {
    lines.push(`## ${labels.step(item.stepIndex + 1, item.day, item.date)}`, '', `**${item.who}${c}** ${item.question}`, '');
    lines.push(`- ${labels.picked}${c} ${item.picked ?? labels.notAnswered}`);
    lines.push(`- ${labels.procedure}${c} ${item.procedure ?? '?'}${item.matched === null ? '' : ` (${item.matched ? labels.matched : labels.differed})`}`);
    for (const b of item.bases) lines.push(`- ${b.milestone} — ${labels.basis}${c} ${labels.basisText(b.basis)} (${labels.source(b.source)})`);
    lines.push('');
  }
  return lines.join('\n');
}

export function toJson(debrief: Debrief): string {
  return JSON.stringify({ format: 'pathway-debrief/1', ...debrief }, null, 2);
}
