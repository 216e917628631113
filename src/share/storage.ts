// The stored session: the working case (even an unfinished edit), the step, and the last case that validated.
// Versioned (older records are migrated); a record that cannot be read safely is set aside under a recovery
// key and offered for download, and the app starts from the last good state: it never fails to load.
// Storage failures (private mode, quota) never break the app.
import * as v from 'valibot';
import type { CaseFile } from '../../machines/case/types';
import { parseCaseFile } from '../../machines/case/validate';
import { isEditableDraft } from '../../machines/case/safety';
import { migrate, newer, type VersionedFormat } from '../../machines/case/migrate';
import { parseJson, toFieldIssues, type FieldIssue } from '../../machines/case/issues';

export const SESSION_KEY = 'vps.session';
/** Version 1 lived under its own key and had no version field. */
export const LEGACY_SESSION_KEY = 'vps.session.v1';
export const RECOVERY_KEY = 'vps.session.recovery';
/** Kept for the modules that import it by this name. */
export const AUTOSAVE_KEY = SESSION_KEY;
export const SESSION_VERSION = 2;
const MAX_STEP = 100_000;

export interface Saved {
  case: CaseFile;
  step: number;
  scenarioId?: string;
  /** The comparison on show (trainer helper): its reason and the case it compares against. */
  compareWith?: { reason: string; case: CaseFile };
}

const SavedSchema = v.object(
  {
    case: v.unknown(),
    step: v.optional(v.pipe(v.number('expected a number'), v.integer('expected a whole number'), v.minValue(0, 'cannot be negative'), v.maxValue(MAX_STEP, `at most ${MAX_STEP}`)), 0),
    scenarioId: v.optional(v.pipe(v.string('expected text'), v.maxLength(100, 'at most 100 characters'))),
    compareWith: v.optional(v.object({ reason: v.pipe(v.string('expected text'), v.maxLength(500, 'at most 500 characters')), case: v.unknown() })),
  },
  'expected an object',
);
const SessionSchema = v.object(
  {
    ...SavedSchema.entries,
    version: v.literal(SESSION_VERSION, `expected ${SESSION_VERSION}`),
    /** The last state whose case validated: where the app restarts when the draft cannot be read. */
    good: v.optional(SavedSchema),
    savedAt: v.optional(v.number('expected a time'), 0),
    /** Which tab wrote it (see autosave.ts). */
    tab: v.optional(v.pipe(v.string('expected text'), v.maxLength(100, 'at most 100 characters')), ''),
  },
  'expected an object (a saved session)',
);

export interface StoredSession {
  version: typeof SESSION_VERSION;
  case: CaseFile;
  step: number;
  scenarioId?: string;
  compareWith?: Saved["compareWith"];
  good?: Saved;
  savedAt: number;
  tab: string;
}

export const SESSION_FORMAT: VersionedFormat = {
  name: 'saved session',
  current: SESSION_VERSION,
  migrations: {
    // 1 → 2: the version, the last good state, the time and the tab that wrote it are new.
    1: (old) => ({ version: 2, case: old.case, step: old.step ?? 0, scenarioId: old.scenarioId, savedAt: 0, tab: '' }),
  },
};

export type Loaded =
  | { kind: 'none' }
  | { kind: 'ok'; saved: Saved; record: StoredSession }
  /** Set aside: `saved` is the last good state (if any), `text` what was stored, `issues` why. */
  | { kind: 'recovered'; saved: Saved | null; text: string; issues: FieldIssue[] };

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** A saved state whose case validates, with the case as the schema reads it; null otherwise. */
function validSaved(saved: { case: unknown; step: number; scenarioId?: string; compareWith?: { reason: string; case: unknown } } | undefined): Saved | null {
  if (!saved) return null;
  const parsed = parseCaseFile(saved.case);
  return parsed.ok ? { case: parsed.value, step: saved.step, scenarioId: saved.scenarioId, ...compareOf(saved) } : null;
}

/** The comparison's "before" case, kept only when it validates (it is re-run on restore). */
function compareOf(saved: { compareWith?: { reason: string; case: unknown } }): Pick<Saved, 'compareWith'> {
  const before = saved.compareWith && parseCaseFile(saved.compareWith.case);
  return before?.ok ? { compareWith: { reason: saved.compareWith!.reason, case: before.value } } : {};
}

function goodOf(record: Record<string, unknown>): Saved | null {
  const good = v.safeParse(SavedSchema, record.good);
  return good.success ? validSaved(good.output) : null;
}

/** Reads a stored record (any version) without side effects. */
export function readSession(text: string): { ok: true; record: StoredSession; saved: Saved | null } | { ok: false; issues: FieldIssue[]; good: Saved | null } {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: [json.issue], good: null };
  const raw = json.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, issues: [{ path: '(file)', message: 'expected an object (a saved session)' }], good: null };
  const record = raw as Record<string, unknown>;
  const version = record.version === undefined ? 1 : record.version;
  // A record of a newer version is not read at all; a damaged one still gives back its last good state.
  if (typeof version !== 'number') return { ok: false, issues: [{ path: 'version', message: 'expected a number' }], good: goodOf(record) };
  const migrated = migrate(record, version, SESSION_FORMAT);
  if (!migrated.ok) return { ok: false, issues: [{ path: 'version', message: migrated.message, ...newer(version, SESSION_VERSION) }], good: version > SESSION_VERSION ? null : goodOf(record) };
  const result = v.safeParse(SessionSchema, migrated.value);
  if (!result.success) return { ok: false, issues: toFieldIssues(result.issues, 'unknown field'), good: goodOf(migrated.value) };
  const session = result.output;
  const good = validSaved(session.good);
  const current = validSaved(session);
  if (current) return { ok: true, record: { ...session, case: current.case, good: good ?? current } as StoredSession, saved: current };
  // An unfinished edit is restored as it was, as long as the form can show it.
  if (isEditableDraft(session.case)) {
    return { ok: true, record: { ...session, good: good ?? undefined } as StoredSession, saved: { case: session.case as CaseFile, step: session.step, scenarioId: session.scenarioId, ...compareOf(session) } };
  }
  const parsed = parseCaseFile(session.case);
  const issues = parsed.ok ? [] : parsed.issues.map((i) => ({ ...i, path: i.path === '(file)' ? 'case' : `case.${i.path}` }));
  return { ok: false, issues, good };
}

export function loadSession(storage: Storage | undefined = globalThis.localStorage): Loaded {
  const text = read(storage, SESSION_KEY) ?? read(storage, LEGACY_SESSION_KEY);
  if (text === null) return { kind: 'none' };
  const result = readSession(text);
  if (result.ok && result.saved) return { kind: 'ok', saved: result.saved, record: result.record };
  const issues = result.ok ? [] : result.issues;
  const good = result.ok ? null : result.good;
  setAside(text, issues, storage);
  return { kind: 'recovered', saved: good, text, issues };
}

/** Keeps what could not be read, so nothing the user typed is lost; offered for download by the app. */
function setAside(text: string, issues: FieldIssue[], storage: Storage | undefined): void {
  try {
    storage?.setItem(RECOVERY_KEY, JSON.stringify({ setAsideAt: new Date().toISOString(), issues, text }));
  } catch {
    // Quota: the text is still offered for download from memory.
  }
}

export function readRecovery(storage: Storage | undefined = globalThis.localStorage): string | null {
  const text = read(storage, RECOVERY_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : null;
  } catch {
    return text;
  }
}

export function toRecord(saved: Saved, good: Saved | undefined, tab: string, now = Date.now()): StoredSession {
  return { version: SESSION_VERSION, case: saved.case, step: saved.step, scenarioId: saved.scenarioId, ...(saved.compareWith ? { compareWith: saved.compareWith } : {}), good, savedAt: now, tab };
}

export function saveSession(saved: Saved | StoredSession, storage: Storage | undefined = globalThis.localStorage): boolean {
  const record = 'version' in saved ? saved : toRecord(saved, validSaved(saved) ?? undefined, '');
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(record));
    storage?.removeItem?.(LEGACY_SESSION_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Everything the app keeps in this browser, for "erase my data". */
export const STORED_KEYS = [SESSION_KEY, LEGACY_SESSION_KEY, RECOVERY_KEY];
export { validSaved };
