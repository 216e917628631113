// Times runCase (trace only) against stepCase (with steps) over random case files: `npx tsx scripts/profile-run.ts`.
import fc from 'fast-check';
import { runCase, stepCase } from '../machines/case/run';
import { caseFileArbitrary } from '../tests/machines/arbitraries';

const cases = fc.sample(caseFileArbitrary, { numRuns: 2000, seed: 1 });
for (let round = 0; round < 2; round++) {
  for (const [name, fn] of [['runCase', runCase], ['stepCase', stepCase]] as const) {
    const t = performance.now();
    for (const c of cases) fn(c);
    console.log(name, 'cases/s', Math.round(cases.length / ((performance.now() - t) / 1000)));
  }
}
