// The Cohorts tab's view-model, without a browser: set editing never loses the user's text, presets give the
// configurations they name, and an example child reaches the step view as a case file.
import { describe, expect, it, vi } from 'vitest';
import { CohortSession, PRESETS } from '../../src/view-model/cohort.svelte';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { generateChildCase } from '../../src/engine/generate';

describe('cohort view-model', () => {
  it('starts from the default set under the configuration it was calibrated for', () => {
    const session = new CohortSession();
    expect(session.set.id).toBe(DEFAULT_ASSUMPTION_SET.id);
    expect(session.configs).toEqual([{ ...DEFAULT_ASSUMPTION_SET.calibratedFor, reforms: [] }]);
  });

  it('keeps an invalid draft as typed and lists its problems by path; a valid one is used for the next run', () => {
    const session = new CohortSession();
    const broken = session.draft.replace('"value": 0.15', '"value": 15');
    session.editDraft(broken);
    expect(session.applyDraft()).toBe(false);
    expect(session.draft).toBe(broken);
    expect(session.draftIssues.map((i) => i.path)).toContain('params.female.value');
    const edited = JSON.parse(session.draft.replace('"value": 15', '"value": 0.2'));
    edited.id = 'my-set';
    session.editDraft(JSON.stringify(edited));
    expect(session.applyDraft()).toBe(true);
    expect(session.set.id).toBe('my-set');
    expect(session.set.params.female.value).toBe(0.2);
    expect(session.sets.map((s) => s.id)).toContain('my-set');
  });

  it('builds the comparisons it offers', () => {
    const base = { asOf: '2018-01-01', practice: 'asReported' as const, reforms: [] };
    expect(PRESETS.years(base).map((c) => c.asOf)).toEqual([
      '2010-06-01',
      '2016-06-01',
      '2018-12-01',
    ]);
    expect(PRESETS.practice(base).map((c) => c.practice)).toEqual(['asWritten', 'asReported']);
    const [off, on] = PRESETS.reforms(base);
    expect(off.reforms).toEqual([]);
    expect(on.reforms.length).toBeGreaterThan(0);
    const session = new CohortSession();
    session.applyPreset('years');
    for (let i = 0; i < 3; i++) session.addConfig();
    expect(session.configs.length).toBe(4); // at most four side by side
    session.removeConfig(0);
    expect(session.configs.map((c) => c.asOf)).toEqual(['2016-06-01', '2018-12-01', '2018-12-01']);
  });

  it('sends an example child to the step view as the case file the cohort drew', () => {
    const session = new CohortSession();
    // Results of a finished run: the session remembers the set, seed and configurations they came from.
    (session as unknown as { resultsSource: unknown }).resultsSource = {
      set: DEFAULT_ASSUMPTION_SET,
      seed: 3,
      configs: session.configs,
    };
    const dispatched: CustomEvent[] = [];
    vi.stubGlobal('window', { dispatchEvent: (e: CustomEvent) => dispatched.push(e) });
    session.openChild(0, 42);
    vi.unstubAllGlobals();
    expect(dispatched[0].type).toBe('open-case');
    expect(dispatched[0].detail).toEqual(
      generateChildCase(DEFAULT_ASSUMPTION_SET, session.configs[0], 3, 42),
    );
  });
});
