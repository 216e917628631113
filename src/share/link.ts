// Share links: the case and the step index, compressed into the URL hash (nothing is sent anywhere;
// the hash never leaves the browser). A broken link is reported, never half-applied.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import * as v from 'valibot';
import type { CaseFile } from '../../machines/case/types';
import { migrate, type VersionedFormat } from '../../machines/case/migrate';
import type { FieldIssue, ParseResult } from '../../machines/case/issues';
import { parseCase } from '../view-model/engine';
import { m } from '../i18n/messages';

export const SHARE_PREFIX = '#share=';
export const SHARE_VERSION = 1;
/** Longer hashes are refused before decompressing (a real case compresses to about 1 KB). */
const MAX_HASH_LENGTH = 200_000;

export interface Shared {
  case: CaseFile;
  step: number;
  /** the link's step was not a step number (it opens at the start): what to tell the user */
  stepIssue?: FieldIssue;
}

const SHARE_FORMAT: VersionedFormat = { name: 'share link', current: SHARE_VERSION, migrations: {} };
const PayloadSchema = v.object({ v: v.optional(v.number(), SHARE_VERSION), case: v.unknown(), step: v.optional(v.unknown()) });

export function toShareHash(shared: Shared): string {
  return SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: SHARE_VERSION, case: shared.case, step: shared.step }));
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

export type SharedResult = ParseResult<Shared>;

export function fromShareHash(hash: string): SharedResult {
  const broken = (message: string): SharedResult => ({ ok: false, issues: [{ path: '(link)', message }] });
  if (!isShareHash(hash)) return broken(m.share_not_a_link());
  if (hash.length > MAX_HASH_LENGTH) return broken(m.share_too_long());
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length));
  } catch {
    text = null;
  }
  if (!text) return broken(m.share_corrupt());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return broken(m.share_corrupt());
  }
  const payload = v.safeParse(PayloadSchema, json);
  if (!payload.success) return broken(m.share_corrupt());
  const version = migrate(payload.output as Record<string, unknown>, payload.output.v, SHARE_FORMAT);
  if (!version.ok)
    return payload.output.v > SHARE_VERSION ? { ok: false, issues: [{ path: 'v', message: m.share_newer({ version: String(payload.output.v) }) }] } : broken(m.share_corrupt());
  const parsed = parseCase(payload.output.case);
  if (!parsed.ok) return { ok: false, issues: parsed.issues as FieldIssue[] };
  const { step } = payload.output;
  // The step is only where the view opens: a bad one opens the case at the start, saying so, instead of refusing.
  if (step === undefined || (typeof step === 'number' && Number.isInteger(step) && step >= 0)) return { ok: true, value: { case: parsed.value, step: step ?? 0 } };
  const shown = typeof step === 'number' ? String(step + 1) : JSON.stringify(step).slice(0, 20);
  return { ok: true, value: { case: parsed.value, step: 0, stepIssue: { path: 'step', message: m.share_step_invalid({ value: shown }) } } };
}
