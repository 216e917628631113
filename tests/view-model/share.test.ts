import { describe, it, expect } from 'vitest';
import { toShareHash, fromShareHash, SHARE_PREFIX } from '../../src/share/link';
import { saveSession, loadSession, AUTOSAVE_KEY } from '../../src/share/storage';
import { SCENARIOS } from '../../src/scenarios';
import { compressToEncodedURIComponent } from 'lz-string';

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
