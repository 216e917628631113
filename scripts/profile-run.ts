// Profiles runCase over random case files: `node --cpu-prof --import tsx scripts/profile-run.ts`.
import fc from 'fast-check';
import { runCase } from '../machines/case/run';
import { caseFileArbitrary } from '../tests/machines/arbitraries';

const cases = fc.sample(caseFileArbitrary, { numRuns: 3000, seed: 1 });
const t = performance.now();
for (const c of cases) runCase(c);
console.log('cases/s', Math.round(cases.length / ((performance.now() - t) / 1000)));
