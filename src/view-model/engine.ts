// The one place the UI calls the engine: runs never throw into components, and every way a case can be
// refused (bad JSON, bad field, engine error) comes back as a list of issues naming the field.
import { stepCase, type Run } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import type { CaseFile } from '../../machines/case/types';
import { parseCaseFile } from '../../machines/case/validate';
import { parseJson, type ParseResult as Parsed } from '../../machines/case/issues';
import { checkCase, localiseIssue, type FieldIssue } from './caseChecks';
import { m } from '../i18n/messages';

export type RunResult = { ok: true; run: Run } | { ok: false; message: string };
export type ParseResult = Parsed<CaseFile>;

export function runSafely(caseFile: CaseFile): RunResult {
  try {
    // The fast stepper: the machine's own steps, memoised and checked against XState whenever a step is new.
    return { ok: true, run: stepCase(caseFile, { stepper: fastStepper }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every problem with a case. The schema decides (the CLI and the UI accept exactly the same files); where the
 * form has its own wording for a field the schema refused, that translated message is shown instead.
 */
export function findIssues(caseFile: CaseFile): FieldIssue[] {
  return explain(caseFile, parseCaseFile(caseFile));
}

function explain(caseFile: CaseFile, parsed: ReturnType<typeof parseCaseFile>): FieldIssue[] {
  if (parsed.ok) return [];
  const translated = new Map<string, string>();
  for (const issue of checkCase(caseFile)) if (!translated.has(issue.path)) translated.set(issue.path, issue.message);
  return parsed.issues.map((i) => ({ path: i.path, message: translated.get(i.path) ?? localiseIssue(i) }));
}

/** A case from any edge (share link, stored session, file, another view): the schema's output or its issues. */
export function parseCase(json: unknown): ParseResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, issues: [{ path: '(file)', message: m.check_not_object() }] };
  const parsed = parseCaseFile(json);
  return parsed.ok ? parsed : { ok: false, issues: explain(json as CaseFile, parsed) };
}

export function parseCaseJson(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: [{ path: '(file)', message: localiseIssue(json.issue) }] };
  return parseCase(json.value);
}
