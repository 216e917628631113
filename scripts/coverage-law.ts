// `npm run coverage:law`: how many acceptance cases (tests/fixtures/cases) pass through each provision of the model,
// and which provisions no case reaches. Exit code 1 when some provision is not reached.
import { parseCaseText } from '../machines/case/validate';
import { stepCase } from '../machines/case/run';
import { formatCoverage, getLawCoverage, type CoveredRun } from '../src/engine/lawCoverage';
import { loadFixtures } from '../tests/fixtures/cases/load';

const runs: CoveredRun[] = [];
for (const f of loadFixtures()) {
  const parsed = parseCaseText(f.caseText);
  if (!parsed.ok) {
    console.error(`${f.name}: invalid case file`);
    continue;
  }
  runs.push({ name: f.name, caseFile: parsed.value, run: stepCase(parsed.value) });
}
const rows = getLawCoverage(runs);
console.log(`Law coverage over ${runs.length} acceptance cases\n`);
console.log(formatCoverage(rows));
if (process.argv.includes('--cases')) {
  for (const r of rows) console.log(`${r.id}: ${r.cases.join(', ') || '—'}`);
}
process.exitCode = rows.some((r) => r.cases.length === 0) ? 1 : 0;
