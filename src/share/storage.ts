// Autosave: the working case (even when it does not validate yet) and the step, so a reload or a crashed
// tab loses nothing. Storage failures (private mode, quota) must never break the app.
import type { CaseFile } from '../../machines/case/types';

export const AUTOSAVE_KEY = 'vps.session.v1';

export interface Saved {
  case: CaseFile;
  step: number;
  scenarioId?: string;
  /** The last case that ran, while `case` does not (so the walk and its step survive a reload). */
  lastValid?: CaseFile;
  /** The comparison on show: its reason and the case it compares against. */
  compareWith?: { reason: string; case: CaseFile };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function saveSession(saved: Saved, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function loadSession(storage: Storage | undefined = globalThis.localStorage): Saved | null {
  try {
    const text = storage?.getItem(AUTOSAVE_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as Partial<Saved>;
    if (!saved.case || typeof saved.case !== 'object') return null;
    const compareWith = isObject(saved.compareWith) && typeof saved.compareWith.reason === 'string' && isObject(saved.compareWith.case) ? saved.compareWith : undefined;
    return {
      case: saved.case,
      step: typeof saved.step === 'number' ? saved.step : 0,
      scenarioId: saved.scenarioId,
      ...(isObject(saved.lastValid) ? { lastValid: saved.lastValid as unknown as CaseFile } : {}),
      ...(compareWith ? { compareWith } : {}),
    };
  } catch {
    return null;
  }
}
