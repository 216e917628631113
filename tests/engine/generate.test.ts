import { describe, expect, it } from 'vitest';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat32 } from 'pure-rand/distribution/uniformFloat32';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import {
  createSampler,
  fillDraws,
  generateChildCase,
  SLOT_COUNT,
  type CohortConfig,
} from '../../src/engine/generate';
import { parseCaseFile } from '../../machines/case/validate';

const config: CohortConfig = { asOf: '2018-01-01', practice: 'asReported', reforms: [] };

describe('cohort generator', () => {
  it('draws the stream of pure-rand’s xoroshiro128+ read through uniformFloat32', () => {
    const out = new Float64Array(SLOT_COUNT);
    for (const state of [[1, 2, 3, 4], [-1, 0x7fffffff, -0x80000000, 1], [0x9e3779b9 | 0, 0x6a09e667 | 0, 12345, 0x510e527f]]) {
      const rng = xoroshiro128plusFromState(state);
      const expected = Array.from({ length: SLOT_COUNT }, () => uniformFloat32(rng));
      fillDraws(out, state[0], state[1], state[2], state[3]);
      expect(Array.from(out)).toEqual(expected);
    }
  });

  it('regenerates any child alone exactly as drawn in the cohort', () => {
    const sampler = createSampler(DEFAULT_ASSUMPTION_SET, config);
    const c = new Int32Array(SLOT_COUNT);
    for (const i of [0, 1, 17, 4_999, 123_456]) {
      sampler.sample(7, i, c);
      const { title, ...alone } = generateChildCase(DEFAULT_ASSUMPTION_SET, config, 7, i);
      expect(title).toContain(`#${i}`);
      expect(alone).toEqual(sampler.toCase(c));
    }
  });

  it('draws different children for different seeds and indices', () => {
    const a = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify(generateChildCase(DEFAULT_ASSUMPTION_SET, config, 1, i)),
    );
    const b = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify(generateChildCase(DEFAULT_ASSUMPTION_SET, config, 2, i)),
    );
    expect(new Set(a).size).toBeGreaterThan(30);
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(10);
  });

  it('gives the same children under every configuration, so configurations compare like with like', () => {
    const other: CohortConfig = {
      asOf: '2016-06-01',
      practice: 'asWritten',
      reforms: ['presumptionOfMinority'],
    };
    for (let i = 0; i < 200; i++) {
      const x = generateChildCase(DEFAULT_ASSUMPTION_SET, config, 3, i);
      const y = generateChildCase(DEFAULT_ASSUMPTION_SET, other, 3, i);
      expect({ ...y, date: x.date, practice: x.practice, reforms: x.reforms }).toEqual(x);
    }
  });

  it('draws only case files the engine accepts', () => {
    for (const set of ASSUMPTION_SETS) {
      for (let i = 0; i < 500; i++) {
        const result = parseCaseFile(generateChildCase(set, config, 11, i));
        expect(result.ok ? [] : result.issues).toEqual([]);
      }
    }
  });

  it('reproduces the set’s probabilities in large cohorts', () => {
    const sampler = createSampler(DEFAULT_ASSUMPTION_SET, config);
    const c = new Int32Array(SLOT_COUNT);
    const n = 40_000;
    let female = 0;
    let doubted = 0;
    let age17 = 0;
    for (let i = 0; i < n; i++) {
      sampler.sample(5, i, c);
      const k = sampler.toCase(c);
      if (k.person.sex === 'female') female++;
      if (k.age?.doubted) doubted++;
      if (k.person.declaredAge === 17) age17++;
    }
    const p = DEFAULT_ASSUMPTION_SET.params;
    const tolerance = 4 * Math.sqrt(0.25 / n); // four standard errors
    expect(Math.abs(female / n - p.female.value)).toBeLessThan(tolerance);
    expect(Math.abs(age17 / n - p.declaredAge.value['17'])).toBeLessThan(tolerance);
    const expectedDoubted =
      p.trulyAdult.value * p.ageDoubtedIfAdult.value +
      (1 - p.trulyAdult.value) * p.ageDoubtedIfMinor.value;
    expect(Math.abs(doubted / n - expectedDoubted)).toBeLessThan(tolerance);
  });
});
