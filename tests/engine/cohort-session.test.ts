// The Cohorts tab's view-model, without a browser: set editing never loses the user's text, presets give the
// configurations they name, and an example child reaches the step view as a case file.
import { describe, expect, it } from 'vitest';
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
    for (let i = 0; i < 7; i++) session.addConfig();
    expect(session.configs.length).toBe(8); // at most eight side by side
    session.removeConfig(0);
    expect(session.configs.map((c) => c.asOf).slice(0, 3)).toEqual(['2016-06-01', '2018-12-01', '2018-12-01']);
    session.applyYearsByPractice(); // three dates × two practices
    expect(session.configs.map((c) => `${c.asOf} ${c.practice}`)).toEqual(
      ['2010-06-01', '2016-06-01', '2018-12-01'].flatMap((d) => [`${d} asWritten`, `${d} asReported`]),
    );
  });

  it('sends an example child to the step view as the case file the cohort drew', () => {
    // A stand-in worker answers every run with one (empty) result, as the real one does when it finishes.
    const fakeWorker = () => {
      const worker = {
        onmessage: null as ((e: MessageEvent) => void) | null,
        postMessage(request: { runId: number }) {
          const reply = (data: unknown) => worker.onmessage?.({ data } as MessageEvent);
          reply({ type: 'result', runId: request.runId, index: 0, result: {} });
          reply({ type: 'done', runId: request.runId });
        },
        terminate() {},
      };
      return worker as unknown as Worker;
    };
    const opened: unknown[] = [];
    const session = new CohortSession({ onopencase: (c) => opened.push(c), createWorker: fakeWorker });
    session.openChild(0, 42);
    expect(opened).toEqual([]); // no results yet: nothing to open
    session.setSeed(3);
    session.run();
    expect(session.status).toBe('done');
    session.openChild(0, 42);
    expect(opened).toEqual([generateChildCase(DEFAULT_ASSUMPTION_SET, session.configs[0], 3, 42)]);
  });
});
