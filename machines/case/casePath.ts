// Read and write a case-file field by its dotted path ("person.declaredAge"), the same paths validation issues use.
// Writes return a fresh object: the previous case stays intact (history, comparison, undo-free safety).
import type { CaseFile } from './types';

export function getAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets `path` to `next`; `undefined` removes the key, and parents left empty are removed too. */
export function setAt<T extends object>(root: T, path: string, next: unknown): T {
  const [key, ...rest] = path.split('.');
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<string, unknown>;
  if (rest.length === 0) {
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy as T;
  }
  const child = copy[key];
  const updated = setAt(child !== null && typeof child === 'object' ? child : {}, rest.join('.'), next);
  if (next === undefined && Object.keys(updated).length === 0) delete copy[key];
  else copy[key] = updated;
  return copy as T;
}

export function setCaseField(caseFile: CaseFile, path: string, next: unknown): CaseFile {
  return setAt(caseFile, path, next);
}
