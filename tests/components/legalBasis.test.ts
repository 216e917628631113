// @vitest-environment jsdom
// The step card shows the legal basis in the trainer's language: a French trainer reads « Tuteur désigné dès
// l’identification (titre XIII, chapitre VI … de la loi-programme du 24 décembre 2002) », not the model's
// English, which stays beside it (the citation of record). A basis with no translation keeps its
// English, marked lang="en" so a screen reader reads it as English.
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import StepCard from '../../src/components/step/StepCard.svelte';
import LegalBasis from '../../src/components/step/LegalBasis.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { language } from '../../src/i18n/language.svelte';
import { CITATIONS } from '../../machines/procedure/citations';

afterEach(() => {
  cleanup();
  language.set('en');
});

/** the step card at the step where the guardian is appointed, its basis and the English beside it */
function atGuardian(locale: 'en' | 'fr' | 'nl') {
  language.set(locale);
  const s = new StepSession(structuredClone(findScenario('nigerian_girl_2016')!.case));
  const index = s.steps.findIndex((step) => step.milestones.some((m) => m.id === 'guardianAppointed'));
  expect(index).toBeGreaterThan(0);
  s.jump(index);
  const { container } = render(StepCard, { props: { session: s, presenter: false } });
  const item = [...container.querySelectorAll('[data-testid="step-milestones"] > li')].find((li) => li.querySelector('[data-basis-en]')?.getAttribute('data-basis-en') === CITATIONS.guardian.basis);
  expect(item, 'the guardian milestone with its basis').toBeDefined();
  return { container, basis: item!.querySelector<HTMLElement>('[data-testid="milestone-basis"]')!, asWritten: item!.querySelector<HTMLElement>('[data-testid="basis-as-written"]') };
}

describe('the step card’s legal basis in the UI language', () => {
  it('French: the basis in French with the law’s proper name, the English beside it', () => {
    const { basis, asWritten, container } = atGuardian('fr');
    expect(basis.textContent).toBe(
      'Tuteur désigné dès l’identification (titre XIII, chapitre VI «\u202fTutelle des mineurs étrangers non accompagnés\u202f» de la loi-programme du 24 décembre 2002)',
    );
    expect(basis.closest('[lang="en"]')).toBeNull();
    expect(asWritten!.textContent!.trim()).toBe(`Tel que le modèle l’écrit (en anglais)\u202f: ${CITATIONS.guardian.basis}`);
    expect(asWritten!.querySelector('[lang="en"]')!.textContent).toBe(CITATIONS.guardian.basis);
    // the states' bases too: none left in English
    const states = [...container.querySelectorAll<HTMLElement>('[data-testid="state-basis"]')];
    expect(states.length).toBeGreaterThan(2);
    for (const state of states) {
      expect(state.getAttribute('lang'), state.textContent!).toBeNull();
      expect(state.textContent, state.textContent!).not.toBe(state.getAttribute('data-basis-en'));
    }
  });

  it('Dutch: the basis in Dutch', () => {
    const { basis } = atGuardian('nl');
    expect(basis.textContent).toBe(
      'Voogd aangewezen onmiddellijk na de identificatie (titel XIII, hoofdstuk VI „Voogdij over niet-begeleide minderjarige vreemdelingen” van de programmawet van 24 december 2002)',
    );
    expect(basis.closest('[lang="en"]')).toBeNull();
  });

  it('English: the machine’s text as it is, with no "as written" line', () => {
    const { basis, asWritten } = atGuardian('en');
    expect(basis.textContent).toBe(CITATIONS.guardian.basis);
    expect(asWritten).toBeNull();
  });

  it('a basis with no translation stays in English, marked lang="en"; a composite marks only its unknown part', () => {
    language.set('fr');
    const unknown = render(LegalBasis, { props: { basis: 'Some new article of some new law' } }).container.querySelector('[data-basis-en]')!;
    expect(unknown.getAttribute('lang')).toBe('en');
    expect(unknown.textContent).toBe('Some new article of some new law');
    const mixed = render(LegalBasis, { props: { basis: 'Conviction for trafficking (art 433quinquies Criminal Code); a new clause' } }).container.querySelector('[data-basis-en]')!;
    expect(mixed.getAttribute('lang')).toBeNull();
    expect(mixed.textContent).toBe('Condamnation pour traite des êtres humains (art. 433quinquies du Code pénal)\u202f; a new clause');
    expect([...mixed.querySelectorAll('[lang="en"]')].map((el) => el.textContent)).toEqual(['a new clause']);
  });
});
