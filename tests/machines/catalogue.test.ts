// The catalogue names every state, transition, milestone and outcome of the procedure once, with a message in each
// of the four languages: a state or transition added to the machine without a plain-language label fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MILESTONE_IDS, MILESTONES } from '../../machines/catalogue/milestones';
import { ANY_PROTECTION, OUTCOME_IDS, OUTCOMES, VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';
import { getStatechartCatalogue, TRANSITION_MESSAGES } from '../../machines/catalogue/statechart';
import { CITATIONS } from '../../machines/procedure/citations';
import { procedureMachine } from '../../machines/procedure/machine';

const LOCALES = ['en', 'fr', 'nl', 'de'] as const;
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>]),
);
const { states, transitions } = getStatechartCatalogue(procedureMachine);

function expectMessage(messageId: string | undefined, what: string) {
  expect(messageId, `${what} has no message id`).toBeDefined();
  for (const l of LOCALES) expect(messages[l]![messageId!], `${what}: ${messageId} missing in ${l}.json`).toBeTruthy();
}

describe('the catalogue of the procedure', () => {
  it('labels and cites every state node of the machine', () => {
    expect(states.length).toBeGreaterThan(50);
    for (const s of states) {
      expectMessage(s.messageId, `state ${s.id}`);
      expect(CITATIONS, s.id).toHaveProperty(s.citation);
    }
  });

  it('labels and cites every transition of the machine, delayed and eventless ones included', () => {
    expect(transitions.length).toBeGreaterThan(60);
    for (const t of transitions) {
      expectMessage(t.messageId, `transition ${t.key}`);
      expect(CITATIONS, t.key).toHaveProperty(t.citation);
    }
  });

  it('names no transition the machine does not have', () => {
    const keys = new Set(transitions.map((t) => t.key));
    expect(Object.keys(TRANSITION_MESSAGES).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('gives every milestone a stage of the reference (0–12), an actor and a message', () => {
    for (const id of MILESTONE_IDS) {
      const entry = MILESTONES[id];
      expect(entry.stage).toBeGreaterThanOrEqual(0);
      expect(entry.stage).toBeLessThanOrEqual(12);
      expectMessage(entry.messageId, `milestone ${id}`);
    }
    // Only status decisions repeat (an AI extension, an A card renewal) and every status decision is a residence act.
    for (const id of MILESTONE_IDS.filter((i) => MILESTONES[i].repeats)) expect(MILESTONES[id].isStatusDecision).toBe(true);
  });

  it('defines each outcome once, the protected ones included', () => {
    for (const id of OUTCOME_IDS) expectMessage(OUTCOMES[id].messageId, `outcome ${id}`);
    expect(VICTIM_PROTECTION).toEqual(['permanentResidence', 'temporaryResidence']);
    expect(ANY_PROTECTION).toEqual(['permanentResidence', 'temporaryResidence', 'otherProcedure']);
    const stateIds = new Set(states.map((s) => s.id));
    for (const id of OUTCOME_IDS) for (const s of OUTCOMES[id].states) expect(stateIds, `${id}: ${s}`).toContain(s);
  });
});
