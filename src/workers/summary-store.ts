// A disk cache of cohort paths for the CLI, so repeated runs (other seeds, larger cohorts) only run the machine
// for case files not met before. One file per (engine, assumption set, configuration). Each file carries the
// hash of the engine that wrote it (machines/ and xstate's version) and a checksum of its contents: a file from
// another engine, or altered, damaged or truncated, is discarded with a note and the paths are computed again.
// The folder is pruned to the most recently used files, so it never grows without bound.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MilestoneId, OutcomeId, TrackId } from '../../machines/case/types';
import type { PathSummary } from '../engine/aggregate';
import type { AssumptionSet } from '../engine/assumptions/schema';
import type { CohortConfig } from '../engine/generate';

export interface SummaryStore {
  get(key: number): PathSummary | undefined;
  set(key: number, summary: PathSummary): void;
  readonly size: number;
  save(): void;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_CACHE_DIR = process.env.COHORT_CACHE_DIR ?? join(ROOT, 'node_modules/.cache/pathway-cohort');
const FORMAT = 'pathway-cohort-cache/4';
/** Files kept in the folder (the most recently used), and their total size. */
export const CACHE_LIMITS = { files: 24, bytes: 256 * 2 ** 20 };

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

let fingerprint: string | undefined;
/**
 * Hash of everything a stored path depends on besides the child's key: the engine's sources, what a key means
 * (the sampler: src/engine/generate.ts) and xstate's version.
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const file of [...listFiles(join(ROOT, 'machines')), join(ROOT, 'src/engine/generate.ts')])
    hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  hash.update(JSON.parse(readFileSync(join(ROOT, 'node_modules/xstate/package.json'), 'utf8')).version);
  return (fingerprint = hash.digest('hex'));
}

/** On disk: milestone ids and assumption texts once each, then per key [outcome, track, outcomeDay, n, a, ids…, days…, assumptions (a)…, edges…]. */
interface StoredFile {
  format: typeof FORMAT;
  engine: string;
  /** sha256 of JSON.stringify([strings, entries]) */
  checksum: string;
  strings: string[];
  entries: [number, number[]][];
}

const checksumOf = (strings: string[], entries: [number, number[]][]) =>
  createHash('sha256').update(JSON.stringify([strings, entries])).digest('hex');

/** Keeps the most recently used cache files within CACHE_LIMITS; returns how many were removed. */
export function pruneCache(dir = DEFAULT_CACHE_DIR, limits = CACHE_LIMITS): number {
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const path = join(dir, name);
      const { mtimeMs, size } = statSync(path);
      return { path, mtimeMs, size };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  let bytes = 0;
  let removed = 0;
  files.forEach((f, i) => {
    bytes += f.size;
    if (i >= limits.files || bytes > limits.bytes) {
      rmSync(f.path, { force: true });
      removed++;
    }
  });
  return removed;
}

export function openSummaryStore(
  set: AssumptionSet,
  config: CohortConfig,
  dir = DEFAULT_CACHE_DIR,
  note: (message: string) => void = () => {},
): SummaryStore {
  const engine = engineFingerprint();
  const id = createHash('sha256')
    .update(engine)
    .update(JSON.stringify([set.params, set.horizonDays, config.asOf, config.practice, [...config.reforms].sort()]))
    .digest('hex')
    .slice(0, 32);
  const file = join(dir, `${id}.json`);
  const summaries = new Map<number, PathSummary>();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string) => stringIndex.get(s) ?? (stringIndex.set(s, strings.push(s) - 1), strings.length - 1);
  let dirty = false;
  if (existsSync(file)) {
    const problem = load();
    if (problem) {
      summaries.clear();
      strings.length = 0;
      stringIndex.clear();
      rmSync(file, { force: true });
      note(`the cohort cache ${file} was discarded (${problem}); its paths are computed again`);
    } else utimesSync(file, new Date(), new Date()); // recently used: kept by pruneCache
  }

  function load(): string | undefined {
    let stored: StoredFile;
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
    } catch (error) {
      return `unreadable: ${(error as Error).message}`;
    }
    if (stored?.format !== FORMAT) return `format ${String(stored?.format)}, expected ${FORMAT}`;
    if (stored.engine !== engine) return 'written by another version of the machine';
    if (!Array.isArray(stored.strings) || !Array.isArray(stored.entries) || checksumOf(stored.strings, stored.entries) !== stored.checksum) {
      return 'checksum mismatch: altered or damaged';
    }
    stored.strings.forEach(intern);
    for (const [key, [outcome, track, outcomeDay, n, a, ...rest]] of stored.entries) {
      summaries.set(key, {
        outcome: stored.strings[outcome] as OutcomeId,
        track: stored.strings[track] as TrackId,
        outcomeDay,
        milestones: rest.slice(0, n).map((s, i) => ({ id: stored.strings[s] as MilestoneId, day: rest[n + i] })),
        assumptions: rest.slice(2 * n, 2 * n + a).map((s) => stored.strings[s]),
        edges: rest.slice(2 * n + a),
      });
    }
    return undefined;
  }

  return {
    get: (key) => summaries.get(key),
    set: (key, summary) => {
      summaries.set(key, summary);
      dirty = true;
    },
    get size() {
      return summaries.size;
    },
    save() {
      if (!dirty) return;
      const entries: [number, number[]][] = [...summaries].map(([key, s]) => [
        key,
        [
          intern(s.outcome),
          intern(s.track ?? 'none'),
          s.outcomeDay,
          s.milestones.length,
          s.assumptions.length,
          ...s.milestones.map((m) => intern(m.id)),
          ...s.milestones.map((m) => m.day),
          ...s.assumptions.map(intern),
          ...(s.edges ?? []),
        ],
      ]);
      mkdirSync(dir, { recursive: true });
      const stored: StoredFile = { format: FORMAT, engine, checksum: checksumOf(strings, entries), strings, entries };
      // Written beside, then renamed: a run killed while saving never leaves half a file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(stored));
      renameSync(partial, file);
      dirty = false;
      pruneCache(dir);
    },
  };
}
