// The assumption sets shipped with the app; the first is the default (calibrated to cited figures).
import uamReports2018 from './uam-reports-2018.json';
import exploitedChildren from './exploited-children.json';
import eeaChildren2010 from './eea-children-2010.json';
import { parseAssumptionSet, type AssumptionSet } from './schema';

function load(json: unknown): AssumptionSet {
  const result = parseAssumptionSet(json);
  if (!result.ok)
    throw new Error(
      `bundled assumption set is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  return result.value;
}

export const ASSUMPTION_SETS: AssumptionSet[] = [
  load(uamReports2018),
  load(exploitedChildren),
  load(eeaChildren2010),
];
export const DEFAULT_ASSUMPTION_SET = ASSUMPTION_SETS[0];
export * from './schema';
