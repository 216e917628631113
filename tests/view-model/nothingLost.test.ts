// Nothing lost: a reload restores the exact case, step and comparison, even while a field is invalid; a blank
// case shows no problems until the user acts.
import { describe, it, expect } from 'vitest';
import { StepSession, type SessionSnapshot } from '../../src/view-model/StepSession.svelte';
import { findScenario, BLANK_CASE } from '../../src/scenarios';
import { saveSession, loadSession, toRecord, validSaved } from '../../src/share/storage';
import { setCaseField } from '../../machines/case/casePath';
import { toSessionSnapshot } from '../../src/view-model/restore';
import type { CaseFile } from '../../machines/case/types';

const scenario = (id: string): CaseFile => structuredClone(findScenario(id)!.case);
/** Through the autosave's storage, as a reload does (the last good state is the autosave's own). */
function reload(snapshot: SessionSnapshot): StepSession {
  const data = new Map<string, string>();
  const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) } as Storage;
  const { lastValid, ...saved } = snapshot;
  saveSession(toRecord(saved, lastValid ? { case: lastValid, step: saved.step } : validSaved(saved) ?? undefined, ''), storage);
  const loaded = loadSession(storage);
  if (loaded.kind !== 'ok') throw new Error(`not restored: ${loaded.kind}`);
  const session = new StepSession(scenario('disappears_from_centre'), { storage: undefined });
  session.restore(toSessionSnapshot(loaded.saved, loaded.record.good));
  return session;
}

describe('reload', () => {
  it('comes back to the same step of an invalid case, with the form holding what was typed', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'), { storage: undefined });
    session.jump(5);
    const steps = session.steps.length;
    session.edit('person.nationality', 'Guinee');
    expect(session.issues.length).toBeGreaterThan(0);
    const back = reload(session.snapshot());
    expect(back.caseFile.person.nationality).toBe('Guinee');
    expect(back.issues.map((i) => i.path)).toContain('person.nationality');
    expect(back.steps.length).toBe(steps);
    expect(back.index).toBe(5);
    // Fixing the field runs the case again from where the user is.
    back.edit('person.nationality', 'GN');
    expect(back.issues).toEqual([]);
    expect(back.index).toBe(5);
  });

  it('comes back with the comparison on show and the scenario it came from', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'), { scenarioId: 'nigerian_girl_2016', storage: undefined });
    session.jump(3);
    expect(reload(session.snapshot()).scenarioId).toBe('nigerian_girl_2016');
    session.change(setCaseField(session.caseFile, 'practice', 'asReported'), 'Practice: as reported');
    const back = reload(session.snapshot());
    expect(back.scenarioId).toBeUndefined();
    expect(back.comparison?.reason).toBe('Practice: as reported');
    expect(back.comparison?.difference).toEqual(session.comparison?.difference);
    expect(back.index).toBe(session.index);
  });
});

describe('blank case', () => {
  it('starts blank, shows no problem until a field is touched, then only that field’s', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'), { storage: undefined });
    session.load(structuredClone(BLANK_CASE), { scenarioId: 'blank', blank: true });
    expect(session.caseFile.person.declaredAge).toBeUndefined();
    expect(session.caseFile.date).toBe('');
    expect(session.issues.length).toBeGreaterThan(0);
    expect(session.visibleIssues).toEqual([]);
    session.edit('person.nationality', 'Guinee');
    expect(session.visibleIssues.map((i) => i.path)).toEqual(['person.nationality']);
    session.edit('person.nationality', 'GN');
    session.edit('date', '2020-05-01');
    session.edit('person.declaredAge', 15);
    // The kind of exploitation is asked, not chosen for the user: the case waits for it.
    expect(session.issues.map((i) => i.path)).toEqual(['detection.exploitation']);
    expect(session.steps.length).toBeLessThanOrEqual(1);
    session.edit('detection.exploitation', 'sexual');
    expect(session.issues).toEqual([]);
    expect(session.steps.length).toBeGreaterThan(1);
    // Once the case has run, every later problem shows at once.
    session.edit('horizonDays', -1);
    expect(session.visibleIssues.map((i) => i.path)).toContain('horizonDays');
  });
});
