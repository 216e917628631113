// The CLI's disk cache is never trusted blindly: a file altered, from another engine, or damaged is discarded
// with a note (and the figures are those of a cold run); the folder is pruned to its most recent files.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import type { CohortConfig } from '../../src/engine/generate';
import { simulateCohort } from '../../src/engine/simulate';
import { openSummaryStore, pruneCache } from '../../src/workers/summary-store';

const set = DEFAULT_ASSUMPTION_SET;
const config: CohortConfig = { asOf: '2018-01-01', practice: 'asReported', reforms: [] };
const request = { set, config, seed: 2, cohort: 2_000 };
const figures = (r: ReturnType<typeof simulateCohort>) => ({ ...r, stats: undefined });

function cachedRun(dir: string) {
  const notes: string[] = [];
  const store = openSummaryStore(set, config, dir, (n) => notes.push(n));
  const result = simulateCohort(request, { store });
  store.save();
  return { result, notes };
}
const cacheFile = (dir: string) => join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);

describe('cohort disk cache', () => {
  const cold = simulateCohort(request);

  it('reuses its paths when the file is intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    cachedRun(dir);
    const warm = cachedRun(dir);
    expect(warm.notes).toEqual([]);
    expect(warm.result.stats.machineRuns).toBe(0);
    expect(figures(warm.result)).toEqual(figures(cold));
  });

  it('discards, with a note, a file whose contents were altered (two outcomes swapped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    cachedRun(dir);
    const file = cacheFile(dir);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const a = stored.strings.indexOf('disappeared');
    const b = stored.strings.indexOf('returned');
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThanOrEqual(0);
    [stored.strings[a], stored.strings[b]] = [stored.strings[b], stored.strings[a]];
    writeFileSync(file, JSON.stringify(stored));
    const again = cachedRun(dir);
    expect(again.notes).toEqual([expect.stringMatching(/discarded \(checksum mismatch/)]);
    expect(again.result.stats.machineRuns).toBe(again.result.stats.distinctCases);
    expect(figures(again.result)).toEqual(figures(cold));
  });

  it('discards, with a note, a file written by another version of the machine, and a truncated one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    cachedRun(dir);
    const file = cacheFile(dir);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, engine: 'f'.repeat(64) }));
    expect(cachedRun(dir).notes).toEqual([expect.stringMatching(/another version of the machine/)]);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    expect(cachedRun(dir).notes).toEqual([expect.stringMatching(/unreadable/)]);
    expect(cachedRun(dir).notes).toEqual([]);
  });

  it('keeps only the most recently used files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    for (let i = 0; i < 30; i++) {
      const path = join(dir, `${String(i).padStart(2, '0')}.json`);
      writeFileSync(path, '{}');
      utimesSync(path, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    expect(pruneCache(dir, { files: 24, bytes: 2 ** 30 })).toBe(6);
    expect(readdirSync(dir).sort()[0]).toBe('06.json');
    expect(pruneCache(dir, { files: 24, bytes: 20 })).toBe(14);
  });
});
