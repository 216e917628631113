// Problems with an input, each naming its field: the one result type of every parser (case files, sessions,
// share links, assumption sets). Collected in time linear in the input, whatever its size.
import * as v from 'valibot';

export interface FieldIssue {
  /** Dotted path with list indices, e.g. `age.assessment.exams[0].low`; `(file)` for the whole input. */
  path: string;
  /** English, as the CLI prints it */
  message: string;
  /** the kind of problem, for the UI to word it in the user's language (src/view-model/caseChecks.ts) */
  code?: IssueCode;
  params?: Record<string, string | number>;
}
export type IssueCode = 'unknownField' | 'missingField' | 'newerVersion' | 'invalidJson' | 'oneOf' | 'expectedBoolean' | 'expectedObject';
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** The schemas' plain messages for a yes/no and an object; an issue with one of them gets a code the UI words. */
export const EXPECTED_BOOLEAN = 'expected true or false';
export const EXPECTED_OBJECT = 'expected an object';

/** A list checked for its length before its items, so 100,000 items cost one comparison, not 100,000 issues. */
export function boundedList<const T extends v.GenericSchema>(item: T, max: number, what: string) {
  return v.pipe(v.array(v.unknown(), `expected a list of ${what}`), v.maxLength(max, `at most ${max} ${what}`), v.array(item));
}

/** More problems than this are summed up in one line: nobody reads 80,000 copies of the same message. */
export const MAX_ISSUES_LISTED = 50;

export function toPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = String(item.key);
    path += item.type === 'array' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path || '(file)';
}

/**
 * valibot's issues in our words: a strict object's missing key is "missing", an extra key "unknown field";
 * a message may start with its own path (`a.b: …`) and that prefix is dropped. Duplicates are removed.
 */
export function toFieldIssues(issues: readonly v.BaseIssue<unknown>[], unknownField: string): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  let more = 0;
  for (const issue of issues) {
    let message = issue.message;
    let code: IssueCode | undefined;
    // Told apart by what was expected, not by wording: an object's own message replaces valibot's.
    if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.expected === 'never') [message, code] = [unknownField, 'unknownField'];
    else if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.expected?.startsWith('"') && issue.received === 'undefined')
      [message, code] = ['missing field (required)', 'missingField'];
    else message = message.replace(/^[\w.[\]]+: /, '');
    let params: FieldIssue['params'];
    if (issue.kind === 'schema' && issue.type === 'picklist') [code, params] = ['oneOf', { values: (issue.expected ?? '').replace(/^\(|\)$/g, '').split(' | ').join(', ') }];
    else if (message === EXPECTED_BOOLEAN) code = 'expectedBoolean';
    else if (message === EXPECTED_OBJECT) code = 'expectedObject';
    const path = toPath(issue);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length < MAX_ISSUES_LISTED) out.push({ path, message, ...(code && { code }), ...(params && { params }) });
    else more++;
  }
  if (more) out.push({ path: '(file)', message: `and ${more} more problems` });
  return out;
}

export function formatIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

/** Text of a file as bytes: UTF-8 (with or without BOM) or UTF-16 with its BOM, as editors save them. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - start + 1 };
}

/**
 * JSON.parse with every syntax error placed at a line and column. Engines word their errors differently and
 * often give no position ("Unexpected token … is not valid JSON"), so the offset is found by scanning.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: FieldIssue } {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (error) {
    // Engines add their own position in their own words; ours replaces it.
    const detail = (error as Error).message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '');
    const offset = findJsonErrorOffset(clean);
    const { line, column } = lineAndColumn(clean, offset);
    const ends = offset >= clean.length ? ' (the text ends too early: is it truncated?)' : '';
    return {
      ok: false,
      issue: { path: '(file)', message: `not valid JSON at line ${line}, column ${column}${ends}: ${detail}`, code: 'invalidJson', params: { line, column, truncated: ends ? 1 : 0 } },
    };
  }
}

/** Offset of the first character where `text` stops being JSON (text.length when it ends too early). */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const fail = (at: number) => {
    throw at;
  };
  const space = () => {
    while (i < n && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail(i);
  };
  const string = () => {
    i++;
    while (i < n && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail(i);
      if (text[i] === '\\') {
        i++;
        if (i >= n) fail(n);
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(Math.min(i + k, n));
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i])) fail(i);
      }
      i++;
    }
    if (i >= n) fail(n);
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-' || match[0] === '') fail(i);
    i += match![0].length;
  };
  // An explicit stack, not recursion: a deeply nested input cannot overflow the call stack.
  const value = () => {
    const stack: string[] = [];
    for (;;) {
      space();
      if (i >= n) fail(n);
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        space();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
        } else if (c === '{') {
          if (text[i] !== '"') fail(i >= n ? n : i);
          string();
          space();
          if (text[i] !== ':') fail(i >= n ? n : i);
          i++;
          continue;
        } else continue;
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else if (c === '-' || (c >= '0' && c <= '9')) number();
      else fail(i);
      // After a value: close containers or move to the next element.
      for (;;) {
        space();
        if (stack.length === 0) return;
        const top = stack[stack.length - 1];
        if (i >= n) fail(n);
        if (text[i] === ',') {
          i++;
          if (top === '{') {
            space();
            if (text[i] !== '"') fail(i >= n ? n : i);
            string();
            space();
            if (text[i] !== ':') fail(i >= n ? n : i);
            i++;
          }
          break;
        }
        if (text[i] === (top === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          continue;
        }
        fail(i);
      }
    }
  };
  try {
    value();
    space();
    if (i < n) fail(i);
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
  return n;
}
