// @vitest-environment jsdom
// Component tests for the step view's own parts: the builder shows problems next to the field, the controls
// drive the session, decisions edit the case, and the rules panel shows what changed.
import { cleanup, render, fireEvent, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import CaseBuilder from '../../src/components/builder/CaseBuilder.svelte';
import StepControls from '../../src/components/step/StepControls.svelte';
import DecisionPanel from '../../src/components/step/DecisionPanel.svelte';
import RulesPanel from '../../src/components/step/RulesPanel.svelte';
import Clock from '../../src/components/step/Clock.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { language } from '../../src/i18n/language.svelte';
import { SEED_2018 } from '../../machines/rules/law';
import { sourceId } from '../../src/i18n/citations';
import { label } from '../../src/components/step/labels';

afterEach(cleanup);
const session = (id: string) => new StepSession(structuredClone(findScenario(id)!.case));

describe('CaseBuilder', () => {
  it('shows what is wrong next to the field, marks it invalid, and clears it when fixed', async () => {
    const s = session('nigerian_girl_2016');
    const { container } = render(CaseBuilder, { props: { session: s } });
    const nationality = container.querySelector<HTMLInputElement>('#field-person-nationality')!;
    await fireEvent.input(nationality, { target: { value: 'zz' } });
    await fireEvent.change(nationality);
    expect(s.caseFile.person.nationality).toBe('zz');
    const error = container.querySelector('[data-testid="error-person.nationality"]')!;
    expect(error.textContent).toContain('zz');
    expect(nationality.getAttribute('aria-invalid')).toBe('true');
    expect(nationality.getAttribute('aria-describedby')).toContain(error.id);
    await fireEvent.input(nationality, { target: { value: 'Nigeria' } });
    expect(s.caseFile.person.nationality).toBe('NG');
    expect(container.querySelector('[data-testid="error-person.nationality"]')).toBeNull();
  });

  it('an empty statement day means "never" and a negative one is refused next to the field', async () => {
    const s = session('nigerian_girl_2016');
    const { container } = render(CaseBuilder, { props: { session: s } });
    const day = container.querySelector<HTMLInputElement>('#field-cooperation-statementDay')!;
    await fireEvent.input(day, { target: { value: '' } });
    expect(s.caseFile.cooperation?.statementDay).toBeNull();
    expect(s.issues).toEqual([]);
    await fireEvent.input(day, { target: { value: '-3' } });
    expect(
      container.querySelector('[data-testid="error-cooperation.statementDay"]')?.textContent,
    ).toContain('before detection');
  });

  it('switching the assessment to per-examination edits the case file shape', async () => {
    const s = session('nigerian_girl_2016');
    const { container } = render(CaseBuilder, { props: { session: s } });
    await fireEvent.change(container.querySelector<HTMLSelectElement>('#field-age-assessment')!, {
      target: { value: 'exams' },
    });
    expect(s.caseFile.age?.assessment).toEqual({ exams: [{ exam: 'wrist', low: 16, high: 18 }] });
  });
});

describe('StepControls', () => {
  it('moves through the steps and disables what cannot be done', async () => {
    const s = session('disappears_from_centre');
    const { getByTestId, getByText } = render(StepControls, { props: { session: s } });
    expect((getByTestId('back') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(getByTestId('next'));
    expect(s.index).toBe(1);
    expect(getByTestId('position').textContent).toContain(`Step 2 of ${s.steps.length}`);
    while (!s.isAtEnd) await fireEvent.click(getByTestId('next'));
    expect((getByTestId('next') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(getByText(/Restart/));
    expect(s.index).toBe(0);
  });
});

describe('DecisionPanel', () => {
  it('asks the question raised at this step and applies the chosen option', async () => {
    const s = session('pickpocket_not_identified');
    const { container, getByText } = render(DecisionPanel, { props: { session: s } });
    expect(container.textContent).toContain('recognise the signs of trafficking');
    expect(getByText('No, indicators missed').getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(getByText('Yes, indicators recognised'));
    expect(s.caseFile.detection.indicatorsRecognised).toBe(true);
    expect(s.comparison?.difference.outcomeBefore).toBe('notIdentified');
    expect(s.trace?.outcome).not.toBe('notIdentified');
  });

  it('at step 1 shows the decisions of detection, and the later stages\' in a closed group of their own', async () => {
    const s = session('nigerian_girl_2016');
    const { container, getByTestId } = render(DecisionPanel, { props: { session: s } });
    const later = getByTestId('decisions-later') as HTMLDetailsElement;
    expect(later.open).toBe(false);
    expect(later.querySelector('summary')!.textContent).toBe('Later in the procedure (2)');
    const legends = (scope: Element) => [...scope.querySelectorAll('legend')].map((l) => l.textContent);
    const outside = [...container.querySelectorAll('fieldset')].filter((f) => !later.contains(f));
    expect(outside.map((f) => f.querySelector('legend')!.textContent)).toEqual([
      expect.stringContaining('recognise the signs of trafficking'),
      expect.stringContaining('What kind of exploitation'),
      expect.stringContaining('declared age doubted'),
    ]);
    expect(legends(later)).toEqual([expect.stringContaining('statement'), expect.stringContaining('stay in the placement')]);
    // opened, its options still edit the case
    later.open = true;
    await fireEvent.click(later.querySelector('button[aria-pressed="false"]')!);
    expect(s.caseFile.cooperation?.statementDay).not.toBe(findScenario('nigerian_girl_2016')!.case.cooperation?.statementDay);
  });
});

describe('RulesPanel and Clock', () => {
  it('re-runs under asReported practice and lists the difference', async () => {
    const s = session('nigerian_girl_2016');
    const { container, getByTestId } = render(RulesPanel, { props: { session: s } });
    const radios = container.querySelectorAll<HTMLInputElement>('input[name="practice"]');
    radios[1].checked = true;
    await fireEvent.change(radios[1]);
    expect(s.caseFile.practice).toBe('asReported');
    expect(getByTestId('comparison').textContent).toContain('What changed');
  });

  it('shows the 3-month document of a minor counting down', () => {
    const s = session('nigerian_girl_2016');
    s.jump(s.steps.findIndex((st) => st.milestones.some((m) => m.id === 'minorResidenceDocument')));
    const { getByTestId } = render(Clock, { props: { session: s } });
    flushSync();
    expect(getByTestId('clock').textContent).toMatch(/Minor's residence document \(3 months\)/);
    expect(getByTestId('clock').textContent).toMatch(/days left, until \d{1,2} [A-Z][a-z]+ \d{4}/);
  });
});

describe('event names', () => {
  it('names every event the scenarios produce in words, timers included', async () => {
    const { humaniseEvent } = await import('../../src/components/step/events');
    const { SCENARIOS } = await import('../../src/scenarios');
    for (const scenario of SCENARIOS)
      for (const step of new StepSession(scenario.case).steps) {
        const name = humaniseEvent(step.event.type);
        expect(name, step.event.type).not.toMatch(/xstate|\.|→/);
      }
    expect(humaniseEvent('xstate.after.untilMajority.procedure.x')).toBe(
      'Time passes: the child turns 18',
    );
  });
});

describe('state legal basis', () => {
  it('gives each current state its basis and source from the machine meta', async () => {
    const { getStateBasis } = await import('../../src/view-model/stateBasis');
    const s = session('nigerian_girl_2016');
    s.jump(3);
    const bases = getStateBasis(s.step!.activeStateIds, s.caseFile);
    expect(bases.length).toBeGreaterThan(2);
    for (const b of bases) {
      expect(b.basis.length).toBeGreaterThan(5);
      expect(b.source.length).toBeGreaterThan(5);
    }
    expect(getStateBasis(['no.such.state'], s.caseFile)).toEqual([]);
  });
});

describe('StepCard', () => {
  it('shows the reflection document the rules of the day give (annex 15 from 20 May 2017)', async () => {
    const StepCard = (await import('../../src/components/step/StepCard.svelte')).default;
    for (const [id, document] of [
      ['found_adult_2016', 'order to leave the territory'],
      ['found_adult_2018', 'annex 15'],
    ] as const) {
      const s = session(id);
      s.jump(s.steps.findIndex((st) => st.milestones.some((m) => m.id === 'reflectionPeriod')));
      const { getByTestId, unmount } = render(StepCard, {
        props: { session: s, presenter: false },
      });
      // Recorded details read as words, never as `key: value` code.
      expect(getByTestId('step-milestones').textContent).toContain(document);
      expect(getByTestId('step-milestones').textContent).toContain('valid 45 days');
      expect(getByTestId('step-milestones').textContent).not.toMatch(/validDays|validMonths|document:|orderToLeave|annex15/);
      unmount();
    }
  });

  it('says the age the decision holds beside the test\'s estimate (a declared 16 kept over an estimate of 17)', async () => {
    const StepCard = (await import('../../src/components/step/StepCard.svelte')).default;
    const base = findScenario('nigerian_girl_2016')!.case;
    const s = new StepSession(structuredClone({ ...base, date: '2025-03-01', person: { ...base.person, declaredAge: 16 }, age: { doubted: true, assessment: { low: 17, high: 20 } } }));
    s.jump(s.steps.findIndex((st) => st.milestones.some((ms) => ms.id === 'identifiedAsMinor')));
    const { getByTestId } = render(StepCard, { props: { session: s, presenter: false } });
    expect(getByTestId('step-milestones').textContent).toContain("test's estimate: 17");
    expect(getByTestId('age-held').textContent).toBe('age held: 16');
    // and the 18th birthday the run keeps follows the age held, not the estimate: two years after detection
    const turned18 = s.run!.trace.milestones.find((ms) => ms.id === 'turned18');
    expect(turned18?.day).toBeGreaterThan(700);
  });

  it('dates an outcome no act decided at the end of the period followed, and a decided one on its day', async () => {
    const StepCard = (await import('../../src/components/step/StepCard.svelte')).default;
    const shown: string[] = [];
    for (const id of ['found_adult_2016', 'disappears_from_centre']) {
      const s = session(id);
      s.jump(s.steps.length - 1);
      const { getByTestId, unmount } = render(StepCard, { props: { session: s, presenter: false } });
      const text = getByTestId('outcome').textContent!;
      const atHorizon = s.trace!.outcomeDay === s.trace!.horizonDays;
      expect(text).toContain(atHorizon ? `at the end of the period followed, day ${s.trace!.horizonDays}` : `on day ${s.trace!.outcomeDay}`);
      shown.push(atHorizon ? 'horizon' : 'act');
      // The procedure beside the outcome, in words.
      expect(getByTestId('outcome-track').textContent).toContain(`procedure at the end: ${label('track', s.trace!.track)}`);
      unmount();
    }
    // One of each kind, or the test would not see both wordings.
    expect(shown.sort()).toEqual(['act', 'horizon']);
  });

  it('names the sources of the legal basis in the UI language, never by file name, the raw citation as title', async () => {
    const StepCard = (await import('../../src/components/step/StepCard.svelte')).default;
    const s = session('nigerian_girl_2016');
    s.jump(s.steps.findIndex((st) => st.milestones.some((m) => m.id === 'reflectionPeriod')));
    for (const [locale, report] of [['en', 'ECPAT Belgium report 2018'], ['fr', 'Rapport d’ECPAT Belgique 2018']] as const) {
      language.set(locale);
      const { getByTestId, container, unmount } = render(StepCard, { props: { session: s, presenter: false } });
      const shown = [getByTestId('step-milestones').textContent, container.querySelector('details.states')!.textContent].join(' ');
      expect(shown).toContain(report);
      expect(shown).not.toMatch(/\w+\.txt|reference\.md|machines\//);
      const titles = [...container.querySelectorAll('.citation [title]')].map((e) => e.getAttribute('title'));
      for (const milestone of s.step!.milestones) expect(titles).toContain(sourceId(milestone.source));
      expect(titles.some((t) => t?.includes(SEED_2018))).toBe(true);
      unmount();
    }
    language.set('en');
  });

  it('offers the legal terms of a milestone as pop-overs with their definitions', async () => {
    const StepCard = (await import('../../src/components/step/StepCard.svelte')).default;
    const s = session('nigerian_girl_2016');
    s.jump(s.steps.findIndex((st) => st.milestones.some((m) => m.id === 'observationCentre')));
    const { getByRole, unmount } = render(StepCard, { props: { session: s, presenter: false } });
    const term = getByRole('button', { name: 'COO / OOC' });
    const definition = document.getElementById(term.getAttribute('popovertarget')!)!;
    expect(definition.hasAttribute('popover')).toBe(true);
    await fireEvent.click(term);
    await waitFor(() => expect(definition.textContent).toMatch(/observation and orientation centre/i));
    unmount();
  });
});
