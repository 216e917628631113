// "What would you do?" stops: the step stays hidden until the room picks, autoplay stops at each stop, the
// reveal names where the other options part from the path, and the debrief records picks against the case.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { decisionsAt } from '../../src/view-model/decisions';
import { partingMilestone, procedureOption, toMarkdown, toJson } from '../../src/view-model/quiz';
import { buildDebrief, debriefLabels } from '../../src/components/step/debrief';
import { QUIZ_KEY } from '../../src/view-model/Quiz.svelte';
import type { CaseFile } from '../../machines/case/types';

const scenario = (id: string): CaseFile => structuredClone(findScenario(id)!.case);

/** A Storage in memory, as the browser's localStorage would keep it between reloads. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

afterEach(() => vi.useRealTimers());

describe('quiz stops', () => {
  it('hides the step of an unanswered stop, and shows it once the room has picked', () => {
    const session = new StepSession(scenario('pickpocket_not_identified'), { storage: undefined });
    session.quiz.toggle();
    // Step 1 raises "does the worker recognise the signs?": nothing of its result is on show yet.
    expect(session.decisions.map((d) => d.id)).toContain('indicators');
    expect(session.quiz.isPending).toBe(true);
    expect(session.shownIndex).toBe(-1);
    expect(session.milestonesSoFar).toEqual([]);
    expect(session.visitedStateIds).toEqual([]);
    expect(session.nextEvents).toEqual([]);
    const before = session.caseFile;
    for (const decision of session.decisions) session.quiz.pick(decision, decision.options[0]);
    // The room's pick is recorded, never applied to the case.
    expect(session.caseFile).toBe(before);
    expect(session.quiz.isPending).toBe(false);
    expect(session.milestonesSoFar.map((m) => m.id)).toContain('notIdentified');
    expect(session.quiz.answerOf(0, 'indicators')?.pickedId).toBe('yes');
  });

  it('"next" at a stop reveals first; autoplay stops at every stop and cannot run past one', () => {
    vi.useFakeTimers();
    const session = new StepSession(scenario('nigerian_girl_2016'), { storage: undefined });
    session.quiz.toggle();
    expect(session.quiz.isPending).toBe(true);
    expect(session.next()).toBe(true);
    expect(session.index).toBe(0);
    expect(session.quiz.isPending).toBe(false);
    // Every later step that raises a decision must be a stop.
    const expected = session.steps.map((_, i) => i).filter((i) => i > 0 && decisionsAt(session.steps[i]).length > 0);
    expect(expected.length).toBeGreaterThan(1);
    const stops: number[] = [];
    session.play();
    for (let guard = 0; guard < 100 && session.playing; guard++) {
      vi.advanceTimersByTime(5000);
      if (!session.quiz.isPending) continue;
      expect(session.playing).toBe(false);
      stops.push(session.index);
      session.play(); // refused while the question is open
      expect(session.playing).toBe(false);
      session.quiz.reveal();
      session.play();
    }
    expect(session.isAtEnd).toBe(true);
    expect(stops).toEqual(expected);
  });

  it('names where another option parts from the path, with its basis', () => {
    const session = new StepSession(scenario('pickpocket_not_identified'), { storage: undefined });
    const decision = session.decisions.find((d) => d.id === 'indicators')!;
    const yes = decision.options.find((o) => o.id === 'yes')!;
    const alternative = session.previewTrace(yes)!;
    const parting = partingMilestone(session.trace!, alternative, 0)!;
    expect(parting.id).toBe('presumedVictim');
    expect(parting.basis).toMatch(/\S/);
    expect(procedureOption(decision, session.caseFile, session.trace!.outcome, (id) => session.previewOutcome(decision.options.find((o) => o.id === id)!))).toBe('no');
    expect(partingMilestone(session.trace!, session.trace!, 0)).toBeUndefined();
  });

  it('debriefs picks against the case, with the bases, as Markdown and JSON', () => {
    const session = new StepSession(scenario('pickpocket_not_identified'), { storage: undefined });
    session.quiz.toggle();
    const indicators = session.decisions.find((d) => d.id === 'indicators')!;
    session.quiz.pick(indicators, indicators.options.find((o) => o.id === 'yes')!);
    session.quiz.reveal();
    const debrief = buildDebrief(session);
    const item = debrief.items.find((i) => i.question.includes('recognise the signs'))!;
    expect(item).toMatchObject({ picked: 'Yes, indicators recognised', procedure: 'No, indicators missed', matched: false });
    expect(item.bases.map((b) => b.milestone)).toContain('Trafficking signs not recognised at detection');
    const markdown = toMarkdown(debrief, debriefLabels());
    expect(markdown).toContain('The room chose: Yes, indicators recognised');
    expect(markdown).toContain('In this case: No, indicators missed (the case went otherwise)');
    expect(markdown).toContain(session.step!.milestones[0].basis);
    expect(JSON.parse(toJson(debrief)).items.length).toBe(debrief.items.length);
  });

  it('keeps answers in this browser for the same case only, and forgets them when the case changes', () => {
    const storage = memoryStorage();
    const first = new StepSession(scenario('pickpocket_not_identified'), { storage });
    first.quiz.toggle();
    const decision = first.decisions[0];
    first.quiz.pick(decision, decision.options[1]);
    const reloaded = new StepSession(scenario('pickpocket_not_identified'), { storage });
    expect(reloaded.quiz.on).toBe(true);
    expect(reloaded.quiz.answerOf(0, decision.id)?.pickedId).toBe(decision.options[1].id);
    const other = new StepSession(scenario('nigerian_girl_2016'), { storage });
    expect(other.quiz.on).toBe(true);
    expect(other.quiz.answers).toEqual([]);
    reloaded.edit('person.declaredAge', 15);
    expect(reloaded.quiz.answers).toEqual([]);
    expect(JSON.parse(storage.getItem(QUIZ_KEY)!).answers).toEqual([]);
  });
});
