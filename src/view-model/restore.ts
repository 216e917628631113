// From what the autosave or a share link kept to what the step session restores: the working case as typed,
// over the path of the last good state when the working case does not run (so a reload never shows "Step 0 of
// 0"); a share link's step that is not one of the case's is named, with where the case opened instead.
import type { Saved } from '../share/storage';
import type { SessionSnapshot } from './StepSession.svelte';
import { parseCase } from './engine';
import type { Shared } from '../share/link';
import type { FieldIssue } from '../../machines/case/issues';
import { m } from '../i18n/messages';

export function toSessionSnapshot(saved: Saved, good: Saved | null | undefined): SessionSnapshot {
  const runs = parseCase(saved.case).ok;
  return { ...saved, ...(!runs && good && good.case !== saved.case ? { lastValid: good.case } : {}) };
}

/**
 * What was wrong with a share link's step once its case has run: not a step number, or past the case's last
 * step (the session opened at the nearest one). Null when the link opened where it said.
 */
export function shareStepIssue(shared: Shared, steps: number): FieldIssue | null {
  if (shared.stepIssue) return shared.stepIssue;
  if (steps > 0 && shared.step > steps - 1) return { path: 'step', message: m.share_step_beyond({ step: String(shared.step + 1), total: String(steps) }) };
  return null;
}
