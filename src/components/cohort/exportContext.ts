// What an exported chart says about itself: a title line (chart, configurations) and one line per
// configuration with its settings, plus the assumption set, seed and cohort size (the same for all configurations of a run), so a PNG passed on stays
// readable without the app. File names carry the configuration letters.
import { m } from '../../i18n/messages';
import type { CohortResult } from '../../engine/aggregate';
import { CONFIG_LETTERS, configLabel, count } from './format';
import { setName } from './assumptionText';

export const lettersOf = (configs: readonly number[]) => configs.map((c) => CONFIG_LETTERS[c]);

/** `stem-A` or `stem-A-B-C` */
export const exportFileName = (stem: string, configs: readonly number[]) =>
  [stem, ...lettersOf(configs)].join('-');

export function exportTitle(chart: string, configs: readonly number[], results: readonly CohortResult[]): string[] {
  const letters = lettersOf(configs).join(', ');
  const lines = [`${chart} — ${letters}`];
  for (const c of configs) {
    const r = results[c];
    if (r) lines.push(`${CONFIG_LETTERS[c]}: ${configLabel(r)}`);
  }
  const first = results[configs[0]];
  if (first)
    lines.push(
      m.cohort_export_context({ set: setName(first.assumptionSet), seed: String(first.seed), cohort: count(first.cohort) }),
    );
  return lines;
}
