// Share links: the case and the step index, compressed into the URL hash (nothing is sent anywhere;
// the hash never leaves the browser). A broken link is reported, never half-applied.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { CaseFile } from '../../machines/case/types';
import { parseCase } from '../view-model/engine';
import type { FieldIssue } from '../view-model/caseChecks';
import { m } from '../i18n/messages';

export const SHARE_PREFIX = '#share=';

export interface Shared {
  case: CaseFile;
  step: number;
}

export function toShareHash(shared: Shared): string {
  return SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, case: shared.case, step: shared.step }));
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

export type SharedResult = { ok: true; value: Shared } | { ok: false; issues: FieldIssue[] };

export function fromShareHash(hash: string): SharedResult {
  const broken = (message: string): SharedResult => ({ ok: false, issues: [{ path: '(link)', message }] });
  if (!isShareHash(hash)) return broken(m.share_not_a_link());
  const text = decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length));
  if (!text) return broken(m.share_corrupt());
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return broken(m.share_corrupt());
  }
  const { case: caseFile, step } = (payload ?? {}) as { case?: unknown; step?: unknown };
  const parsed = parseCase(caseFile);
  if (!parsed.ok) return parsed;
  const stepIndex = typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : 0;
  return { ok: true, value: { case: parsed.value, step: stepIndex } };
}
