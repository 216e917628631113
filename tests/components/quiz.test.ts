// @vitest-environment jsdom
// The quiz stop as the room sees it: options without their results, then, once picked, the reveal with the
// legal basis; the step card keeps the step's result hidden meanwhile; the live region speaks each step.
import { cleanup, render, fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import DecisionPanel from '../../src/components/step/DecisionPanel.svelte';
import StepCard from '../../src/components/step/StepCard.svelte';
import Announcer from '../../src/components/step/Announcer.svelte';
import Debrief from '../../src/components/step/Debrief.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
const session = (id: string) => new StepSession(structuredClone(findScenario(id)!.case), { storage: undefined });

describe('quiz stop', () => {
  it('hides where each option leads until the room picks, then reveals the path and its basis', async () => {
    const s = session('pickpocket_not_identified');
    s.quiz.toggle();
    const { container, getAllByTestId } = render(DecisionPanel, { props: { session: s } });
    const card = render(StepCard, { props: { session: s, presenter: false } });
    expect(container.textContent).toContain('What would you do?');
    expect(container.textContent).toContain('recognise the signs of trafficking');
    // No outcome, no "→", no chosen option before the pick; the card hides the milestones reached.
    expect(container.textContent).not.toContain('→');
    expect(container.textContent).not.toContain('Not identified');
    expect(container.querySelector('[aria-pressed="true"]')).toBeNull();
    expect(card.getByTestId('quiz-hidden')).toBeTruthy();
    expect(card.container.textContent).not.toContain('Trafficking signs not recognised at detection');

    for (const stop of getAllByTestId('quiz-stop')) await fireEvent.click(stop.querySelector('button')!);
    flushSync();
    const reveal = container.querySelector('[data-decision="indicators"] [data-testid="quiz-reveal"]')!;
    expect(reveal.textContent).toContain('The room chose: Yes, indicators recognised');
    expect(reveal.textContent).toContain('In this case: No, indicators missed');
    expect(reveal.textContent).toContain('the case went otherwise');
    expect(reveal.querySelector('[data-testid="quiz-basis"]')!.textContent).toContain(s.step!.milestones[0].basis);
    expect(reveal.textContent).toContain('Why the other options go elsewhere');
    expect(reveal.textContent).toMatch(/Yes, indicators recognised → .+/);
    expect(card.container.textContent).toContain('Trafficking signs not recognised at detection');
  });

  it('announces what each step did, and the question at a stop', () => {
    const s = session('nigerian_girl_2016');
    const { getByTestId } = render(Announcer, { props: { session: s } });
    const region = getByTestId('announcement');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toMatch(/^Step 1 of \d+, day 0: Detected/);
    s.jump(s.steps.findIndex((st) => st.milestones.some((m) => m.id === 'minorResidenceDocument')));
    flushSync();
    expect(region.textContent).toContain('Residence document for a minor');
    s.quiz.toggle();
    s.jump(0);
    flushSync();
    expect(region.textContent).toContain('question: Does the frontline worker recognise the signs of trafficking?');
    s.quiz.toggle();
    s.jump(s.steps.length - 1);
    flushSync();
    expect(region.textContent).toContain('Outcome: Permanent residence');
  });

  it('the debrief lists each pick against the case and offers print and downloads', async () => {
    const s = session('pickpocket_not_identified');
    s.quiz.toggle();
    for (const d of s.decisions) s.quiz.pick(d, d.options[0]);
    const { getByTestId } = render(Debrief, { props: { session: s } });
    expect(getByTestId('debrief').textContent).toContain('Yes, indicators recognised');
    expect(getByTestId('debrief-score').textContent).toMatch(/^\d+ of \d+ answers as in the case$/);
    expect(getByTestId('debrief').querySelector('[data-matched="false"]')).toBeTruthy();
    expect(getByTestId('debrief-print')).toBeTruthy();
    expect(getByTestId('debrief-markdown')).toBeTruthy();
  });
});
