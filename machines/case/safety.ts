// Whether a case that does not validate can still be shown in the form (an unfinished edit) or must be set
// aside: the form reads containers (person, age.assessment, exams…) by shape, so a container of the wrong
// type or an unknown key would break it, while a wrong or missing value only shows as an issue by its field.
import * as v from 'valibot';
import { CaseFileSchema } from './schema';

const CONTAINERS = new Set(['object', 'strict_object', 'loose_object', 'array']);

function breaksTheForm(issue: v.BaseIssue<unknown>): boolean {
  if (issue.kind !== 'schema') return false;
  if (issue.received === 'Object' || issue.received === 'Array') return true;
  if (!CONTAINERS.has(issue.type)) return false;
  return issue.expected === 'never' || issue.received !== 'undefined';
}

/** True when the draft has only value problems (a missing date, an unknown country, a day out of range). */
export function isEditableDraft(draft: unknown): boolean {
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) return false;
  const result = v.safeParse(CaseFileSchema, draft, { abortPipeEarly: false });
  return result.success || !result.issues.some(breaksTheForm);
}
