// Every id the Cohorts tab can show (milestones, outcomes, the set's parameters, practices and reforms) reads as
// words in all four languages, never as the engine's id: a new id without its label fails here.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MILESTONE_IDS, MILESTONES } from '../../machines/catalogue/milestones';
import { OUTCOME_IDS, OUTCOMES } from '../../machines/catalogue/outcomes';
import { REFORM_IDS } from '../../machines/rules/rules';
import { nodeLabel } from '../../src/components/cohort/format';
import { optionLabel, paramLabel } from '../../src/components/cohort/sensitivityLabels';
import { label } from '../../src/components/step/labels';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { AssumptionSetSchema, DURABLE_DECISIONS, EXPLOITATION_FORMS, PROSECUTION_OUTCOMES, REGIONS, type ParamName } from '../../src/engine/assumptions/schema';
import { COHORT_SOURCE, OUTCOME_PREFIX } from '../../src/engine/aggregate';
import { language } from '../../src/i18n/language.svelte';
import { locales } from '../../src/i18n/messages';

afterEach(() => language.set('en'));

const catalogue = (locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8'));
const PARAMS = Object.keys(AssumptionSetSchema.entries.params.entries) as ParamName[];

/** ids shown with their words: the words exist, are not the id and hold no camelCase id ("… → requestOutsideScope") */
function unlabelled(ids: readonly string[], words: (id: string) => string): string[] {
  return ids.filter((id) => {
    const text = words(id).trim();
    return text === '' || text === id || /\b[a-z]+[A-Z]\w*/.test(text);
  });
}

describe('cohort labels', () => {
  it('has a message for every milestone and outcome of the catalogue in each language file', () => {
    const ids = [...Object.values(MILESTONES), ...Object.values(OUTCOMES)].map((e) => e.messageId);
    for (const locale of locales) {
      const messages = catalogue(locale);
      expect(ids.filter((id) => typeof messages[id] !== 'string' || messages[id] === ''), locale).toEqual([]);
    }
  });

  for (const locale of locales)
    it(`names every milestone, outcome, parameter, practice and reform in words (${locale})`, () => {
      language.set(locale);
      expect(unlabelled(MILESTONE_IDS, (id) => label('milestone', id)), 'milestones').toEqual([]);
      expect(unlabelled(MILESTONE_IDS, nodeLabel), 'flow nodes').toEqual([]);
      expect(unlabelled([...MILESTONE_IDS].map((id) => `${id}#2`), nodeLabel), 'repeated milestones').toEqual([]);
      expect(unlabelled(OUTCOME_IDS, (id) => label('outcome', id)), 'outcomes').toEqual([]);
      expect(unlabelled(OUTCOME_IDS.map((id) => OUTCOME_PREFIX + id), nodeLabel), 'outcome nodes').toEqual([]);
      expect(unlabelled([COHORT_SOURCE], nodeLabel), 'cohort node').toEqual([]);
      expect(unlabelled(PARAMS, (p) => paramLabel(p as ParamName, locale)), 'parameters').toEqual([]);
      expect(unlabelled(['asWritten', 'asReported'], (id) => label('practice', id)), 'practices').toEqual([]);
      expect(unlabelled(REFORM_IDS, (id) => label('reform', id)), 'reforms').toEqual([]);
      // the options a sensitivity row names ("Region of detection: Brussels"): every named option, and the
      // nationalities of the shipped sets by their country's name
      const named: [ParamName, readonly string[]][] = [
        ['region', REGIONS],
        ['exploitationForm', EXPLOITATION_FORMS],
        ['prosecutionOutcome', PROSECUTION_OUTCOMES],
        ['durableSolutionDecision', DURABLE_DECISIONS],
        ['nationality', [...new Set(ASSUMPTION_SETS.flatMap((set) => Object.keys(set.params.nationality.value)))]],
      ];
      for (const [param, options] of named)
        expect(unlabelled(options, (option) => optionLabel(param, option)), param).toEqual([]);
    });

  it('tells the step "signs missed at detection" (most children pass it) from the outcome "not identified as a victim"', () => {
    for (const locale of locales) {
      language.set(locale);
      expect(label('milestone', 'notIdentified'), locale).not.toBe(label('outcome', 'notIdentified'));
    }
  });
});
