import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from './cliRun';

const { dir, simulate } = cliRunner('simulate-period');

describe('npm run simulate -- --from … --to …', () => {
  it('spreads children over the period and reports them by year of detection, with the rule changes', () => {
    const out = join(dir, 'period.json');
    const r = simulate('--cohort', '300', '--from', '2003-06-01', '--to', '2005-05-31', '--spread', 'arrivals', '--out', out);
    expect(r.stderr).toContain('300 children detected 2003-06-01 to 2005-05-31');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json.byYear)).toEqual(['2003', '2004', '2005']);
    expect(Object.values(json.byYear as Record<string, { cohort: number }>).reduce((s, y) => s + y.cohort, 0)).toBe(300);
    expect(json.byYear['2003'].milestones.guardianAppointed).toBeUndefined();
    expect(json.byYear['2005'].milestones.guardianAppointed).toBeGreaterThan(0);
    expect(json.markers.map((m: { date: string }) => m.date)).toContain('2004-05-01');
  });

  it('writes the by-year rows into the CSV', () => {
    const out = join(dir, 'period.csv');
    expect(simulate('--cohort', '100', '--from', '2010-01-01', '--to', '2011-12-31', '--out', out).status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toMatch(/^by_year,cohort,2010,\d+/m);
    expect(csv).toMatch(/^by_year,cohort,2011,\d+/m);
  });

  it('names a bad period flag and writes nothing', () => {
    const out = join(dir, 'bad.json');
    const r = simulate('--cohort', '10', '--from', '2012-01-01', '--to', '2011-01-01', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--from 2012-01-01 is after to 2011-01-01');
    expect(simulate('--cohort', '10', '--from', '2012-01-01').stderr).toContain('--from and --to go together');
    expect(simulate('--cohort', '10', '--from', '2012-01-01', '--to', '2013-01-01', '--spread', 'x').stderr).toContain(
      '--spread x: expected uniform or arrivals',
    );
    expect(existsSync(out)).toBe(false);
  });
});
