// Autosave: the working case (even when it does not validate yet) and the step, so a reload or a crashed
// tab loses nothing. Storage failures (private mode, quota) must never break the app.
import type { CaseFile } from '../../machines/case/types';

export const AUTOSAVE_KEY = 'vps.session.v1';

export interface Saved {
  case: CaseFile;
  step: number;
  scenarioId?: string;
}

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
    return { case: saved.case, step: typeof saved.step === 'number' ? saved.step : 0, scenarioId: saved.scenarioId };
  } catch {
    return null;
  }
}
