// The shipped assumption sets' names, descriptions and calibration targets in the UI language. The JSON keeps
// its English text (the CLI's and a loaded file's); a set the catalogue does not know is shown as written.
import { m } from '../../i18n/messages';

const SETS: Record<string, { name: () => string; description: () => string }> = {
  'uam-reports-2018': { name: m.assumptions_uam_2018_name, description: m.assumptions_uam_2018_description },
  'exploited-children': { name: m.assumptions_exploited_name, description: m.assumptions_exploited_description },
  'eea-children-2010': { name: m.assumptions_eea_2010_name, description: m.assumptions_eea_2010_description },
};
const TARGETS: Record<string, () => string> = {
  foundAdultWhenTested: m.target_found_adult_when_tested,
  testedShareOfAsylumApplicants: m.target_tested_share_asylum,
  disappearedShare: m.target_disappeared_share,
  childVictimsEnteringPerYear: m.target_child_victims_per_year,
};

export function setName(set: { id: string; name: string }): string {
  return SETS[set.id]?.name() ?? set.name;
}
export function setDescription(set: { id: string; description?: string }): string {
  return SETS[set.id]?.description() ?? set.description ?? '';
}
export function targetLabel(target: { id: string; label: string }): string {
  return TARGETS[target.id]?.() ?? target.label;
}
