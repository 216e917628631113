// Built-in teaching scenarios, written from the shared reference (../../../shared/domain/reference.md) and the
// seed reports. Pairs (`pairOf`) are the same child before and after a rule changed. Titles and "what it
// teaches" live in the message catalogues (scenario_<id>_title / _teaches) so they follow the UI language.
import type { CaseFile } from '../../machines/case/types';
import { m } from '../i18n/messages';
import { WRITTEN, type Scenario } from './written';

export type { Scenario };

interface LaterTwin {
  of: string;
  id: string;
  years: number;
  title: string;
  source: string;
}

// The later twin of each pair is derived, not written: the same child at the same age with the same facts,
// only the dates moved on, so the one thing that differs between the two paths is the rule in force.
const LATER_TWINS: LaterTwin[] = [
  {
    of: 'romanian_girl_2012',
    id: 'romanian_girl_2016',
    years: 4,
    title: 'Romanian girl, 13, forced begging (2016)',
    source: 'reference §(2) 12 May 2014 (LAW-2014): guardianship extended to vulnerable EEA minors',
  },
  {
    of: 'found_adult_2016',
    id: 'found_adult_2018',
    years: 2,
    title: 'Albanian youth, declared 17, found adult at the border (2018)',
    source: 'reference §(2) 20 May 2017 (AGII-2017): annex 15 replaces the order to leave',
  },
  {
    of: 'declared_birthdate_2017',
    id: 'declared_birthdate_2019',
    years: 2,
    title: 'Guinean boy, declared 15, test lower bound 16.5 (2019)',
    source: 'reference §(2) 28 Jun & 11 Oct 2018 (AGII-RvS2018; ALD-2018)',
  },
  {
    of: 'cannabis_boy_2018',
    id: 'cannabis_boy_2020',
    years: 2,
    title: 'Vietnamese boy, 16, cannabis farm (2020)',
    source: 'reference §(2) 1 Jul 2019: non-punishment of THB victims written into law',
  },
];

function yearsLater(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

function laterTwin(earlier: Scenario, twin: LaterTwin): Scenario {
  const { person } = earlier.case;
  return {
    id: twin.id,
    pairOf: earlier.id,
    source: twin.source,
    case: {
      ...earlier.case,
      title: twin.title,
      date: yearsLater(earlier.case.date, twin.years),
      person: person.declaredBirthDate
        ? { ...person, declaredBirthDate: yearsLater(person.declaredBirthDate, twin.years) }
        : person,
    },
  };
}

export const SCENARIOS: Scenario[] = WRITTEN.flatMap((scenario) => {
  const twin = LATER_TWINS.find((t) => t.of === scenario.id);
  return twin ? [{ ...scenario, pairOf: twin.id }, laterTwin(scenario, twin)] : [scenario];
});

// Blank means blank: no date, age or nationality chosen for the user (choices with a neutral default stay).
export const BLANK_CASE: CaseFile = {
  format: 'pathway-case/1',
  title: '',
  date: '',
  person: { nationality: '' },
  detection: {
    place: 'territory',
    region: 'brussels',
    // Left to the user: the kind of exploitation decides whether the facts fit the definition (condition 2).
    exploitation: '' as CaseFile['detection']['exploitation'],
    indicatorsRecognised: true,
  },
  age: { doubted: false },
};

const titles: Record<string, () => string> = {
  nigerian_girl_2016: m.scenario_nigerian_girl_2016_title,
  romanian_girl_2012: m.scenario_romanian_girl_2012_title,
  romanian_girl_2016: m.scenario_romanian_girl_2016_title,
  found_adult_2016: m.scenario_found_adult_2016_title,
  found_adult_2018: m.scenario_found_adult_2018_title,
  declared_birthdate_2017: m.scenario_declared_birthdate_2017_title,
  declared_birthdate_2019: m.scenario_declared_birthdate_2019_title,
  cannabis_boy_2018: m.scenario_cannabis_boy_2018_title,
  cannabis_boy_2020: m.scenario_cannabis_boy_2020_title,
  pickpocket_not_identified: m.scenario_pickpocket_not_identified_title,
  disappears_from_centre: m.scenario_disappears_from_centre_title,
  return_durable_solution: m.scenario_return_durable_solution_title,
  ties_resumed: m.scenario_ties_resumed_title,
  case_dismissed: m.scenario_case_dismissed_title,
  afghan_boy_asylum: m.scenario_afghan_boy_asylum_title,
  syrian_girl_no_exploitation: m.scenario_syrian_girl_no_exploitation_title,
};
const teaches: Record<string, () => string> = {
  nigerian_girl_2016: m.scenario_nigerian_girl_2016_teaches,
  romanian_girl_2012: m.scenario_romanian_girl_2012_teaches,
  romanian_girl_2016: m.scenario_romanian_girl_2016_teaches,
  found_adult_2016: m.scenario_found_adult_2016_teaches,
  found_adult_2018: m.scenario_found_adult_2018_teaches,
  declared_birthdate_2017: m.scenario_declared_birthdate_2017_teaches,
  declared_birthdate_2019: m.scenario_declared_birthdate_2019_teaches,
  cannabis_boy_2018: m.scenario_cannabis_boy_2018_teaches,
  cannabis_boy_2020: m.scenario_cannabis_boy_2020_teaches,
  pickpocket_not_identified: m.scenario_pickpocket_not_identified_teaches,
  disappears_from_centre: m.scenario_disappears_from_centre_teaches,
  return_durable_solution: m.scenario_return_durable_solution_teaches,
  ties_resumed: m.scenario_ties_resumed_teaches,
  case_dismissed: m.scenario_case_dismissed_teaches,
  afghan_boy_asylum: m.scenario_afghan_boy_asylum_teaches,
  syrian_girl_no_exploitation: m.scenario_syrian_girl_no_exploitation_teaches,
};

export function scenarioTitle(id: string): string {
  return titles[id]?.() ?? id;
}
export function scenarioTeaches(id: string): string {
  return teaches[id]?.() ?? '';
}
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
