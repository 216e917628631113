// From what the autosave kept to what the step session restores: the working case as typed, over the path of
// the last good state when the working case does not run (so a reload never shows "Step 0 of 0").
import type { Saved } from '../share/storage';
import type { SessionSnapshot } from './StepSession.svelte';
import { parseCase } from './engine';

export function toSessionSnapshot(saved: Saved, good: Saved | null | undefined): SessionSnapshot {
  const runs = parseCase(saved.case).ok;
  return { ...saved, ...(!runs && good && good.case !== saved.case ? { lastValid: good.case } : {}) };
}
