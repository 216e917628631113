// @vitest-environment jsdom
// The builder says each thing once and where it belongs: a warning beside its field (the case still runs), a
// reversed age range once, and a blank case's step card names the fields still missing.
import { cleanup, render, fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { tick } from 'svelte';
import CaseBuilder from '../../src/components/builder/CaseBuilder.svelte';
import StepCard from '../../src/components/step/StepCard.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { BLANK_CASE, findScenario } from '../../src/scenarios';
import { language } from '../../src/i18n/language.svelte';

afterEach(() => {
  cleanup();
  language.set('en');
});
const session = (id: string) => new StepSession(structuredClone(findScenario(id)!.case));

describe('case builder notes and messages', () => {
  it('a statement after the horizon is noted beside its field, kept, and the case runs', async () => {
    const s = session('nigerian_girl_2016');
    const { container } = render(CaseBuilder, { props: { session: s } });
    const day = container.querySelector<HTMLInputElement>('#field-cooperation-statementDay')!;
    await fireEvent.input(day, { target: { value: '5000' } });
    expect(s.caseFile.cooperation?.statementDay).toBe(5000);
    expect(s.issues).toEqual([]);
    expect(s.runCase?.cooperation?.statementDay).toBe(5000);
    const note = container.querySelector('[data-testid="warning-cooperation.statementDay"]')!;
    expect(note.textContent).toMatch(/Day 5000.*day 1825.*not be simulated/);
    expect(day.closest('.field')!.contains(note)).toBe(true);
    expect(day.getAttribute('aria-describedby')).toContain(note.id);
    expect(day.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('the EEA vulnerability set to yes for a Nigerian child is noted beside its control and announced with it', async () => {
    const s = session('nigerian_girl_2016');
    const { container, getByLabelText } = render(CaseBuilder, { props: { session: s } });
    const choice = getByLabelText(/EEA child in a situation of vulnerability/) as HTMLSelectElement;
    expect(container.querySelector('[data-testid="warning-detection.vulnerable"]')).toBeNull();
    await fireEvent.change(choice, { target: { value: 'true' } });
    expect(s.caseFile.detection.vulnerable).toBe(true);
    const note = container.querySelector('[data-testid="warning-detection.vulnerable"]')!;
    expect(note.textContent).toContain('EEA children only');
    expect(choice.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('the EEA vulnerability left unstated says what the model takes, and the user can go back to unstated', async () => {
    const s = session('nigerian_girl_2016');
    s.edit('person.nationality', 'RO');
    const { container, getByLabelText } = render(CaseBuilder, { props: { session: s } });
    const choice = getByLabelText(/EEA child in a situation of vulnerability/) as HTMLSelectElement;
    // What the box shows, and the reason under it (read with it).
    const shown = () => `${choice.selectedOptions[0]?.textContent} / ${container.querySelector('#field-detection-vulnerable-hint')?.textContent}`;
    expect(s.caseFile.detection.vulnerable).toBeUndefined();
    expect(choice.value).toBe('');
    expect(shown()).toMatch(/^Not stated: taken as yes \/ .*indicators were recognised/);
    expect(choice.getAttribute('aria-describedby')).toContain('field-detection-vulnerable-hint');
    // True of the run: unstated, the Romanian child's path is the one of a child stated vulnerable.
    const path = () => ({ milestones: s.trace?.milestones, outcome: s.trace?.outcome, track: s.trace?.track });
    const unstated = path();
    s.edit('detection.vulnerable', true);
    expect(path()).toEqual(unstated);
    await fireEvent.change(choice, { target: { value: 'false' } });
    expect(s.caseFile.detection.vulnerable).toBe(false);
    expect(path()).not.toEqual(unstated);
    expect(shown()).toBe('No / undefined');
    await fireEvent.change(choice, { target: { value: '' } });
    expect('vulnerable' in s.caseFile.detection).toBe(false);
    expect(path()).toEqual(unstated);
    // Unstated reads as no without recognised indicators, and concerns EEA children only.
    s.edit('detection.indicatorsRecognised', false);
    await tick();
    expect(shown()).toMatch(/^Not stated: taken as no \/ .*not recognised/);
    s.edit('person.nationality', 'NG');
    await tick();
    expect(shown()).toMatch(/^Not stated \(EEA children only\) \/ .*EEA children only/);
  });

  it('a field’s problem follows a language switch, beside the field and in the summary', async () => {
    const s = session('nigerian_girl_2016');
    const { container, getByTestId } = render(CaseBuilder, { props: { session: s } });
    await fireEvent.input(container.querySelector('#field-cooperation-statementDay')!, { target: { value: '-7' } });
    const error = () => getByTestId('error-cooperation.statementDay').textContent;
    expect(error()).toContain('before detection');
    language.set('de');
    await tick();
    expect(error()).toContain('vor der Erkennung');
    expect(getByTestId('builder-summary').textContent).toContain('vor der Erkennung');
  });

  it('a reversed age range is said once, beside the upper age', async () => {
    const s = session('nigerian_girl_2016');
    const { container } = render(CaseBuilder, { props: { session: s } });
    await fireEvent.input(container.querySelector('#field-age-assessment-low')!, { target: { value: '19' } });
    await fireEvent.input(container.querySelector('#field-age-assessment-high')!, { target: { value: '17' } });
    const fieldset = container.querySelector('#field-age-assessment-low')!.closest('fieldset')!;
    expect(fieldset.textContent!.match(/The upper age is below the lower age/g)).toHaveLength(1);
    expect(container.querySelector('[data-testid="error-age.assessment.high"]')).not.toBeNull();
  });

  it('a blank case, with no field marked yet, names the fields it still needs', () => {
    const s = new StepSession(structuredClone(BLANK_CASE));
    s.load(structuredClone(BLANK_CASE), { blank: true });
    expect(s.visibleIssues).toEqual([]);
    const { getByTestId } = render(StepCard, { props: { session: s, presenter: false } });
    const text = getByTestId('no-run').textContent!;
    for (const label of ['Date of detection', 'Declared age (years)', 'Nationality', 'Kind of exploitation']) expect(text).toContain(label);
    expect(text).not.toContain('fields marked');
  });
});
