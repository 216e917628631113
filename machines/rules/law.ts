// The law as the model reads it: every dated rule with its values, legal basis and source (the seeds' line
// numbers, or a reference.md entry). Practice overlays and reforms (overlays.ts) are deltas over these values.
import { rule, type Rule } from './dated';

export const SEED_2010 = '000_e2d525d5dfd5097e.txt';
export const SEED_2018 = '001_c8293595e150eaad.txt';

export const RULES = {
  guardianshipServiceOperational: rule<boolean>('The Guardianship Service takes charge of unaccompanied minors', [
    {
      to: '2004-04-30',
      value: false,
      basis: 'Guardianship law adopted 24 Dec 2002 but not yet operational',
      source: 'reference.md, Stage 4; "How the rules changed" 24 Dec 2002 → 1 May 2004',
    },
    {
      from: '2004-05-01',
      value: true,
      basis: 'Programme Act of 24 Dec 2002, Title XIII ch. VI (guardianship law); RD 22 Dec 2003; circular of 19 Apr 2004',
      source: `reference.md, Stage 1 and Stage 4 (CIRC-2004); ${SEED_2018}:99`,
    },
  ]),
  guardianshipCoversEea: rule<boolean>('EEA/Swiss children can have a guardian (when vulnerable or asking THB residence)', [
    {
      to: '2014-11-30',
      value: false,
      basis: 'Guardianship law applies only to non-EEA children',
      source: `${SEED_2010}:52-55; reference.md, Stage 4`,
    },
    {
      from: '2014-12-01',
      value: true,
      basis: 'Law of 12 May 2014 (art 5/1 guardianship law), Moniteur belge 21 Nov 2014',
      source: `${SEED_2018}:99; reference.md, Stage 1 (LAW-2014)`,
      assumption: 'The law of 12 May 2014 is taken to be in force from 1 Dec 2014 (publication 21 Nov 2014 + 10 days).',
    },
  ]),
  provisionalGuardianAtBorder: rule<boolean>('A provisional guardian for anyone at the border who declares to be a minor', [
    { to: '2005-12-31', value: false, basis: 'Before the 2006 reform', source: 'reference.md, Stage 4' },
    {
      from: '2006-01-01',
      value: true,
      basis: 'Guardianship Service practice after the 2006 reform',
      source: 'reference.md, Stage 4 (news.belgium.be)',
      assumption: 'The 2006 border reform is taken to apply from 1 Jan 2006 (exact date not found).',
    },
  ]),
  borderDetentionMaxWorkingDays: rule<number | null>('Closed-centre holding at the border while the age is tested', [
    {
      to: '2007-01-11',
      value: null,
      basis: 'Before the Reception Act: minors could be held in closed centres for weeks',
      source: 'reference.md, Stage 2 (news.belgium.be)',
    },
    {
      from: '2007-01-12',
      value: 6,
      basis: 'Reception Act of 12 Jan 2007: 3 working days, extendable by 3, only when minority is doubted at the border',
      source: 'reference.md, Stage 2 (AGII-OPVANG; ADDE; Alter Échos 2009)',
    },
  ]),
  ageAssessmentTurnaroundDays: rule<number>('Days from the age doubt to the Guardianship Service age decision (territory)', [
    {
      to: '2015-08-31',
      value: 21,
      basis: 'Practice: about 21 days before the 2015 influx',
      source: 'reference.md, Stage 3 (N-VA 2015, party source)',
      assumption: 'The switch from 21 to 9 days is dated 1 Sep 2015 (the influx); the source gives no date.',
    },
    {
      from: '2015-09-01',
      value: 9,
      basis: 'Practice: about 9 days after the 2015 influx',
      source: 'reference.md, Stage 3 (N-VA 2015, party source)',
    },
  ]),
  ageDecisionMethod: rule<'lowestAge' | 'doctorConclusion' | 'multiAgency'>('How the age decision reads the triple test', [
    {
      value: 'lowestAge',
      basis: 'Art 7 §3 guardianship law: when the test is inconclusive the lowest age is taken (minor iff lowest estimate < 18)',
      source: `${SEED_2018}:91; reference.md, Stage 3 (VR-AGE; DQ-AGE; MEX-ID)`,
    },
  ]),
  ageTestCarriedOut: rule<boolean>('The Guardianship Service carries out the medical age test', [
    {
      value: true,
      basis: 'Arts 6–7 guardianship law; the triple test (teeth, wrist, collarbone) is a practice, no text prescribes it',
      source: `${SEED_2018}:91; reference.md, Stage 3`,
    },
  ]),
  ageOfMajority: rule<number>('Age at which a person is an adult (minority, guardianship and the minor’s procedures end)', [
    {
      value: 18,
      basis: 'Civil Code art 388 (minor: under 18); guardianship law art 5 (unaccompanied minor: under 18)',
      source: 'reference.md, Stage 1 and Stage 4 (CIRC-2004)',
    },
  ]),
  ageOfRecordWhenMinor: rule<'assessmentLowerBound' | 'declared'>('Age held when the test finds a minor', [
    {
      to: '2018-06-27',
      value: 'assessmentLowerBound',
      basis: "Guardianship Service practice: the test's lower bound replaced a lower declared age",
      source: 'reference.md, Stage 3 (AGII-RvS2018; ALD-2018)',
    },
    {
      from: '2018-06-28',
      value: 'declared',
      basis: 'Council of State 241.990 (28 Jun 2018) and 242.623 (11 Oct 2018): the declared age stands when minority is found',
      source: 'reference.md, Stage 3 (AGII-RvS2018; ALD-2018)',
    },
  ]),
  ageAppealDays: rule<number>('Deadline to appeal an age decision to the Council of State', [
    {
      value: 60,
      basis: 'Appeal to the Council of State within 60 days of notification',
      source: `reference.md, Stage 3 (DQ-AGE; FEDASIL-AGE); contradicts ${SEED_2018}:91 ("never done")`,
    },
  ]),
  ageAssessmentSafeguards: rule<boolean>('Interview, informed consent and review before the medical test', [
    { to: '2025-12-10', value: false, basis: 'No systematic safeguards', source: 'reference.md, Stage 3' },
    {
      from: '2025-12-11',
      value: true,
      basis: 'Execution of ECtHR F.B. v. Belgium (6 Mar 2025): interview, information on refusal, written consent, review',
      source: 'reference.md, Stage 3 (COE-FB)',
      assumption: 'The action report of "11 December" is taken to be of 2025.',
    },
  ]),
  referralWaitsForMinority: rule<boolean>('A doubted minor is referred to specialised care only once minority is confirmed', [
    {
      value: false,
      basis: 'Obligation to refer an identified child victim to a specialised centre (COO Royal Decree 9 Apr 2007 art 7)',
      source: `${SEED_2018}:95; reference.md, Stage 2`,
    },
  ]),
  minorProtectionWhileAgeAssessed: rule<boolean>('Full minor protection while the age is being assessed', [
    {
      value: false,
      basis: 'Minor-specific residence and placement follow the age decision',
      source: `${SEED_2018}:188 (recommendation 29 asks for it)`,
    },
  ]),
  nonPunishment: rule<boolean>('Victims are not punished for offences resulting from their exploitation', [
    {
      to: '2019-06-30',
      value: false,
      basis: 'Only COL 01/2015 guidance to give priority to the victim status',
      source: `${SEED_2018}:108`,
    },
    {
      from: '2019-07-01',
      value: true,
      basis: 'Non-punishment clause written into law (1 Jul 2019)',
      source: 'reference.md, Stage 0 (ECPAT news; GRETA-2022)',
    },
  ]),
  mezaOpen: rule<boolean>('Meza (Minor-Ndako) shelter for girls who are victims of sexual exploitation', [
    { to: '2021-12-31', value: false, basis: 'Not yet opened', source: 'reference.md, Stage 5' },
    {
      from: '2022-01-01',
      value: true,
      basis: 'Meza opened in Flanders in 2022',
      source: 'reference.md, Stage 5 (childfocus hub; TIP 2022)',
      assumption: 'Meza is taken to be open from 1 Jan 2022 (only the year is known) and to serve Flanders and Brussels.',
    },
  ]),
  childTraffickingShelterEverywhere: rule<boolean>('Every region has a shelter specialised in child trafficking', [
    {
      value: false,
      basis: 'Only Esperanto (Wallonia) is specialised in child victims of trafficking',
      source: `${SEED_2018}:99; ${SEED_2010}:85-89`,
    },
  ]),
  reflectionDocument: rule<'orderToLeave' | 'annex15'>('Document covering the adult 45-day reflection period', [
    {
      to: '2017-05-19',
      value: 'orderToLeave',
      basis: 'Circular of 26 Sep 2008, VI.a: order to leave the territory with a 45-day term',
      source: 'reference.md, Stage 6 (CIRC-2008; SENATE-5-2099; PAGASA)',
    },
    {
      from: '2017-05-20',
      value: 'annex15',
      basis: 'Art 61/2 Aliens Act as amended: annex 15 provisional residence document, 45 days',
      source: 'reference.md, Stage 6 (AGII-2017; AGII-PROC; MYRIA-NL)',
    },
  ]),
  adultReflectionDays: rule<number>('Reflection period for adults', [
    {
      value: 45,
      basis: 'Art 61/2 Aliens Act; circulars of 2008 and 2016',
      source: `${SEED_2018}:97; reference.md, Stage 6`,
    },
  ]),
  minorDocumentMonths: rule<number>("Minor's immediate residence document", [
    {
      value: 3,
      basis: 'For minors the 45 days become three months: registration certificate (AI) model A on DVZ instruction',
      source: `${SEED_2018}:97; reference.md, Stage 6 (MYRIA-FR/NL; RTBF-2022; WS-AI-MENA)`,
    },
  ]),
  registrationCertificateMonths: rule<number>('Registration certificate (AI) after a statement or complaint', [
    {
      value: 3,
      basis: 'AI valid 3 months, extendable once by 3 months while the prosecutor has not qualified the facts',
      source: 'reference.md, Stage 7 (WS-AI-COMPLAINT; AGII-PROC; SENATE-5-2099)',
    },
  ]),
  temporaryCardMonths: rule<number>('Temporary residence (electronic A card)', [
    {
      value: 6,
      basis: 'A card valid 6 months, renewable on the prosecutor’s confirmation until the end of the proceedings',
      source: `${SEED_2018}:97; reference.md, Stage 8 (PAGASA; RTBF-2022; HELDERRECHT)`,
    },
  ]),
  childStatusRequiresCooperation: rule<boolean>('The child victim’s status and residence require a statement and cooperation', [
    {
      value: true,
      basis: 'Five conditions of the victim status (statement/complaint; art 433quinquies; cooperation; ties cut; public order)',
      source: `${SEED_2018}:97; ${SEED_2010}:55-62; reference.md, Stage 8`,
    },
  ]),
  nationalReferralMechanism: rule<string>('Text organising the referral of presumed victims (national referral mechanism)', [
    {
      to: '2008-10-30',
      value: 'directives of 13 Jan 1997 and 17 Apr 2003',
      basis: 'THB residence scheme of the 1994/1997/2003 directives, put into law as Aliens Act arts 61/2–61/5 (2005–2007)',
      source: 'reference.md, "How the rules changed" 1994–2007',
      assumption: 'The exact dates of the 2005–2007 laws were not verified; arts 61/2–61/5 are applied throughout.',
    },
    {
      from: '2008-10-31',
      to: '2017-03-09',
      value: 'circular of 26 Sep 2008',
      basis: 'Multidisciplinary circular of 26 Sep 2008 (MB 31 Oct 2008)',
      source: 'reference.md, "How the rules changed" 2008 (CIRC-2008)',
    },
    {
      from: '2017-03-10',
      value: 'circular of 23 Dec 2016',
      basis: 'Multidisciplinary circular of 23 Dec 2016 (MB 10 Mar 2017), replacing the 2008 circular',
      source: `${SEED_2018}:97; reference.md, "How the rules changed" 2016 (CIRC-2016)`,
    },
  ]),
  prosecutionGuideline: rule<string>('Prosecution guideline naming the indicators of victimhood', [
    { to: '2010-12-31', value: '', basis: 'No guideline named in the sources', source: 'reference.md, "How the rules changed"' },
    {
      from: '2011-01-01',
      to: '2014-12-31',
      value: 'COL 4/2011',
      basis: 'COL 4/2011 (taken into the 2016 circular)',
      source: 'reference.md, "How the rules changed" 23 Dec 2016',
      assumption: 'COL 4/2011 is taken to apply from 1 Jan 2011 to 31 Dec 2014.',
    },
    {
      from: '2015-01-01',
      value: 'COL 01/2015',
      basis: 'COL 01/2015: presumption of victimhood from indicators, not from the child’s statements',
      source: `${SEED_2018}:93; reference.md, Stage 0`,
      assumption: 'COL 01/2015 is taken to apply from 1 Jan 2015 (exact date not found).',
    },
  ]),
  durableSolutionBasis: rule<'none' | 'circular2005' | 'law2011'>('Residence procedure for unaccompanied minors (durable solution)', [
    { to: '2005-09-14', value: 'none', basis: 'No specific MENA residence procedure', source: 'reference.md, Stage 11' },
    {
      from: '2005-09-15',
      to: '2011-11-27',
      value: 'circular2005',
      basis: 'Circular of 15 Sep 2005 on the residence of MENA',
      source: 'reference.md, Stage 11 (DQ-2011)',
    },
    {
      from: '2011-11-28',
      value: 'law2011',
      basis: 'Law of 12 Sep 2011, Aliens Act arts 61/14–61/25; RD of 7 Nov 2011 (not for EEA children)',
      source: 'reference.md, Stage 11 (LAW-2011; RD-2011; VR-DS)',
      assumption: 'The 2011 procedure is taken to apply from 28 Nov 2011 (publication of the RD).',
    },
  ]),
  durableSolutionDecisionDays: rule<number>('Days from a durable-solution request to the decision, when the case does not say', [
    {
      value: 90,
      basis: 'No deadline found',
      source: 'reference.md, Stage 11',
      assumption: 'No deadline found in the sources: 90 days is the model’s choice.',
    },
  ]),
} as const;

export type RuleId = keyof typeof RULES;
type ValueOf<R> = R extends Rule<infer T> ? T : never;
export type RuleValues = { [K in RuleId]: ValueOf<(typeof RULES)[K]> };

