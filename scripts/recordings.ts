// `npm run recordings`: the fast stepper's recordings of the shipped assumption sets' commonest steps, written as
// the JSON every cohort thread imports before its first run (src/engine/primed.ts), so that a cold cohort does not
// ask XState for them again in each thread. The file is data the machine made (fastShare.ts), never written by
// hand; a stepper refuses it if the machine's structure changed, and then records for itself. `--check` exits
// non-zero when the committed file is not of the current machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportRecordings, getFastStepperStats, importRecordings } from '../machines/case/fastStepper';
import { ASSUMPTION_SETS } from '../src/engine/assumptions';
import { createSampler } from '../src/engine/generate';
import { countChildren, resolvePaths } from '../src/engine/orchestrate';
import type { Practice } from '../machines/case/types';

export const recordingsFile = fileURLToPath(new URL('../src/engine/fast-recordings.json', import.meta.url));

/**
 * Detection dates across the modelled law, both practices, no reform: what most cohorts ask for. With the dates
 * of the Cohorts tab's "2010 / 2016 / 2018" preset (PRESETS.years in src/view-model/cohort.svelte.ts) and, for
 * period cohorts, one date a half-year over the controls' default period (2004–2024).
 */
const DATES = ['2005-06-01', '2010-06-01', '2015-06-01', '2016-06-01', '2018-06-01', '2018-12-01', '2023-06-01'];
const PERIOD_DATES = Array.from({ length: 42 }, (_, k) => `${2004 + Math.floor(k / 2)}-${k % 2 ? '10' : '04'}-01`);
const PRACTICES: Practice[] = ['asWritten', 'asReported'];
const CHILDREN = 20_000;
const PERIOD_CHILDREN = 5_000;
/** A large cohort of each set as calibrated, on the preset's dates: the rarer steps of the CLI's and the browser's default runs. */
const LARGE = 200_000;

if (process.argv.includes('--check')) {
  try {
    importRecordings(JSON.parse(readFileSync(recordingsFile, 'utf8')));
    console.log('recordings are of the current machine');
  } catch (error) {
    console.error(`${recordingsFile}: ${error instanceof Error ? error.message : String(error)}. Run \`npm run recordings\` and commit the result.`);
    process.exit(1);
  }
} else {
  const started = performance.now();
  const run = (set: (typeof ASSUMPTION_SETS)[number], asOf: string, practice: Practice, children: number) => {
    const sampler = createSampler(set, { asOf, practice, reforms: [] });
    resolvePaths(sampler, countChildren(sampler, 1, 0, children).choices);
  };
  for (const set of ASSUMPTION_SETS) {
    for (const practice of PRACTICES) {
      for (const asOf of DATES) run(set, asOf, practice, CHILDREN);
      for (const asOf of PERIOD_DATES) run(set, asOf, practice, PERIOD_CHILDREN);
    }
    for (const asOf of ['2010-06-01', '2016-06-01', '2018-12-01', set.calibratedFor.asOf]) run(set, asOf, set.calibratedFor.practice, LARGE);
  }
  // resolvePaths imports the committed file first (if it is of this machine): the new file holds those and the new ones.
  const { data } = exportRecordings({});
  writeFileSync(recordingsFile, JSON.stringify(data) + '\n');
  console.log(
    `wrote ${recordingsFile}: ${getFastStepperStats().recorded} recorded, ${getFastStepperStats().imported} kept, ${Math.round(readFileSync(recordingsFile).length / 1024)} KB, ` +
      `in ${Math.round(performance.now() - started)} ms`,
  );
}
