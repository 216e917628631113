import { describe, it, expect } from 'vitest';
import { toShareHash, fromShareHash, SHARE_PREFIX } from '../../src/share/link';
import { saveSession, loadSession, AUTOSAVE_KEY } from '../../src/share/storage';
import { SCENARIOS } from '../../src/scenarios';
import { compressToEncodedURIComponent } from 'lz-string';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { shareStepIssue } from '../../src/view-model/restore';

const caseFile = SCENARIOS[0].case;

describe('share links', () => {
  it('round-trip the case and the step', () => {
    const hash = toShareHash({ case: caseFile, step: 7 });
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(hash).not.toContain('{');
    expect(fromShareHash(hash)).toEqual({ ok: true, value: { case: caseFile, step: 7 } });
  });
  it('say a truncated or garbled link is broken', () => {
    const hash = toShareHash({ case: caseFile, step: 2 });
    for (const broken of [hash.slice(0, hash.length / 2), SHARE_PREFIX + '%%%', SHARE_PREFIX]) {
      const result = fromShareHash(broken);
      expect(result.ok).toBe(false);
    }
  });
  it('name the bad field when the link carries an invalid case', () => {
    const bad = SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, case: { ...caseFile, date: '1980-01-01' }, step: 1 }));
    const result = fromShareHash(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('date');
  });
});

describe('a share link whose step is not one of the case', () => {
  const linkAt = (step: unknown) => SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, case: caseFile, step }));

  it('opens a step that is not a step number at the start, naming the link’s step', () => {
    for (const [step, shown] of [[-3, '-2'], [2.5, '3.5'], ['four', '"four"']] as const) {
      const result = fromShareHash(linkAt(step));
      expect(result.ok, String(step)).toBe(true);
      if (!result.ok) continue;
      expect(result.value.step).toBe(0);
      expect(result.value.stepIssue?.path).toBe('step');
      expect(result.value.stepIssue?.message).toContain(`(${shown})`);
      expect(shareStepIssue(result.value, 12)).toBe(result.value.stepIssue);
    }
  });

  it('opens a step past the end at the last step and says which step the link asked for and how many there are', () => {
    const result = fromShareHash(linkAt(999));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = new StepSession(result.value.case, { step: result.value.step });
    const total = session.steps.length;
    expect(session.index).toBe(total - 1);
    expect(shareStepIssue(result.value, total)).toEqual({ path: 'step', message: `The link asks for step 1000, but this case has ${total} steps: it opens at the last one.` });
    session.dispose();
  });

  it('says nothing when the link opens where it says', () => {
    const result = fromShareHash(linkAt(2));
    expect(result.ok && shareStepIssue(result.value, 12)).toBeNull();
    const last = fromShareHash(linkAt(11));
    expect(last.ok && shareStepIssue(last.value, 12)).toBeNull();
  });
});

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('autosave', () => {
  it('restores what was saved, even an unfinished case', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const draft = { ...caseFile, person: { ...caseFile.person, nationality: 'Q' } };
    expect(saveSession({ case: draft, step: 3, scenarioId: undefined }, storage)).toBe(true);
    expect(loadSession(storage)).toMatchObject({ kind: 'ok', saved: { case: draft, step: 3, scenarioId: undefined } });
  });
  it('sets damaged storage aside and survives a storage that refuses writes', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(loadSession(storage)).toMatchObject({ kind: 'recovered', saved: null, text: '{not json' });
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    expect(saveSession({ case: caseFile, step: 0 }, full)).toBe(false);
  });
});
