// @vitest-environment jsdom
// The builder's nationality by country name in the UI language, never coerced; the picker names an edited case.
import { cleanup, render, fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import CaseBuilder from '../../src/components/builder/CaseBuilder.svelte';
import ScenarioPicker from '../../src/components/builder/ScenarioPicker.svelte';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { language } from '../../src/i18n/language.svelte';

afterEach(() => {
  cleanup();
  language.set('en');
});
const session = (id: string) => new StepSession(structuredClone(findScenario(id)!.case), { scenarioId: id, storage: undefined });

describe('nationality by country name', () => {
  it('takes "Guinea" as GN (not GU, Guam) and shows the code as a name', async () => {
    const s = session('nigerian_girl_2016');
    const { getByTestId } = render(CaseBuilder, { props: { session: s } });
    const input = getByTestId('nationality') as HTMLInputElement;
    expect(input.value).toBe('Nigeria');
    await fireEvent.input(input, { target: { value: 'Gu' } });
    expect(s.caseFile.person.nationality).toBe('NG'); // a partial name changes nothing yet
    await fireEvent.input(input, { target: { value: 'Guinea' } });
    expect(s.caseFile.person.nationality).toBe('GN');
    await fireEvent.input(input, { target: { value: 'guinea-bissau' } });
    expect(s.caseFile.person.nationality).toBe('GW');
    // A code is taken when the user leaves the field, not on the way to a name.
    await fireEvent.input(input, { target: { value: 'ro' } });
    expect(s.caseFile.person.nationality).toBe('GW');
    await fireEvent.change(input);
    expect(s.caseFile.person.nationality).toBe('RO');
  });

  it('in French, reads and shows French names', async () => {
    language.set('fr');
    const s = session('nigerian_girl_2016');
    const { getByTestId, container } = render(CaseBuilder, { props: { session: s } });
    const input = getByTestId('nationality') as HTMLInputElement;
    expect(input.value).toBe(new Intl.DisplayNames(['fr'], { type: 'region' }).of('NG'));
    expect(input.value).not.toBe('NG');
    await fireEvent.input(input, { target: { value: 'guinée' } });
    expect(s.caseFile.person.nationality).toBe('GN');
    const names = [...container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(names).toContain('Allemagne');
  });

  it('keeps an unknown name as typed and says so, instead of guessing', async () => {
    const s = session('nigerian_girl_2016');
    const { getByTestId, container } = render(CaseBuilder, { props: { session: s } });
    const input = getByTestId('nationality') as HTMLInputElement;
    // A near miss ("Guinee" is now taken: it is Guinea's Dutch name, one of the app's languages).
    await fireEvent.input(input, { target: { value: 'Guinae' } });
    await fireEvent.change(input);
    expect(s.caseFile.person.nationality).toBe('Guinae');
    expect(input.value).toBe('Guinae');
    expect(container.querySelector('[data-testid="error-person.nationality"]')?.textContent).toContain('Guinae');
  });
});

describe('scenario picker', () => {
  it('says "Edited case" once the loaded scenario is changed, and names the scenario again when one is loaded', async () => {
    const s = session('nigerian_girl_2016');
    const { getByTestId } = render(ScenarioPicker, { props: { session: s } });
    const select = getByTestId('scenario') as HTMLSelectElement;
    expect(select.value).toBe('nigerian_girl_2016');
    s.edit('person.declaredAge', 15);
    flushSync();
    expect(select.value).toBe('edited');
    expect(select.selectedOptions[0].textContent).toBe('Edited case');
    await fireEvent.change(select, { target: { value: 'disappears_from_centre' } });
    await fireEvent.click(getByTestId('load-scenario'));
    expect(s.scenarioId).toBe('disappears_from_centre');
    expect(select.value).toBe('disappears_from_centre');
    expect([...select.options].map((o) => o.value)).not.toContain('edited');
  });
});
