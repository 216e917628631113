import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { cliRunner } from './cliRun';

const { dir, env, simulate } = cliRunner('simulate');

describe('npm run simulate', () => {
  it('writes JSON with the cohort, seed, outcomes, milestones, flows and variants', () => {
    const out = join(dir, 'r.json');
    const r = simulate(
      '--cohort',
      '400',
      '--seed',
      '3',
      '--as-of',
      '2016-03-01',
      '--practice',
      'asWritten',
      '--reforms',
      'presumptionOfMinority',
      '--out',
      out,
    );
    expect(r.stderr).toContain('400 children');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({
      cohort: 400,
      seed: 3,
      asOf: '2016-03-01',
      practice: 'asWritten',
      reforms: ['presumptionOfMinority'],
    });
    expect(Object.values(json.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      400,
    );
    expect(json.milestones.detected).toBe(400);
    expect(json.flows[0]).toEqual({
      from: expect.any(String),
      to: expect.any(String),
      count: expect.any(Number),
      example: expect.any(Number),
    });
    expect(json.variants.length).toBeGreaterThan(0);
  }, 60_000);

  it('writes CSV when the output ends in .csv', () => {
    const out = join(dir, 'r.csv');
    expect(simulate('--cohort', '200', '--seed', '1', '--out', out).status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('table,id,to,count,share,example_child');
    expect(lines.some((l) => l.startsWith('outcome,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('flow,cohort,detected,200,'))).toBe(true);
  }, 60_000);

  it('reuses paths from its disk cache without changing any figure', () => {
    const [first, second, uncached] = ['a.json', 'b.json', 'c.json'].map((f) => join(dir, f));
    const args = ['--cohort', '3000', '--seed', '8', '--practice', 'asWritten'];
    expect(simulate(...args, '--out', first).stderr).toMatch(
      / [1-9]\d* machine runs \(0 paths from the cache\)/,
    );
    expect(simulate(...args, '--out', second).stderr).toMatch(
      / 0 machine runs \(\d+ paths from the cache\)/,
    );
    expect(simulate(...args, '--no-cache', '--out', uncached).status).toBe(0);
    const figures = (file: string) => ({
      ...JSON.parse(readFileSync(file, 'utf8')),
      stats: undefined,
    });
    expect(figures(second)).toEqual(figures(first));
    expect(figures(uncached)).toEqual(figures(first));
  }, 90_000);

  it('refuses bad flags with a clear message and a non-zero exit, writing nothing', () => {
    const out = join(dir, 'never.json');
    const r = simulate(
      '--cohort',
      '0',
      '--seed',
      '1',
      '--as-of',
      '2018-02-30',
      '--practice',
      'sometimes',
      '--reforms',
      'abolishBorders',
      '--out',
      out,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--cohort 0: expected a whole number from 1');
    expect(r.stderr).toContain('--as-of 2018-02-30: expected a date');
    expect(r.stderr).toContain('--practice sometimes: expected asWritten or asReported');
    expect(r.stderr).toContain('unknown reform "abolishBorders"');
    expect(existsSync(out)).toBe(false);
    const unknown = simulate('--cohort', '10', '--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
  }, 60_000);

  it('names each bad field of a bad assumption file, and a missing file', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const bad = structuredClone(DEFAULT_ASSUMPTION_SET) as unknown as Record<string, any>;
    bad.params.female.value = 'many';
    bad.params.region.value.flanders = 0.9;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = simulate('--cohort', '10', '--assumptions', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('params.female.value: expected a number from 0 to 1');
    expect(r.stderr).toMatch(/params\.region\.value: weights sum to 1\.6/);
    const missing = simulate('--cohort', '10', '--assumptions', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
    writeFileSync(file, '{ not json');
    expect(simulate('--cohort', '10', '--assumptions', file).stderr).toContain(
      '(file): not valid JSON at line 1, column 3',
    );
  }, 60_000);

  it('gives the same figures with --reference (XState itself) as with the fast stepper', () => {
    const [fast, reference] = ['fast.json', 'reference.json'].map((f) => join(dir, f));
    const args = ['--cohort', '1500', '--seed', '5', '--as-of', '2012-05-01', '--reforms', 'noCooperationCondition'];
    expect(simulate(...args, '--no-cache', '--out', fast).status).toBe(0);
    const r = simulate(...args, '--reference', '--out', reference);
    expect(r.stderr).toContain('XState reference stepper');
    const figures = (file: string) => ({ ...JSON.parse(readFileSync(file, 'utf8')), stats: undefined });
    expect(figures(reference)).toEqual(figures(fast));
  }, 90_000);

  it('caps --workers to the cores there are, saying so', () => {
    const r = simulate('--cohort', '300', '--workers', '64', '--out', join(dir, 'w.json'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`--workers 64: this machine has ${availableParallelism()} cores; using ${availableParallelism()}`);
  }, 60_000);

  it('stops, writing nothing, when the npm that started it is killed with -9', async () => {
    const out = join(dir, `orphan-${process.pid}.json`);
    const npm = spawn('npm', ['run', 'simulate', '--', '--cohort', '8000000', '--seed', '1', '--no-cache', '--out', out], {
      cwd: process.cwd(),
      detached: true,
      stdio: 'ignore',
      env,
    });
    const running = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(out) && Number(p) !== npm.pid;
          } catch {
            return false;
          }
        });
    try {
      // Wait until the simulation itself runs (node under tsx), then kill npm only.
      const until = async (what: () => boolean, ms: number) => {
        for (const end = Date.now() + ms; Date.now() < end && !what(); ) await new Promise((r) => setTimeout(r, 100));
        return what();
      };
      expect(await until(() => running().some((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('simulate.ts')), 30_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1_000));
      process.kill(npm.pid!, 'SIGKILL');
      expect(await until(() => running().length === 0, 30_000)).toBe(true);
      expect(existsSync(out)).toBe(false);
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    }
  }, 90_000);
});
