// Saved formats carry their version. An older one is brought up to date one step at a time (each step a
// pure function with its own test); a newer one is refused before anything reads it, never half-read.
import type { FieldIssue } from './issues';

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedFormat {
  /** What the user calls it in messages ("case file", "saved session"). */
  name: string;
  current: number;
  /** migrations[n] turns version n into version n + 1. */
  migrations: Record<number, Migration>;
}

export type Migrated = { ok: true; value: Record<string, unknown>; from: number } | { ok: false; message: string };

export function migrate(record: Record<string, unknown>, version: number, format: VersionedFormat): Migrated {
  if (!Number.isInteger(version) || version < 1) return { ok: false, message: `unknown ${format.name} version ${String(version)}` };
  if (version > format.current)
    return {
      ok: false,
      message: `this ${format.name} was written by a newer version of the simulator (version ${version}); this one reads up to version ${format.current}: update the app to open it`,
    };
  let value = record;
  for (let n = version; n < format.current; n++) {
    const step = format.migrations[n];
    if (!step) return { ok: false, message: `no way to read ${format.name} version ${n}` };
    value = step(value);
  }
  return { ok: true, value, from: version };
}

/** The code and figures of a "written by a newer version" refusal, for the UI to word; nothing for other refusals. */
export function newer(version: number, current: number): Pick<FieldIssue, 'code' | 'params'> {
  return version > current ? { code: 'newerVersion', params: { version, current } } : {};
}

/** The version in a case file's `format` tag ("pathway-case/1" → 1), or undefined when it is not one. */
export function caseFormatVersion(format: unknown): number | undefined {
  const match = typeof format === 'string' ? /^pathway-case\/(\d{1,6})$/.exec(format) : null;
  return match ? Number(match[1]) : undefined;
}
