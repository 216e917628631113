// Plain-language labels for the statechart: each state and transition in words, from the message catalogue,
// never the guard or event code. Pure and catalogue-agnostic: the caller passes `translate` (paraglide's
// messages in the page, messages/*.json at build time when the layout sizes its boxes for every language).
// The code stays on the graph (eventType, guard, delay) for the diagram's expert view.
//
// Choice: until the procedure catalogue in machines/ gives each state and transition its own message id,
// state texts are keyed by state id and transition texts are composed from the event, the delay and the
// named guards (each guard phrased once, with a negative form where the machine negates it).

/** key → text in the UI language, or undefined when the catalogue has no such message */
export type Translate = (key: string, params?: Record<string, string>) => string | undefined;

/** characters per line on the diagram (labels wrap at word boundaries; the layout sizes boxes the same way) */
export const STATE_WRAP = 22;
export const TRANSITION_WRAP = 30;

const EVENT_KEYS: Record<string, string> = {
  'statement.given': 'event_statement_given',
  'ties.resumed': 'event_ties_resumed',
  'prosecution.requisitions': 'event_prosecution_requisitions',
  'prosecution.convicted': 'event_prosecution_convicted',
  'prosecution.acquitted': 'event_prosecution_acquitted',
  'prosecution.dismissed': 'event_prosecution_dismissed',
  'age.appealed': 'event_age_appealed',
  'age.appealDecided': 'event_age_appeal_decided',
  'durableSolution.requested': 'event_durable_requested',
  'durableSolution.decided': 'event_durable_decided',
  'person.disappeared': 'event_person_disappeared',
};
const DELAY_KEYS: Record<string, string> = {
  shelterReferral: 'timer_shelter_referral',
  assessmentTurnaround: 'timer_assessment_turnaround',
  minorDocumentValidity: 'timer_minor_document',
  reflectionValidity: 'timer_reflection',
  registrationCertificateValidity: 'timer_registration_certificate',
  temporaryCardValidity: 'timer_temporary_card',
  untilMajority: 'timer_until_majority',
  untilDeclaredMajority: 'plain_timer_untilDeclaredMajority',
  transferWithin24Hours: 'plain_timer_transferWithin24Hours',
  durableSolutionCertificateValidity: 'plain_timer_durableSolutionCertificateValidity',
  durableSolutionCardValidity: 'plain_timer_durableSolutionCardValidity',
  untilDurableSolutionPermanent: 'plain_timer_untilDurableSolutionPermanent',
};

export function getStateMessageKey(stateId: string): string {
  return `plain_state_${stateId.replace(/^procedure\./, '').replace(/\./g, '_')}`;
}

/** The delay name of a delayed transition's event (`xstate.after.<delay>.<state id>`). */
export function getDelayName(eventType: string): string | undefined {
  return /^xstate\.after\.([^.]+)\./.exec(eventType)?.[1];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A state in words; the layout's label (English, from the machine) when the catalogue lacks it. */
export function getStateText(node: { id: string; label: string }, translate: Translate): string {
  return translate(getStateMessageKey(node.id)) ?? node.label;
}

interface GuardExpression {
  name: string;
  args: GuardExpression[];
}

/** `and(not(isA), isB)` → a tree; a plain name has no arguments. */
function parseGuard(text: string): GuardExpression {
  const open = text.indexOf('(');
  if (open < 0) return { name: text.trim(), args: [] };
  const inner = text.slice(open + 1, text.lastIndexOf(')'));
  const args: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === ',' && depth === 0) {
      args.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  args.push(inner.slice(from));
  return { name: text.slice(0, open).trim(), args: args.map(parseGuard) };
}

function phraseGuard(expression: GuardExpression, translate: Translate): string | undefined {
  const { name, args } = expression;
  if (name === 'not' && args.length === 1 && args[0].args.length === 0) return translate(`plain_guard_not_${args[0].name}`);
  if ((name === 'and' || name === 'or') && args.length >= 2) {
    const parts = args.map((a) => phraseGuard(a, translate));
    if (parts.some((p) => p === undefined)) return undefined;
    return (parts as string[]).reduce((a, b) => translate(`plain_${name}`, { a, b }) ?? `${a}, ${b}`);
  }
  if (args.length === 0) return translate(`plain_guard_${name}`);
  return undefined;
}

/** A guard in words ("if nobody doubts the age and …"), or undefined when a part has no message. */
export function getGuardText(guard: string, translate: Translate): string | undefined {
  const condition = phraseGuard(parseGuard(guard), translate);
  return condition === undefined ? undefined : translate('plain_if', { condition });
}

/** What sets a transition off, in words: the event, or the deadline that runs out; undefined for an eventless one. */
export function getTriggerText(eventType: string, translate: Translate): string | undefined {
  if (eventType === '') return undefined;
  const delay = getDelayName(eventType);
  if (delay !== undefined) {
    const what = DELAY_KEYS[delay] ? translate(DELAY_KEYS[delay]) : undefined;
    return what === undefined ? undefined : translate('plain_when', { what });
  }
  return EVENT_KEYS[eventType] ? translate(EVENT_KEYS[eventType]) : undefined;
}

/**
 * A transition in words: "The case is dismissed", "When the reflection period ends", "If nobody doubts the
 * age and …". Empty for an eventless, unguarded transition (nothing to read); a part without a message
 * falls back to readable words from its name, never to code punctuation.
 */
export function getTransitionText(edge: { eventType: string; guard?: string }, translate: Translate): string {
  const trigger = getTriggerText(edge.eventType, translate) ?? (edge.eventType ? humaniseName(edge.eventType) : undefined);
  const condition = edge.guard ? (getGuardText(edge.guard, translate) ?? humaniseName(edge.guard)) : undefined;
  if (trigger && condition) return capitalise(translate('plain_event_if', { event: trigger, condition }) ?? `${trigger}, ${condition}`);
  return capitalise(trigger ?? condition ?? '');
}

/** `isAgeDoubted` → "is age doubted"; `statement.given` → "statement given": words, for a name with no message. */
function humaniseName(name: string): string {
  return name
    .replace(/^xstate\.after\./, '')
    .replace(/[().,]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Greedy word wrap to at most `width` characters a line (a longer word keeps its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
