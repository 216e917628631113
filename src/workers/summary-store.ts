// A disk cache of cohort paths for the CLI, so repeated runs (other seeds, larger cohorts) only run the
// machine for case files not met before. One file per (engine source, assumption set, configuration): any
// change to machines/ or to xstate gives a new file, so a stale path is never reused.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
export const DEFAULT_CACHE_DIR =
  process.env.COHORT_CACHE_DIR ?? join(ROOT, 'node_modules/.cache/pathway-cohort');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** Hash of everything a trace depends on besides the case file: the engine's sources and xstate's version. */
function engineFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of listFiles(join(ROOT, 'machines')))
    hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  hash.update(
    JSON.parse(readFileSync(join(ROOT, 'node_modules/xstate/package.json'), 'utf8')).version,
  );
  return hash.digest('hex');
}

/** On disk: milestone ids and assumption texts once each, then per key [outcome, track, outcomeDay, ids…, days…, assumptions…]. */
interface StoredFile {
  format: 'pathway-cohort-cache/2';
  strings: string[];
  entries: [number, number[]][];
}

export function openSummaryStore(
  set: AssumptionSet,
  config: CohortConfig,
  dir = DEFAULT_CACHE_DIR,
): SummaryStore {
  const id = createHash('sha256')
    .update(engineFingerprint())
    .update(
      JSON.stringify([
        set.params,
        set.horizonDays,
        config.asOf,
        config.practice,
        [...config.reforms].sort(),
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  const file = join(dir, `${id}.json`);
  const summaries = new Map<number, PathSummary>();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string) =>
    stringIndex.get(s) ?? (stringIndex.set(s, strings.push(s) - 1), strings.length - 1);
  let dirty = false;
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
      if (stored.format !== 'pathway-cohort-cache/2') throw new Error('older cache format');
      stored.strings.forEach(intern);
      for (const [key, [outcome, track, outcomeDay, n, ...rest]] of stored.entries) {
        summaries.set(key, {
          outcome: stored.strings[outcome] as OutcomeId,
          track: stored.strings[track] as TrackId,
          outcomeDay,
          milestones: rest
            .slice(0, n)
            .map((s, i) => ({ id: stored.strings[s] as MilestoneId, day: rest[n + i] })),
          assumptions: rest.slice(2 * n).map((s) => stored.strings[s]),
        });
      }
    } catch {
      summaries.clear(); // an unreadable cache is only a slower run
    }
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
          ...s.milestones.map((m) => intern(m.id)),
          ...s.milestones.map((m) => m.day),
          ...s.assumptions.map(intern),
        ],
      ]);
      mkdirSync(dir, { recursive: true });
      const stored: StoredFile = { format: 'pathway-cohort-cache/2', strings, entries };
      writeFileSync(file, JSON.stringify(stored));
      dirty = false;
    },
  };
}
