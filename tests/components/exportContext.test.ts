import { describe, expect, it } from 'vitest';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { simulateCohort, PathCache } from '../../src/engine/simulate';
import { exportFileName, exportTitle } from '../../src/components/cohort/exportContext';

const set = ASSUMPTION_SETS.find((s) => s.id === 'uam-reports-2018')!;
const cache = new PathCache();
const a = simulateCohort({ set, config: { asOf: '2018-01-01', practice: 'asWritten', reforms: [] }, seed: 7, cohort: 120 }, { cache });
const b = simulateCohort(
  { set, config: { asOf: '2010-06-01', practice: 'asReported', reforms: ['presumptionOfMinority'] }, seed: 7, cohort: 120 },
  { cache },
);

describe('exported chart context', () => {
  it('titles a chart with its name, the configurations drawn and their settings, set, seed and cohort size', () => {
    const title = exportTitle('Flows between milestones', [1], [a, b]);
    expect(title[0]).toBe('Flows between milestones — B');
    // only the configuration drawn: B's date, practice and reform, not A's
    expect(title[1]).toMatch(/^B: .*1 June 2010/);
    expect(title[1]).toMatch(/as reported/i);
    expect(title[1]).toMatch(/presumption of minority/i);
    expect(title.join('\n')).not.toMatch(/2018-01-01|1 January 2018/);
    expect(title.at(-1)).toMatch(/seed 7/);
    expect(title.at(-1)).toMatch(/\b120 children/);
    expect(title.at(-1)).toContain('2018');
    const both = exportTitle('Funnel', [0, 1], [a, b]);
    expect(both[0]).toBe('Funnel — A, B');
    expect(both.filter((l) => /^[AB]: /.test(l))).toHaveLength(2);
  });

  it('names the file after the configurations it shows', () => {
    expect(exportFileName('cohort-uam-reports-2018-seed1-sankey', [1])).toBe('cohort-uam-reports-2018-seed1-sankey-B');
    expect(exportFileName('x-funnel', [0, 1, 2])).toBe('x-funnel-A-B-C');
  });
});
