// Parsing a case file: JSON text (any BOM, syntax errors placed at a line and column) → version check and
// migration → the schema (schema.ts). Every problem is reported with its field path and nothing is run on a
// file that has one. The CLI and the UI both come through here, so they accept exactly the same files.
import * as v from 'valibot';
import { CaseFileSchema, type CaseFile } from './schema';
import { CASE_FORMAT, CASE_FORMAT_VERSION, MODELLED_PERIOD, MAX_HORIZON_DAYS } from './defaults';
import { caseFormatVersion, migrate, newer, type VersionedFormat } from './migrate';
import { formatIssues, parseJson, toFieldIssues, type FieldIssue, type ParseResult as Parsed } from './issues';

export { CaseFileSchema, MODELLED_PERIOD, MAX_HORIZON_DAYS, formatIssues };
export type CaseIssue = FieldIssue;
export type ParseResult = Parsed<CaseFile>;

export const CASE_FILE_FORMAT: VersionedFormat = {
  name: 'case file',
  current: CASE_FORMAT_VERSION,
  // pathway-case/1 is the first version: nothing to migrate yet. A later version adds `n: (old) => new` here.
  migrations: {},
};

export const UNKNOWN_FIELD = `unknown field (not part of ${CASE_FORMAT})`;

export function parseCaseFile(json: unknown): ParseResult {
  let input = json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const version = caseFormatVersion((json as { format?: unknown }).format);
    if (version !== undefined && version !== CASE_FORMAT_VERSION) {
      const migrated = migrate(json as Record<string, unknown>, version, CASE_FILE_FORMAT);
      if (!migrated.ok) return { ok: false, issues: [{ path: 'format', message: migrated.message, ...newer(version, CASE_FORMAT_VERSION) }] };
      input = migrated.value;
    }
  }
  const result = v.safeParse(CaseFileSchema, input, { abortPipeEarly: false });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: toFieldIssues(result.issues, UNKNOWN_FIELD) };
}

/** Parses the text of a case file; a JSON syntax error is reported with its line and column. */
export function parseCaseText(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? parseCaseFile(json.value) : { ok: false, issues: [json.issue] };
}
