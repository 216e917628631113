// The stored session: versioned, migrated, set aside when unreadable (never lost, never fatal), and shared by
// tabs without one silently overwriting the other.
import { describe, it, expect } from 'vitest';
import { loadSession, readRecovery, saveSession, readSession, toRecord, SESSION_FORMAT, LEGACY_SESSION_KEY, SESSION_KEY, RECOVERY_KEY } from '../../src/share/storage';
import { Autosave } from '../../src/share/autosave';
import { fromShareHash, toShareHash, SHARE_PREFIX } from '../../src/share/link';
import { SCENARIOS } from '../../src/scenarios';
import { compressToEncodedURIComponent } from 'lz-string';

export class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
const memory = () => new MemoryStorage() as unknown as Storage;
const first = SCENARIOS[0].case;
const second = SCENARIOS[1].case;

describe('session versions', () => {
  it('migration 1 → 2: a version-1 session (old key, no version field) opens with its case and step', () => {
    const storage = memory();
    storage.setItem(LEGACY_SESSION_KEY, JSON.stringify({ case: first, step: 4, scenarioId: 'x' }));
    const loaded = loadSession(storage);
    expect(loaded).toMatchObject({ kind: 'ok', saved: { case: first, step: 4, scenarioId: 'x' } });
    expect(SESSION_FORMAT.migrations[1]({ case: first, step: 4 })).toMatchObject({ version: 2, case: first, step: 4 });
    saveSession({ case: first, step: 4 }, storage);
    expect(storage.getItem(LEGACY_SESSION_KEY)).toBeNull();
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toMatchObject({ version: 2 });
  });
  it('a session written by a newer version is refused with its version and kept aside, never half-read', () => {
    const storage = memory();
    const text = JSON.stringify({ ...toRecord({ case: first, step: 1 }, undefined, 't'), version: 3 });
    storage.setItem(SESSION_KEY, text);
    const loaded = loadSession(storage);
    expect(loaded.kind).toBe('recovered');
    if (loaded.kind === 'recovered') expect(loaded.issues[0]).toMatchObject({ path: 'version', message: expect.stringMatching(/newer version.*version 3/) });
    expect(readRecovery(storage)).toBe(text);
  });
});

describe('a session that no longer validates', () => {
  it('is set aside under the recovery key and the app starts from the last good state', () => {
    const storage = memory();
    const broken = { ...first, age: { doubted: true, assessment: { exams: [null] } } };
    const text = JSON.stringify(toRecord({ case: broken as never, step: 9 }, { case: second, step: 2 }, 't'));
    storage.setItem(SESSION_KEY, text);
    const loaded = loadSession(storage);
    expect(loaded).toMatchObject({ kind: 'recovered', saved: { case: second, step: 2 }, text });
    if (loaded.kind === 'recovered') expect(loaded.issues.map((i) => i.path)).toContain('case.age.assessment.exams[0]');
    expect(readRecovery(storage)).toBe(text);
    expect(JSON.parse(storage.getItem(RECOVERY_KEY)!).issues.length).toBeGreaterThan(0);
  });
  it('an unfinished edit the form can show is restored as it was', () => {
    const storage = memory();
    const draft = { ...first, date: '', person: { ...first.person, nationality: 'Q' } };
    saveSession({ case: draft, step: 3 }, storage);
    expect(loadSession(storage)).toMatchObject({ kind: 'ok', saved: { case: draft, step: 3 } });
  });
  it('damaged JSON is set aside with its line and column', () => {
    const storage = memory();
    storage.setItem(SESSION_KEY, '{"version": 2, "case": ');
    const loaded = loadSession(storage);
    expect(loaded.kind).toBe('recovered');
    if (loaded.kind === 'recovered') expect(loaded.issues[0].message).toMatch(/line 1, column 24/);
  });
  it('a storage that throws on every call never breaks loading or saving', () => {
    const hostile = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    expect(loadSession(hostile)).toEqual({ kind: 'none' });
    expect(saveSession({ case: first, step: 0 }, hostile)).toBe(false);
  });
});

describe('two tabs', () => {
  const event = (storage: Storage) => ({ key: SESSION_KEY, newValue: storage.getItem(SESSION_KEY) });
  it('a tab stops writing when another saves newer work, until the user chooses', () => {
    const storage = memory();
    const theirsSeen: unknown[] = [];
    const a = new Autosave({ tab: 'A', storage, onOtherTab: () => {} });
    const b = new Autosave({ tab: 'B', storage, onOtherTab: (t) => theirsSeen.push(t) });
    b.save({ case: first, step: 0 });
    a.save({ case: second, step: 5 });
    b.onStorage(event(storage), { case: first, step: 0 });
    expect(theirsSeen).toEqual([{ case: second, step: 5, scenarioId: undefined }]);
    expect(b.waiting).toBe(true);
    // B's next edit is held, not written over A's work, and B is reminded.
    expect(b.save({ case: { ...first, title: 'B edit' }, step: 0 })).toBe(false);
    expect(theirsSeen).toHaveLength(2);
    expect(readSession(storage.getItem(SESSION_KEY)!)).toMatchObject({ ok: true, record: { tab: 'A', case: second } });
    // Keeping B's work is an explicit choice: then it is written.
    b.keepMine({ case: { ...first, title: 'B edit' }, step: 0 });
    expect(readSession(storage.getItem(SESSION_KEY)!)).toMatchObject({ ok: true, record: { tab: 'B', case: { title: 'B edit' } } });
  });
  it('the other tab stepping through the same case is no conflict; its own writes are ignored', () => {
    const storage = memory();
    let told = 0;
    const a = new Autosave({ tab: 'A', storage, onOtherTab: () => {} });
    const b = new Autosave({ tab: 'B', storage, onOtherTab: () => told++ });
    a.save({ case: first, step: 7 });
    b.onStorage(event(storage), { case: first, step: 0 });
    b.save({ case: first, step: 1 });
    b.onStorage(event(storage), { case: first, step: 1 });
    expect(told).toBe(0);
  });
  it('each save keeps the last case that validated as the good state', () => {
    const storage = memory();
    const a = new Autosave({ tab: 'A', storage, onOtherTab: () => {} });
    a.save({ case: second, step: 2 });
    a.save({ case: { ...second, date: 'oops' }, step: 2 });
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toMatchObject({ case: { date: 'oops' }, good: { case: second, step: 2 } });
  });
});

describe('share link versions', () => {
  it('a link from a newer version says so; a current one opens', () => {
    const newer = SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 2, case: first, step: 0 }));
    const r = fromShareHash(newer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe('v');
    expect(fromShareHash(toShareHash({ case: first, step: 3 })).ok).toBe(true);
  });
});
