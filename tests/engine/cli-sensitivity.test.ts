import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';

const dir = mkdtempSync(join(tmpdir(), 'sensitivity-'));
function simulate(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run simulate -- --sensitivity', () => {
  it('prints the table as CSV, one row per parameter, widest swing first, and says how long it took', () => {
    const r = simulate('--sensitivity', 'disappeared', '--cohort', '400', '--seed', '2', '--csv');
    expect(r.stderr).toMatch(/sensitivity of disappeared: \d+ cohorts of 400 children in \d+ ms/);
    expect(r.status).toBe(0);
    const [header, ...lines] = r.stdout.trimEnd().split('\n');
    expect(header.split(',').slice(0, 5)).toEqual(['figure', 'rank', 'param', 'label', 'option']);
    expect(lines).toHaveLength(Object.keys(ASSUMPTION_SETS[0].params).length);
    const swing = header.split(',').indexOf('swing');
    // the last cells hold no commas: read the swing from the end of the row
    const swings = lines.map((l) => Number(l.split(',').at(swing - header.split(',').length)));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(lines[0]).toMatch(/^disappeared,1,disappearsIfNotRecognised,Disappears \(not recognised\),,cited,/);
  }, 120_000);

  it('prints an aligned table by default and writes JSON to --out, for the set --set names', () => {
    const out = join(dir, 'table.json');
    const r = simulate('--sensitivity', 'protected', '--cohort', '300', '--set', 'eea-children-2010', '--as-of', '2012-06-01', '--out', out);
    expect(r.status).toBe(0);
    const table = JSON.parse(readFileSync(out, 'utf8'));
    expect(table).toMatchObject({ format: 'pathway-sensitivity/1', figure: 'protected', cohort: 300, asOf: '2012-06-01', assumptionSet: { id: 'eea-children-2010' } });
    expect(table.rows.every((row: { cited: boolean; source: string }) => row.cited === (row.source !== 'assumption'))).toBe(true);
    const text = simulate('--sensitivity', 'mustLeave', '--cohort', '200');
    expect(text.stdout).toContain('Share who must leave the territory (mustLeave):');
    expect(text.stdout).toMatch(/◇ Nationality mix \[\w+\]/);
  }, 120_000);

  it('refuses an unknown figure, an unknown set, a period or a cohort too large, naming the flag', () => {
    const r = simulate('--sensitivity', 'happy', '--set', 'nope', '--cohort', '5000000');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--sensitivity happy: expected one of protected, protectedAsVictim');
    expect(r.stderr).toContain('--set nope: unknown set (known: uam-reports-2018');
    expect(r.stderr).toContain('--cohort 5000000: expected a whole number from 1 to 200000');
    const period = simulate('--sensitivity', 'protected', '--from', '2010-01-01', '--to', '2012-01-01');
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('--sensitivity runs on one date');
    expect(simulate('--cohort', '10', '--csv').stderr).toContain('--csv goes with --sensitivity');
  }, 60_000);
});
