// The decision panel puts first what the professional decides now: step 1 runs through detection, reporting, the
// centre and more on one day, and the questions of later stages (the statement, the durable solution…) wait.
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { findScenario } from '../../src/scenarios';
import { commonOutcome, decisionsAt, previewKey, splitDecisions } from '../../src/view-model/decisions';
import { runCase } from '../../machines/case/run';

const ids = (scenario: string, index: number) => {
  const step = stepCase(findScenario(scenario)!.case).steps[index];
  const { now, later } = splitDecisions(step, decisionsAt(step));
  return { now: now.map((d) => d.id), later: later.map((d) => d.id) };
};

describe('decisions now and later', () => {
  it('at step 1 asks about the signs and the age first, the later stages grouped apart', () => {
    expect(ids('cannabis_boy_2018', 0)).toEqual({
      now: ['indicators', 'exploitation', 'ageDoubt'],
      later: ['ageResult', 'statement', 'disappearance', 'durableSolution'],
    });
    expect(ids('nigerian_girl_2016', 0)).toEqual({ now: ['indicators', 'exploitation', 'ageDoubt'], later: ['statement', 'disappearance'] });
  });

  it('at the age test asks for its result first', () => {
    expect(ids('nigerian_girl_2016', 2)).toEqual({ now: ['ageResult'], later: ['statement', 'durableSolution'] });
  });

  it('keeps together what one stage raises: the shelter and the minor’s document', () => {
    expect(ids('romanian_girl_2012', 1)).toEqual({ now: ['statement', 'disappearance'], later: [] });
  });

  it('loses no decision, and every step with one has one to take now', () => {
    for (const id of ['nigerian_girl_2016', 'found_adult_2016', 'declared_birthdate_2017', 'pickpocket_not_identified', 'afghan_boy_asylum'])
      for (const step of stepCase(findScenario(id)!.case).steps) {
        const all = decisionsAt(step);
        const { now, later } = splitDecisions(step, all);
        expect([...now, ...later].map((d) => d.id).sort()).toEqual(all.map((d) => d.id).sort());
        if (all.length) expect(now.length).toBeGreaterThan(0);
      }
  });
});

describe('the kind of exploitation as a decision', () => {
  it('is offered at detection, marks the case’s own kind, and choosing it edits the case and can change where it leads', () => {
    const scenario = findScenario('nigerian_girl_2016')!.case;
    const step = stepCase(scenario).steps[0];
    const decision = decisionsAt(step).find((d) => d.id === 'exploitation')!;
    expect(decision.chosen(scenario)).toBe(scenario.detection.exploitation);
    const outcomes = new Set(
      decision.options.map((o) => {
        const edited = o.apply(scenario, step);
        expect(edited.detection.exploitation).toBe(o.id);
        return stepCase(edited).trace.outcome;
      }),
    );
    // "Unclear" facts do not fit the definition (condition 2): the path differs from that of a named kind.
    expect(outcomes.size).toBeGreaterThan(1);
  });
});

describe('an answer that changes the path but not where it ends', () => {
  /** What each option of each decision at a step leads to, as the decision panel previews it. */
  const previewsAt = (scenario: string, index: number) => {
    const caseFile = findScenario(scenario)!.case;
    const step = stepCase(caseFile).steps[index];
    const previews: Record<string, string | null> = {};
    for (const d of decisionsAt(step)) for (const o of d.options) previews[previewKey(d, o)] = runCase(o.apply(caseFile, step)).outcome;
    return { decisions: decisionsAt(step), previews };
  };

  it('names the one outcome every option leads to, and none where the options part', () => {
    const { decisions, previews } = previewsAt('nigerian_girl_2016', 0);
    const by = (id: string) => decisions.find((d) => d.id === id)!;
    const outcomesOf = (id: string) => new Set(by(id).options.map((o) => previews[previewKey(by(id), o)]));
    for (const d of decisions) {
      const common = commonOutcome(d, previews as never);
      if (outcomesOf(d.id).size === 1) expect(common).toBe([...outcomesOf(d.id)][0]);
      else expect(common).toBeUndefined();
    }
    // Not recognising the signs ends elsewhere: no common outcome there.
    expect(commonOutcome(by('indicators'), previews as never)).toBeUndefined();
    expect(decisions.some((d) => commonOutcome(d, previews as never) !== undefined)).toBe(true);
  });

  it('says nothing while an option is still being run', () => {
    const { decisions, previews } = previewsAt('nigerian_girl_2016', 0);
    const d = decisions.find((x) => commonOutcome(x, previews as never) !== undefined)!;
    const partial = { ...previews };
    delete partial[previewKey(d, d.options[1])];
    expect(commonOutcome(d, partial as never)).toBeUndefined();
  });
});
