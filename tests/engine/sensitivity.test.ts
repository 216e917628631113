import { beforeAll, describe, expect, it } from 'vitest';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET as set, type ParamName } from '../../src/engine/assumptions';
import {
  analyseSensitivity,
  applyMove,
  FIGURE_IDS,
  movesOf,
  tableFor,
  type SensitivityRuns,
} from '../../src/engine/sensitivity';
import { toSensitivityCsv } from '../../src/engine/sensitivityCsv';
import { simulateCohort } from '../../src/engine/simulate';
import { ANY_PROTECTION } from '../../machines/catalogue/outcomes';

const config = { asOf: set.calibratedFor.asOf, practice: set.calibratedFor.practice, reforms: [] };
const cohort = 3000;
let runs: SensitivityRuns;
const progress: number[] = [];
beforeAll(() => {
  runs = analyseSensitivity({ set, config, seed: 7, cohort }, { onProgress: (p) => progress.push(p.done / p.total) });
}, 120_000);

describe('moving one parameter', () => {
  it('keeps every moved set valid, the weights summing to 1 and the other options in their proportions', () => {
    for (const s of ASSUMPTION_SETS)
      for (const move of movesOf(s)) {
        const moved = applyMove(s, move); // throws if the schema refuses the moved set
        const p = moved.params[move.param];
        if (typeof p.value === 'number') {
          expect(p.value).toBe((s.params[move.param] as { range: number[] }).range[move.end === 'low' ? 0 : 1]);
          continue;
        }
        const before = s.params[move.param].value as Record<string, number>;
        expect(p.value[move.option!]).toBe(move.value);
        expect(Object.values(p.value).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        const others = Object.keys(before).filter((k) => k !== move.option && before[k] > 0);
        for (const k of others.slice(1))
          expect(p.value[k] / p.value[others[0]]).toBeCloseTo(before[k] / before[others[0]], 6);
      }
  });

  it('takes a weight as far as its range allows, or until another option reaches a bound of its own', () => {
    const nationality = movesOf(set).filter((m) => m.param === 'nationality' && m.option === 'AF');
    const range = set.params.nationality.range;
    for (const move of nationality) {
      const w = move.weights!;
      const atOwnBound = move.value === range.AF[move.end === 'low' ? 0 : 1];
      const otherAtBound = Object.keys(w).some((k) => k !== 'AF' && (Math.abs(w[k] - range[k][0]) < 1e-9 || Math.abs(w[k] - range[k][1]) < 1e-9));
      expect(atOwnBound || otherAtBound).toBe(true);
      expect(move.end === 'low' ? move.value < 0.4 : move.value > 0.4).toBe(true);
    }
  });
});

describe('analyseSensitivity', () => {
  it('measures the baseline as the cohort orchestrator does', () => {
    const result = simulateCohort({ set, config, seed: 7, cohort });
    const share = (ids: string[]) => ids.reduce((s, id) => s + (result.outcomes[id as keyof typeof result.outcomes] ?? 0), 0) / cohort;
    expect(runs.baseline.disappeared).toBe(share(['disappeared']));
    expect(runs.baseline.protected).toBe(share(ANY_PROTECTION));
    expect(runs.baseline.mustLeave).toBe(share(['mustLeave']));
  });

  it('gives each moved run the figures of that set run on its own (the shared path store changes nothing)', () => {
    const probe = runs.probes.find((p) => p.param === 'durableSolutionDecision' && p.option === 'stay' && p.end === 'low')!;
    const alone = simulateCohort({ set: applyMove(set, probe), config, seed: 7, cohort });
    expect(probe.figures.protected).toBe(ANY_PROTECTION.reduce((s, id) => s + (alone.outcomes[id] ?? 0), 0) / cohort);
  });

  it('reports progress up to every run', () => {
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBe(movesOf(set).length + 1);
  });

  it('gives zero swing to a parameter that cannot change an outcome (the region only names a shelter)', () => {
    for (const figure of FIGURE_IDS) {
      const row = tableFor(runs, figure).rows.find((r) => r.param === 'region')!;
      expect(row.swing).toBe(0);
      expect(row.atLow).toBe(row.baseline);
    }
  });

  it('raises the share disappeared when children not recognised disappear more often', () => {
    const row = tableFor(runs, 'disappeared').rows.find((r) => r.param === 'disappearsIfNotRecognised')!;
    expect(row.low).toBe(set.params.disappearsIfNotRecognised.range[0]);
    expect(row.high).toBe(set.params.disappearsIfNotRecognised.range[1]);
    expect(row.atLow).toBeLessThan(row.baseline);
    expect(row.atHigh).toBeGreaterThan(row.baseline);
    // …and it is the parameter that moves that figure most in the default set
    expect(tableFor(runs, 'disappeared').rows[0].param).toBe('disappearsIfNotRecognised');
  });

  it('sorts rows by swing, one row per parameter, with swing the widest gap between low, high and baseline', () => {
    for (const figure of FIGURE_IDS) {
      const rows = tableFor(runs, figure).rows;
      expect(rows.map((r) => r.param).sort()).toEqual(Object.keys(set.params).sort());
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].swing).toBeGreaterThanOrEqual(rows[i].swing);
      for (const r of rows) expect(r.swing).toBeCloseTo(Math.max(r.atLow, r.atHigh, r.baseline) - Math.min(r.atLow, r.atHigh, r.baseline), 12);
    }
  });

  it('keeps, for weights over options, the option whose move changes the figure most', () => {
    const table = tableFor(runs, 'protected');
    const row = table.rows.find((r) => r.param === 'declaredAge')!;
    const swings = runs.probes
      .filter((p) => p.param === 'declaredAge')
      .reduce((acc, p) => acc.set(p.option!, [...(acc.get(p.option!) ?? []), p.figures.protected]), new Map<string, number[]>());
    const widest = Math.max(...[...swings.values()].map((f) => Math.max(...f, table.baseline) - Math.min(...f, table.baseline)));
    expect(row.swing).toBe(widest);
    expect(Object.keys(set.params.declaredAge.value)).toContain(row.option);
  });

  it('marks cited parameters and labelled assumptions as the set and the cohort result do', () => {
    const assumed = simulateCohort({ set, config, seed: 7, cohort: 10 }).assumedParams;
    for (const r of tableFor(runs, 'protected').rows) {
      expect(r.cited).toBe(set.params[r.param].source !== 'assumption');
      expect(r.cited).toBe(!assumed.includes(r.param));
      expect(r.source).toBe(set.params[r.param].source);
    }
    expect(tableFor(runs, 'protected').rows.filter((r) => r.cited).map((r) => r.param).sort()).toEqual(
      ['asylumIfNonEea', 'disappearsIfNotRecognised', 'trulyAdult'] satisfies ParamName[],
    );
  });

  it('does not rerun a parameter whose range is its value (exploited is 1 in the exploited-children set)', () => {
    const exploitedSet = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
    const small = analyseSensitivity({ set: exploitedSet, config, seed: 1, cohort: 300 });
    const row = tableFor(small, 'protected').rows.find((r) => r.param === 'exploited')!;
    expect([row.low, row.high, row.swing]).toEqual([1, 1, 0]);
    expect(small.stats.runs).toBeLessThan(small.probes.length + 1);
  }, 60_000);
});

/** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));

describe('toSensitivityCsv', () => {
  it('writes one row per parameter in the order of the table, with its basis and the figures at each end', () => {
    const table = tableFor(runs, 'disappeared', (p) => `label of ${p}`);
    const [header, ...lines] = toSensitivityCsv(table).trimEnd().split('\n');
    const cols = cells(header);
    expect(lines).toHaveLength(table.rows.length);
    const first = Object.fromEntries(cells(lines[0]).map((v, i) => [cols[i], v]));
    expect(first).toMatchObject({ figure: 'disappeared', rank: '1', param: table.rows[0].param, label: `label of ${table.rows[0].param}`, basis: 'cited', cohort: String(cohort), seed: '7' });
    expect(Number(first.figure_at_high)).toBeCloseTo(table.rows[0].atHigh, 6);
    expect(first.source).toBe(set.params.disappearsIfNotRecognised.source);
  });
});
