// The pathway as the reference describes it, stage by stage, read from traces.
import { describe, expect, it } from 'vitest';
import { all, find, ids, makeCase, run } from './cases';
import { runCase } from '../../machines/case/run';
import { ASSUMPTIONS } from '../../machines/case/facts';

describe('identification (Stage 0)', () => {
  it('presumes a victim from indicators and refers them; without indicators there is no victim track', () => {
    const presumed = run();
    expect(ids(presumed).slice(0, 2)).toEqual(['detected', 'presumedVictim']);
    const missed = run({ detection: { indicatorsRecognised: false } });
    expect(ids(missed)).toContain('notIdentified');
    expect(ids(missed)).not.toContain('specialisedCentre');
    expect(ids(missed)).not.toContain('minorResidenceDocument');
    expect(missed.outcome).toBe('notIdentified');
  });
});

describe('age assessment (Stage 3): the lowest-age rule, art 7 §3', () => {
  const exams = [
    { exam: 'dental' as const, low: 14.5, high: 19.5 },
    { exam: 'wrist' as const, low: 17.9, high: 22.1 },
    { exam: 'collarbone' as const, low: 18.0, high: 23.0 },
  ];
  it('takes the lowest estimate across the examinations', () => {
    const trace = run({ age: { doubted: true, assessment: { exams } } });
    expect(find(trace, 'ageAssessment')).toMatchObject({ low: 14.5, high: 23, method: 'lowestAge' });
    expect(ids(trace)).toContain('identifiedAsMinor');
    expect(trace.person.minor).toBe(true);
  });
  it('finds an adult only when every estimate is 18 or more', () => {
    const adult = run({ age: { doubted: true, assessment: { exams: exams.map((e) => ({ ...e, low: e.low + 3.6 })) } } });
    expect(ids(adult)).toEqual(expect.arrayContaining(['identifiedAsAdult', 'adultTrack']));
    expect(adult.person).toMatchObject({ ageOfRecord: 18, minor: false });
    expect(find(adult, 'reflectionPeriod')).toMatchObject({ validDays: 45 });
    expect(ids(adult)).not.toContain('minorResidenceDocument');
  });
  it('asReported follows the doctor’s point estimate until the Council of State ruling of 9 June 2015, by the decision day', () => {
    // Turnaround 21 days before Sep 2015: detected 18 May 2015 → decided 8 June (practice); 19 May → 9 June (ruling).
    const age = { doubted: true, assessment: { exams } };
    const before = run({ date: '2015-05-18', practice: 'asReported', age });
    expect(ids(before)).toContain('identifiedAsAdult');
    expect(find(before, 'ageAssessment')).toMatchObject({ date: '2015-06-08', method: 'doctorConclusion' });
    const after = run({ date: '2015-05-19', practice: 'asReported', age });
    expect(ids(after)).toContain('identifiedAsMinor');
    expect(find(after, 'ageAssessment')).toMatchObject({ date: '2015-06-09', method: 'lowestAge' });
    // As written, the ruling's reading holds at every date.
    expect(find(run({ date: '2015-05-18', age }), 'ageAssessment')?.method).toBe('lowestAge');
  });
  it('the multi-agency reform lets the psychosocial interview protect a child the doctor calls adult', () => {
    const trace = run({
      practice: 'asReported',
      reforms: ['multiAgencyAgeAssessment'],
      age: { doubted: true, assessment: { low: 18.2, high: 21 }, interviewFindsMinor: true },
    });
    expect(ids(trace)).toContain('identifiedAsMinor');
  });
  it('a refused test ends in an adult decision, and says it assumed so', () => {
    const trace = run({ age: { doubted: true, assessment: { refused: true } } });
    expect(ids(trace)).toContain('identifiedAsAdult');
    expect(ids(trace)).not.toContain('ageAssessment');
    expect(trace.assumptions.join(' ')).toMatch(/refused/);
  });
  it('an appeal within 60 days that annuls the decision brings back minor protection; a late one is not heard', () => {
    const age = { doubted: true, assessment: { low: 18.5, high: 21 } };
    const annulled = run({ age: { ...age, appeal: { day: 40, outcome: 'annulled', decisionDay: 200 } } });
    expect(ids(annulled)).toEqual(expect.arrayContaining(['identifiedAsAdult', 'ageAppeal', 'identifiedAsMinor']));
    const late = run({ age: { ...age, appeal: { day: 80, outcome: 'annulled', decisionDay: 200 } } });
    expect(ids(late)).not.toContain('ageAppeal');
  });
});

describe('placement (Stages 2 and 5)', () => {
  it('asWritten refers a doubted child to specialised care at once; asReported only once minority is confirmed', () => {
    const age = { doubted: true, assessment: { low: 15, high: 17 } };
    expect(find(run({ age }), 'specialisedShelter')?.day).toBe(1);
    const reported = run({ practice: 'asReported', age });
    expect(find(reported, 'specialisedCentre')?.day).toBe(find(reported, 'identifiedAsMinor')?.day);
    expect(find(reported, 'specialisedShelter')?.day).toBe(10);
    // Full minor protection while the age is assessed (recommendation 29) undoes that wait.
    const reformed = run({ practice: 'asReported', reforms: ['presumptionOfMinority'], age });
    expect(find(reformed, 'specialisedCentre')?.day).toBe(0);
    expect(find(reformed, 'minorResidenceDocument')?.day).toBe(1);
  });
  it('the shelter reform makes the Flemish/Brussels shelter specialised in child trafficking', () => {
    expect(find(run(), 'specialisedShelter')?.specialisedInChildTrafficking).toBe(false);
    expect(find(run({ reforms: ['specialisedShelterEveryRegion'] }), 'specialisedShelter')?.specialisedInChildTrafficking).toBe(true);
  });
});

describe('residence as a victim (Stages 6–9) and the five conditions', () => {
  it('minor: 3-month document once at the shelter, AI 3 months on the statement, then A cards of 6 months', () => {
    const trace = run({ horizonDays: 700 });
    // "Once at the centre, child victims of trafficking are awarded a temporary residence permit of three months" (001:62).
    expect(find(trace, 'minorResidenceDocument')).toMatchObject({ day: 1, validMonths: 3 });
    expect(find(trace, 'specialisedShelter')?.day).toBe(1);
    expect(find(trace, 'registrationCertificate')).toMatchObject({ day: 20, validMonths: 3 });
    const cards = all(trace, 'temporaryResidenceCard');
    expect(cards.map((c) => c.date)).toEqual(['2016-06-21', '2016-12-21', '2017-06-21', '2017-12-21']);
    expect(trace.outcome).toBe('temporaryResidence');
    expect(trace.victimStatusConditions).toEqual({ statement: 'met', definition: 'met', cooperation: 'met', tiesCut: 'met', publicOrder: 'met' });
  });
  it('no statement: the document lapses, the track ends, the statement condition is unmet', () => {
    const trace = run({ cooperation: { statementDay: null } });
    expect(ids(trace)).not.toContain('registrationCertificate');
    expect(trace.victimStatusConditions).toMatchObject({ statement: 'unmet', cooperation: 'unmet' });
    // Under guardianship or not, a person who holds no document on the horizon day must leave; the track says which.
    expect(trace).toMatchObject({ outcome: 'mustLeave', track: 'adult' });
    expect(run({ cooperation: { statementDay: null }, horizonDays: 365 })).toMatchObject({ outcome: 'mustLeave', track: 'guardianship' });
  });
  it('without the cooperation condition (reform), a child victim gets residence without a statement', () => {
    const trace = run({ cooperation: { statementDay: null }, reforms: ['noCooperationCondition'] });
    expect(ids(trace)).toEqual(expect.arrayContaining(['registrationCertificate', 'temporaryResidenceCard']));
    expect(ids(trace)).not.toContain('statementGiven');
  });
  it('ties resumed: the card is withdrawn on that day for the ties condition', () => {
    const trace = run({ tiesCut: { contactResumedDay: 400 } });
    expect(find(trace, 'residenceWithdrawn')).toMatchObject({ day: 400, failedCondition: 'tiesCut' });
    // Every status decision carries the conditions as they stood that day.
    expect(all(trace, 'temporaryResidenceCard').every((c) => (c.conditions as { tiesCut: string }).tiesCut === 'met')).toBe(true);
    expect(find(trace, 'residenceWithdrawn')?.conditions).toMatchObject({ tiesCut: 'unmet', statement: 'met' });
    expect(trace.victimStatusConditions.tiesCut).toBe('unmet');
  });
  it('a danger to public order stops the track at the first status decision', () => {
    const trace = run({ publicOrderRisk: true });
    expect(find(trace, 'residenceWithdrawn')?.failedCondition).toBe('publicOrder');
    expect(ids(trace)).not.toContain('temporaryResidenceCard');
  });
  it('facts outside art 433quinquies: no card', () => {
    const trace = run({ detection: { exploitation: 'none' } });
    expect(find(trace, 'residenceWithdrawn')?.failedCondition).toBe('definition');
  });
  it('unknown exploitation: the AI is extended once while the prosecutor qualifies the facts', () => {
    const trace = run({ detection: { exploitation: 'unknown' }, horizonDays: 400 });
    expect(all(trace, 'registrationCertificate')).toHaveLength(2);
    expect(find(trace, 'residenceWithdrawn')?.failedCondition).toBe('definition');
  });
  it('dismissal ends the track', () => {
    const trace = run({ prosecution: { outcome: 'dismissed', day: 300 } });
    expect(ids(trace)).toEqual(expect.arrayContaining(['prosecutionDismissed', 'residenceWithdrawn']));
    expect(ids(trace)).not.toContain('permanentResidence');
  });
  it('B card on conviction, or on requisitions retaining trafficking even with an acquittal', () => {
    expect(run({ prosecution: { outcome: 'conviction', day: 900 } }).outcome).toBe('permanentResidence');
    const acquitted = run({ prosecution: { outcome: 'acquittal', day: 900, requisitionsRetainTrafficking: true, requisitionsDay: 850 } });
    expect(find(acquitted, 'permanentResidence')?.day).toBe(850);
    expect(acquitted.outcome).toBe('permanentResidence');
    const plain = run({ prosecution: { outcome: 'acquittal', day: 900, requisitionsRetainTrafficking: false } });
    expect(find(plain, 'residenceWithdrawn')?.failedCondition).toBe('definition');
  });
  it('turning 18 ends the guardianship but not the residence as a victim', () => {
    const trace = run({ person: { declaredAge: 17 }, horizonDays: 700 });
    expect(find(trace, 'turned18')?.date).toBe('2017-03-01');
    expect(find(trace, 'guardianshipEnded')?.date).toBe('2017-03-01');
    expect(all(trace, 'temporaryResidenceCard').some((c) => c.date > '2017-03-01')).toBe(true);
  });
});

describe('leaving the path', () => {
  it('disappearance ends everything on its day', () => {
    const trace = run({ disappearsDay: 45 });
    expect(trace.milestones.at(-1)).toMatchObject({ id: 'disappeared', day: 45 });
    expect(trace.outcome).toBe('disappeared');
    expect(trace.outcomeDay).toBe(45);
  });
  it('a durable solution of return sends the child back; a stay keeps them in another procedure', () => {
    const back = run({ cooperation: { statementDay: null }, durableSolution: { requestedDay: 100, decision: 'return', decisionDay: 190 } });
    expect(find(back, 'returned')?.day).toBe(190);
    expect(back.outcome).toBe('returned');
    const stay = run({ cooperation: { statementDay: null }, durableSolution: { requestedDay: 100, decision: 'stay' } });
    // AI on day 190, renewed once, A card a year later, B card three years after the first A card (Stage 11).
    expect(stay).toMatchObject({ outcome: 'permanentResidence', track: 'durableSolution' });
    expect(all(stay, 'registrationCertificate').map((m) => m.day)).toEqual([190, 371]);
    expect(find(stay, 'temporaryResidenceCard')?.day).toBe(555);
    expect(find(stay, 'permanentResidence')?.day).toBe(1651);
    expect(run({ cooperation: { statementDay: null }, durableSolution: { requestedDay: 100, decision: 'stay' }, horizonDays: 1000 })).toMatchObject({
      outcome: 'temporaryResidence',
      track: 'durableSolution',
    });
    expect(stay.assumptions.join(' ')).toMatch(/90 days/);
    // The decision the case did not date names the rule that dated it.
    expect(find(stay, 'registrationCertificate')?.rules).toContainEqual({ id: 'durableSolutionDecisionDays', from: null });
  });
  it('asylum is another procedure', () => {
    expect(run({ cooperation: { statementDay: null }, detection: { asylumApplication: true } }).outcome).toBe('otherProcedure');
  });
  it('an adult who does not cooperate must leave; a person found adult goes on the adult track', () => {
    expect(run({ person: { declaredAge: 24 }, cooperation: { statementDay: null } }).outcome).toBe('mustLeave');
    // Found adult, a presumed victim whose reflection period lapsed holds nothing: must leave, on the adult track.
    expect(run({ age: { doubted: true, assessment: { low: 19, high: 23 } }, cooperation: { statementDay: null } })).toMatchObject({
      outcome: 'mustLeave',
      track: 'adult',
    });
    // Never presumed a victim, found adult: the adult track (a choice: the sources are silent).
    expect(run({ age: { doubted: true, assessment: { low: 19, high: 23 } }, detection: { indicatorsRecognised: false } }).outcome).toBe('adultTrack');
  });
  it('a guardian for every child (reform) reaches the EEA child the 2010 law left out', () => {
    const c = { date: '2010-06-01', person: { nationality: 'BG' } };
    expect(ids(run(c))).not.toContain('guardianAppointed');
    expect(ids(run({ ...c, reforms: ['guardianForEveryChild'] }))).toContain('guardianAppointed');
  });
});

describe('a declared birth date: age by the calendar', () => {
  const bornOn = (declaredBirthDate: string, date: string) => {
    return runCase(makeCase({ date, person: { declaredBirthDate } }));
  };
  it('is 18 on the 18th birthday itself: the adult procedure, no guardian', () => {
    const trace = bornOn('2001-03-01', '2019-03-01');
    expect(trace.person).toMatchObject({ ageOfRecord: 18, minor: false });
    expect(ids(trace)).toContain('adultTrack');
    expect(ids(trace)).not.toContain('guardianAppointed');
    expect(find(trace, 'reflectionPeriod')).toMatchObject({ validDays: 45 });
  });
  it('is still a minor the day before', () => {
    const trace = bornOn('2001-03-01', '2019-02-28');
    expect(trace.person).toMatchObject({ ageOfRecord: 17, minor: true });
    expect(find(trace, 'turned18')?.date).toBe('2019-03-01');
  });
  it('counts whole years on each birthday, whatever the leap days in between', () => {
    expect(bornOn('2001-03-01', '2018-03-01').person.ageOfRecord).toBe(17);
    expect(bornOn('2004-03-01', '2019-03-01').person.ageOfRecord).toBe(15);
    expect(bornOn('2004-02-29', '2019-02-28').person.ageOfRecord).toBe(15);
  });
});

describe('who is reported and tested (Stage 1: "appears to be, or says they are, under 18")', () => {
  const doubtedAdult = (low: number, high: number) =>
    run({
      person: { declaredAge: 20 },
      detection: { place: 'border' },
      age: { doubted: true, assessment: { low, high } },
    });
  it('reports and tests a declared adult who appears to be a child; found a minor, the estimate is the age of record', () => {
    const trace = doubtedAdult(15, 17);
    expect(ids(trace)).toEqual(expect.arrayContaining(['reportedToGuardianshipService', 'ageAssessment', 'identifiedAsMinor', 'minorResidenceDocument']));
    expect(ids(trace)).not.toContain('adultTrack');
    expect(trace.person).toMatchObject({ ageOfRecord: 15, minor: true });
    expect(trace.assumptions).toContain(ASSUMPTIONS.declaredAdultDoubted);
  });
  it('keeps the declared age of a declared adult the test confirms as adult', () => {
    const trace = doubtedAdult(19, 22);
    expect(ids(trace)).toEqual(expect.arrayContaining(['identifiedAsAdult', 'adultTrack']));
    expect(trace.person).toMatchObject({ ageOfRecord: 20, minor: false });
  });
  it('does not report a declared adult nobody doubts', () => {
    const trace = run({ person: { declaredAge: 20 } });
    expect(ids(trace)).not.toContain('reportedToGuardianshipService');
    expect(ids(trace)).toContain('adultTrack');
  });
});

describe('outside the guardianship scope nobody assesses the age', () => {
  // 30 April 2004: the Guardianship Service starts on 1 May 2004.
  const before2004 = (low: number, high: number) =>
    run({ date: '2004-04-30', age: { doubted: true, assessment: { low, high } }, horizonDays: 1000 });
  it('keeps the declared age and says so, without the assumptions of a test that never happened', () => {
    const trace = before2004(19, 22);
    expect(ids(trace)).toContain('outsideGuardianshipScope');
    expect(ids(trace)).not.toContain('ageAssessment');
    expect(trace.person).toMatchObject({ ageOfRecord: 16, minor: true });
    expect(trace.assumptions).toContain(ASSUMPTIONS.thbTrackIndependentOfGuardianship);
    expect(trace.assumptions).not.toContain(ASSUMPTIONS.adultAgeOfRecord);
    expect(trace.assumptions).not.toContain(ASSUMPTIONS.residenceWaitsForAgeDecision);
  });
  it('counts majority from the declared age, not from what a test would have found', () => {
    const trace = before2004(17, 19);
    // declared 16 on 30 Apr 2004: 18 on 30 Apr 2006 (the pre-2018 lower-bound rule would have said 2005)
    expect(find(trace, 'turned18')?.date).toBe('2006-04-30');
    expect(trace.person.ageOfRecord).toBe(16);
  });
});

describe('eighteen before the age decision', () => {
  // Declared born 5 Mar 1998, detected 1 Mar 2016: 18 on day 4; the test's decision would come on day 9.
  const turnsEighteen = (low: number, high: number) =>
    run({ person: { declaredBirthDate: '1998-03-05' }, age: { doubted: true, assessment: { low, high } } });
  it('turns 18 on the declared birthday: no minor decision, no guardian, the adult reflection period', () => {
    const trace = turnsEighteen(16, 19);
    expect(find(trace, 'turned18')?.date).toBe('2016-03-05');
    expect(ids(trace)).not.toContain('identifiedAsMinor');
    expect(ids(trace)).not.toContain('guardianAppointed');
    expect(ids(trace)).not.toContain('minorResidenceDocument');
    expect(find(trace, 'reflectionPeriod')).toMatchObject({ date: '2016-03-05', validDays: 45 });
  });
  it('a test result older than the declared age, under the practice condemned in 2018, makes them 18 at once', () => {
    // Lower bound 17.995 > declared 17: as reported before RvS 2018 the age of record is 17.995, so 18 before day 9.
    const c = { person: { declaredAge: 17 }, age: { doubted: true, assessment: { low: 17.995, high: 20 } } };
    const trace = run({ ...c, practice: 'asReported' });
    expect(ids(trace)).toContain('ageAssessment');
    expect(ids(trace)).toContain('turned18');
    expect(ids(trace)).not.toContain('guardianAppointed');
    expect(ids(trace)).not.toContain('minorResidenceDocument');
    // As written (the rulings' reading at every date) the declared age stands: a minor with a guardian.
    expect(ids(run(c))).toEqual(expect.arrayContaining(['identifiedAsMinor', 'guardianAppointed', 'minorResidenceDocument']));
  });
});

describe('the conditions are conditions for entering the status (Stage 5)', () => {
  it('gives no AI to a child still in contact with the exploiters when the statement comes; the document in hand is withdrawn', () => {
    const trace = run({ cooperation: { statementDay: 60 }, tiesCut: { contactResumedDay: 30 } });
    expect(ids(trace)).not.toContain('registrationCertificate');
    expect(find(trace, 'residenceWithdrawn')).toMatchObject({ day: 60, failedCondition: 'tiesCut' });
    expect(trace.victimStatusConditions.tiesCut).toBe('unmet');
  });
  it('gives no AI to a danger to public order', () => {
    const trace = run({ publicOrderRisk: true });
    expect(ids(trace)).not.toContain('registrationCertificate');
    expect(find(trace, 'residenceWithdrawn')?.failedCondition).toBe('publicOrder');
  });
  it('still gives the AI when every condition holds, and withdraws it when contact resumes later', () => {
    const trace = run({ tiesCut: { contactResumedDay: 50 } });
    expect(find(trace, 'registrationCertificate')?.day).toBe(20);
    expect(find(trace, 'residenceWithdrawn')).toMatchObject({ day: 50, failedCondition: 'tiesCut' });
  });
});

describe('a judgment before the first AI (Stage 9)', () => {
  it('gives the B card as soon as the status opens when the conviction came while the age was being decided', () => {
    const trace = run({
      age: { doubted: true, assessment: { low: 16, high: 19 } },
      cooperation: { statementDay: 1 },
      prosecution: { outcome: 'conviction', day: 3 },
    });
    const permanent = find(trace, 'permanentResidence');
    expect(permanent?.day).toBe(find(trace, 'registrationCertificate')?.day);
    expect(ids(trace)).not.toContain('temporaryResidenceCard');
    expect(trace.outcome).toBe('permanentResidence');
  });
});

describe('reform noCooperationCondition (seed 001:186)', () => {
  it('keeps a child’s residence after the case is dismissed: the complaint no longer has to stay ongoing', () => {
    const dismissed = { cooperation: { statementDay: null }, prosecution: { outcome: 'dismissed' as const, day: 200 } };
    const withReform = run({ ...dismissed, reforms: ['noCooperationCondition'] });
    expect(ids(withReform)).toContain('prosecutionDismissed');
    expect(ids(withReform)).not.toContain('residenceWithdrawn');
    expect(withReform.outcome).toBe('temporaryResidence');
    const asWritten = run({ cooperation: { statementDay: 20 }, prosecution: { outcome: 'dismissed', day: 200 } });
    expect(find(asWritten, 'residenceWithdrawn')?.failedCondition).toBe('statement');
  });
});

describe('outcome: the first terminal state (Stage 12)', () => {
  it('keeps permanent residence as the outcome when the young person later goes missing', () => {
    const trace = run({ prosecution: { outcome: 'conviction', day: 300 }, disappearsDay: 500 });
    expect(ids(trace)).toEqual(expect.arrayContaining(['permanentResidence', 'disappeared']));
    expect(trace.outcome).toBe('permanentResidence');
    expect(trace.outcomeDay).toBe(300);
  });
  it('counts a disappearance before any B card as the outcome', () => {
    const trace = run({ prosecution: { outcome: 'conviction', day: 300 }, disappearsDay: 100 });
    expect(trace.outcome).toBe('disappeared');
    expect(ids(trace)).not.toContain('permanentResidence');
  });
});
