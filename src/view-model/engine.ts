// The one place the UI calls the engine: runs never throw into components, and every way a case can be
// refused (bad JSON, bad field, engine error) comes back as a list of issues naming the field.
import { stepCase, type Run } from '../../machines/case/run';
import type { CaseFile } from '../../machines/case/types';
import { parseCaseFile } from '../../machines/case/validate';
import { checkCase, type FieldIssue } from './caseChecks';
import { m } from '../i18n/messages';

export type RunResult = { ok: true; run: Run } | { ok: false; message: string };
export type ParseResult = { ok: true; value: CaseFile } | { ok: false; issues: FieldIssue[] };

export function runSafely(caseFile: CaseFile): RunResult {
  try {
    return { ok: true, run: stepCase(caseFile) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every problem with a case: the form's own checks (in the UI language) first, then any the engine's schema
 * finds on other fields (the schema is the authority; its messages are in English).
 */
export function findIssues(caseFile: CaseFile): FieldIssue[] {
  const own = checkCase(caseFile);
  const parsed = parseCaseFile(caseFile);
  if (parsed.ok) return own;
  const covered = new Set(own.map((i) => i.path));
  const extra = parsed.issues.filter((i) => ![...covered].some((p) => p === i.path || p.startsWith(`${i.path}.`) || i.path.startsWith(`${p}.`)));
  return [...own, ...extra.map((i) => ({ path: i.path || '(case)', message: i.message }))];
}

export function parseCase(json: unknown): ParseResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, issues: [{ path: '(file)', message: m.check_not_object() }] };
  const issues = findIssues(json as CaseFile);
  return issues.length ? { ok: false, issues } : { ok: true, value: json as CaseFile };
}

export function parseCaseJson(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '(file)', message: m.check_json({ detail }) }] };
  }
  return parseCase(json);
}
