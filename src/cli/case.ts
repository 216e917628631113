// `npm run case -- path/to/case.json [--reference]`: prints the trace JSON on stdout; problems go to stderr with a
// non-zero exit. The fast stepper runs the machine; --reference steps XState itself (the same trace, for checking).
import { readFileSync } from 'node:fs';
import { runCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import { xstateStepper } from '../../machines/case/stepper';
import { formatIssues, parseCaseText } from '../../machines/case/validate';
import { decodeText } from '../../machines/case/issues';

const args = process.argv.slice(2);
const reference = args.includes('--reference');
const file = args.find((a) => a !== '--reference');
if (!file || file === '--help') {
  process.stderr.write('usage: npm run case -- path/to/case.json [--reference]   (prints the trace as JSON)\n');
  process.exit(file ? 0 : 2);
}
let text: string;
try {
  // UTF-8 or UTF-16 with or without BOM, as the app's file upload reads it.
  text = decodeText(readFileSync(file === '-' ? 0 : file));
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const parsed = parseCaseText(text);
if (!parsed.ok) {
  process.stderr.write(`${file} is not a valid case file:\n${formatIssues(parsed.issues)}\n`);
  process.exit(1);
}
const stepper = reference ? xstateStepper : fastStepper;
process.stdout.write(JSON.stringify(runCase(parsed.value, { stepper }), null, 2) + '\n');
