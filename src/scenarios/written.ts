// The teaching scenarios as written from the shared reference and the seed reports (each names its source);
// index.ts derives the later twin of each pair and gives titles in the UI language.
import type { CaseFile } from '../../machines/case/types';

export interface Scenario {
  id: string;
  case: CaseFile;
  /** The scenario this one mirrors across a rule change (same child, other date). */
  pairOf?: string;
  /** Reference stage or table row the scenario is written from (shown in source language). */
  source: string;
}

const base = { format: 'pathway-case/1' } as const;

export const WRITTEN: Scenario[] = [
  {
    id: 'nigerian_girl_2016',
    source: 'reference §(1) Stages 0, 3, 5–9; seed 000 (Nigerian girls)',
    case: {
      ...base,
      title: 'Nigerian girl, 16, sexual exploitation, age doubted (2016)',
      date: '2016-03-01',
      person: { declaredAge: 16, nationality: 'NG', sex: 'female' },
      detection: {
        place: 'territory',
        region: 'brussels',
        exploitation: 'sexual',
        indicatorsRecognised: true,
        asylumApplication: true,
      },
      age: { doubted: true, assessment: { low: 16.5, high: 18.5 } },
      cooperation: { statementDay: 20 },
      tiesCut: true,
      publicOrderRisk: false,
      prosecution: { outcome: 'conviction', day: 1100, requisitionsRetainTrafficking: true },
      disappearsDay: null,
    },
  },
  {
    id: 'romanian_girl_2012',
    source:
      'reference §(2) 12 May 2014 (LAW-2014); Stage 4 "EEA minors: no guardian before the 2014 law"',
    case: {
      ...base,
      title: 'Romanian girl, 13, forced begging (2012)',
      date: '2012-06-12',
      person: { declaredAge: 13, nationality: 'RO', sex: 'female' },
      detection: {
        place: 'territory',
        region: 'wallonia',
        exploitation: 'begging',
        indicatorsRecognised: true,
        vulnerable: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: 40 },
      tiesCut: true,
      publicOrderRisk: false,
      disappearsDay: null,
    },
  },
  {
    id: 'found_adult_2016',
    source: 'reference Stage 3 (triple test), Stage 6 (adult: order to leave until 19 May 2017)',
    case: {
      ...base,
      title: 'Albanian youth, declared 17, found adult at the border (2016)',
      date: '2016-09-05',
      person: { declaredAge: 17, nationality: 'AL', sex: 'male' },
      detection: {
        place: 'border',
        region: 'flanders',
        exploitation: 'labour',
        indicatorsRecognised: true,
      },
      age: {
        doubted: true,
        assessment: {
          exams: [
            { exam: 'dental', low: 18.5, high: 23 },
            { exam: 'wrist', low: 19, high: 24 },
            { exam: 'collarbone', low: 20, high: 25 },
          ],
        },
      },
      cooperation: { statementDay: 10 },
      tiesCut: true,
      publicOrderRisk: false,
      disappearsDay: null,
    },
  },
  {
    id: 'declared_birthdate_2017',
    source:
      'reference Stage 3: RvS 241.990 (28 Jun 2018) and 242.623 (11 Oct 2018), declared birth date kept',
    case: {
      ...base,
      title: 'Guinean boy, declared 15, test lower bound 16.5 (2017)',
      date: '2017-04-03',
      // The lower-bound practice is the one the 2018 rulings condemned: as written the declared age holds at every date.
      practice: 'asReported',
      person: { declaredBirthDate: '2002-01-15', nationality: 'GN', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'brussels',
        exploitation: 'labour',
        indicatorsRecognised: true,
        asylumApplication: true,
      },
      age: { doubted: true, assessment: { low: 16.5, high: 19.5 } },
      cooperation: { statementDay: 30 },
      tiesCut: true,
      publicOrderRisk: false,
      prosecution: { outcome: 'pending' },
      disappearsDay: null,
    },
  },
  {
    id: 'cannabis_boy_2018',
    source: 'reference Stage 0: non-punishment from 1 Jul 2019 (ECPAT news; GRETA-2022)',
    case: {
      ...base,
      title: 'Vietnamese boy, 16, cannabis farm (2018)',
      date: '2018-11-20',
      person: { declaredAge: 16, nationality: 'VN', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'flanders',
        exploitation: 'criminal',
        indicatorsRecognised: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: 15 },
      tiesCut: true,
      publicOrderRisk: false,
      prosecution: { outcome: 'acquittal', day: 900, requisitionsRetainTrafficking: true },
      disappearsDay: null,
    },
  },
  {
    id: 'pickpocket_not_identified',
    source:
      'reference Stage 0 outcome (b) "not identified"; US TIP 2019–2020 on missed notifications',
    case: {
      ...base,
      title: 'Moroccan boy, 15, pickpocketing, indicators missed (2019)',
      date: '2019-02-11',
      person: { declaredAge: 15, nationality: 'MA', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'brussels',
        exploitation: 'criminal',
        indicatorsRecognised: false,
      },
      age: { doubted: false },
      cooperation: { statementDay: null },
      disappearsDay: null,
    },
  },
  {
    id: 'disappears_from_centre',
    source: 'reference §(3) disappearances 2018–2019; GRETA-2017 on safe accommodation',
    case: {
      ...base,
      title: 'Nigerian girl, 15, goes missing from the centre (2018)',
      date: '2018-05-14',
      person: { declaredAge: 15, nationality: 'NG', sex: 'female' },
      detection: {
        place: 'territory',
        region: 'wallonia',
        exploitation: 'sexual',
        indicatorsRecognised: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: null },
      disappearsDay: 9,
    },
  },
  {
    id: 'return_durable_solution',
    source:
      'reference Stage 11 (law of 12 Sep 2011; DQ-DS): return with guarantees of adequate care',
    case: {
      ...base,
      title: 'Albanian boy, 14, domestic labour, returns home (2013)',
      date: '2013-10-01',
      person: { declaredAge: 14, nationality: 'AL', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'wallonia',
        exploitation: 'labour',
        indicatorsRecognised: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: null },
      disappearsDay: null,
      durableSolution: { requestedDay: 60, decision: 'return' },
    },
  },
  {
    id: 'ties_resumed',
    source: 'reference Stage 8: a condition fails (contact with the exploiter) → card withdrawn',
    case: {
      ...base,
      title: 'Guinean girl, 17, contact with the network resumes (2015)',
      date: '2015-02-02',
      person: { declaredAge: 17, nationality: 'GN', sex: 'female' },
      detection: {
        place: 'territory',
        region: 'flanders',
        exploitation: 'sexual',
        indicatorsRecognised: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: 12 },
      tiesCut: { contactResumedDay: 400 },
      publicOrderRisk: false,
      disappearsDay: null,
    },
  },
  {
    id: 'case_dismissed',
    source: 'reference Stage 8 exits (case dismissed) and Stage 10',
    case: {
      ...base,
      title: 'Indian boy, 16, restaurant labour, case dismissed (2021)',
      date: '2021-03-08',
      person: { declaredAge: 16, nationality: 'IN', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'brussels',
        exploitation: 'labour',
        indicatorsRecognised: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: 5 },
      tiesCut: true,
      publicOrderRisk: false,
      prosecution: { outcome: 'dismissed', day: 500 },
      disappearsDay: null,
    },
  },
  {
    id: 'afghan_boy_asylum',
    source: 'reference Stage 6 branch 2 (no cooperation: asylum or durable solution) and Stage 11',
    case: {
      ...base,
      title: 'Afghan boy, 16, exploitation unclear, asylum (2022)',
      date: '2022-08-16',
      person: { declaredAge: 16, nationality: 'AF', sex: 'male' },
      detection: {
        place: 'territory',
        region: 'flanders',
        exploitation: 'unknown',
        indicatorsRecognised: true,
        asylumApplication: true,
      },
      age: { doubted: false },
      cooperation: { statementDay: null },
      disappearsDay: null,
      // No decision yet at the horizon: the request is pending (another procedure, the durable-solution track).
      durableSolution: { requestedDay: 120 },
    },
  },
  {
    id: 'syrian_girl_no_exploitation',
    source: 'reference Stage 1 (reporting to the Guardianship Service) and Stage 2 (COO)',
    case: {
      ...base,
      title: 'Syrian girl, 12, no sign of exploitation (2016)',
      date: '2016-01-18',
      person: { declaredAge: 12, nationality: 'SY', sex: 'female' },
      detection: {
        place: 'territory',
        region: 'wallonia',
        exploitation: 'none',
        indicatorsRecognised: false,
        asylumApplication: true,
      },
      age: { doubted: false },
      disappearsDay: null,
    },
  },
];
