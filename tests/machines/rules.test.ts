// Every dated rule, on both sides of its date, as a user of the simulator sees it: in the trace.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../machines/dates';
import { getRuleChangeDates, getRulesInForce, RULES, valueOn, type RuleId } from '../../machines/rules/rules';
import { isEeaNationalOn } from '../../machines/rules/eea';
import { all, find, ids, run } from './cases';

describe('the rules table', () => {
  it('gives exactly one value on every day of the modelled period for every rule', () => {
    for (const id of Object.keys(RULES) as RuleId[]) {
      for (let year = 1995; year <= 2030; year++) {
        const matches = RULES[id].values.filter(
          (v: { from?: string; to?: string }) => (!v.from || v.from <= `${year}-06-15`) && (!v.to || `${year}-06-15` <= v.to),
        );
        expect(matches, `${id} in ${year}`).toHaveLength(1);
      }
    }
  });
  it('changes value on each change date, with a basis and a source on both sides', () => {
    for (const { rule, date } of getRuleChangeDates()) {
      const before = valueOn(RULES[rule] as never, addDays(date, -1)) as { value: unknown; basis: string; source: string };
      const after = valueOn(RULES[rule] as never, date) as { value: unknown; basis: string; source: string };
      expect(before.value, `${rule} at ${date}`).not.toEqual(after.value);
      for (const v of [before, after]) expect(v.basis.length && v.source.length, rule).toBeTruthy();
    }
  });
  it('applies the asReported overlay and the reforms over the law, saying what replaced it', () => {
    const law = getRulesInForce('2023-01-01');
    const reported = getRulesInForce('2023-01-01', 'asReported');
    expect(law.ageTestCarriedOut.value).toBe(true);
    expect(reported.ageTestCarriedOut).toMatchObject({ value: false, overriddenBy: 'asReported' });
    expect(getRulesInForce('2022-10-25', 'asReported').ageTestCarriedOut.value).toBe(true);
    const reformed = getRulesInForce('2010-01-01', 'asReported', ['presumptionOfMinority']);
    expect(reformed.referralWaitsForMinority).toMatchObject({ value: false, overriddenBy: 'presumptionOfMinority' });
  });
});

describe('dated rules in traces', () => {
  it('says that the suspension of bone tests is kept in force for want of a reported end', () => {
    const doubted = { age: { doubted: true, assessment: { low: 17, high: 19 } } };
    const note = (t: { assumptions: string[] }) => t.assumptions.some((a) => a.includes('suspension of bone tests'));
    expect(note(run({ date: '2023-03-01', practice: 'asReported', ...doubted } as never))).toBe(true);
    expect(note(run({ date: '2023-03-01', practice: 'asWritten', ...doubted } as never))).toBe(false);
    expect(note(run({ date: '2022-10-01', practice: 'asReported', ...doubted } as never))).toBe(false);
  });
  it('Guardianship Service: none before 1 May 2004, a guardian from that day', () => {
    const before = run({ date: '2004-04-30' });
    expect(find(before, 'outsideGuardianshipScope')?.reason).toBe('serviceNotOperational');
    expect(ids(before)).not.toContain('guardianAppointed');
    const after = run({ date: '2004-05-01' });
    expect(ids(after)).toEqual(expect.arrayContaining(['reportedToGuardianshipService', 'identifiedAsMinor', 'guardianAppointed']));
  });

  it('EEA children: no guardian before the law of 12 May 2014, one after when asking THB residence or vulnerable', () => {
    const romanian = { person: { nationality: 'RO' }, detection: { traffickingResidenceRequested: true } };
    const before = run({ date: '2014-11-30', ...romanian });
    expect(find(before, 'outsideGuardianshipScope')?.reason).toBe('eeaNational');
    const after = run({ date: '2014-12-01', ...romanian });
    expect(ids(after)).toContain('guardianAppointed');
    const notVulnerable = run({
      date: '2016-01-01',
      person: { nationality: 'RO' },
      detection: { indicatorsRecognised: false, vulnerable: false, traffickingResidenceRequested: false },
    });
    expect(find(notVulnerable, 'outsideGuardianshipScope')?.reason).toBe('eeaNotVulnerable');
  });

  it('EEA membership follows accession dates (Romania 2007, Croatia 2013, the UK until the end of 2020)', () => {
    expect(isEeaNationalOn('RO', '2006-12-31')).toBe(false);
    expect(isEeaNationalOn('RO', '2007-01-01')).toBe(true);
    expect(isEeaNationalOn('HR', '2013-06-30')).toBe(false);
    expect(isEeaNationalOn('HR', '2013-07-01')).toBe(true);
    expect(isEeaNationalOn('GB', '2020-12-31')).toBe(true);
    expect(isEeaNationalOn('GB', '2021-01-01')).toBe(false);
    // A Romanian child in 2006 is a non-EEA child: a guardian even before the 2014 law.
    const trace = run({ date: '2006-06-01', person: { nationality: 'RO' } });
    expect(trace.person.eea).toBe(false);
    expect(ids(trace)).toContain('guardianAppointed');
    expect(run({ date: '2013-07-01', person: { nationality: 'HR' } }).person.eea).toBe(true);
  });

  it('adult reflection document: order to leave until 19 May 2017, annex 15 from 20 May 2017, 45 days', () => {
    const adult = { person: { declaredAge: 25 }, cooperation: { statementDay: null } };
    expect(find(run({ date: '2017-05-19', ...adult }), 'reflectionPeriod')).toMatchObject({ document: 'orderToLeave', validDays: 45 });
    expect(find(run({ date: '2017-05-20', ...adult }), 'reflectionPeriod')).toMatchObject({ document: 'annex15', validDays: 45 });
  });

  it('non-punishment from 1 July 2019', () => {
    expect(ids(run({ date: '2019-06-30' }))).not.toContain('nonPunishment');
    expect(ids(run({ date: '2019-07-01' }))).toContain('nonPunishment');
  });

  it('age of record when found minor: the declared age at every date as written; the lower bound as reported until the 2018 ruling, by the decision day', () => {
    const c = { person: { declaredAge: 15 }, age: { doubted: true, assessment: { low: 16.5, high: 18.5 } } };
    // Turnaround 9 days: detected 18 June → decided 27 June 2018 (practice); 19 June → 28 June (ruling).
    const reportedBefore = run({ date: '2018-06-18', practice: 'asReported', ...c });
    const reportedAfter = run({ date: '2018-06-19', practice: 'asReported', ...c });
    expect(reportedBefore.person).toEqual({ ageOfRecord: 16, eea: false, minor: true });
    expect(reportedAfter.person).toEqual({ ageOfRecord: 15, eea: false, minor: true });
    expect(find(reportedBefore, 'identifiedAsMinor')?.rules).toContainEqual({ id: 'ageOfRecordWhenMinor', from: null, overriddenBy: 'asReported' });
    expect(find(reportedAfter, 'identifiedAsMinor')?.rules).toContainEqual({ id: 'ageOfRecordWhenMinor', from: null });
    // The guardianship ends at 18 on that age of record: 1.5 years vs 3 years after detection.
    expect(find(reportedBefore, 'guardianshipEnded')?.date).toBe('2019-12-18');
    expect(find(reportedAfter, 'guardianshipEnded')?.date).toBe('2021-06-19');
    for (const date of ['2010-01-01', '2018-06-18', '2018-06-19']) expect(run({ date, ...c }).person.ageOfRecord).toBe(15);
  });

  it('durable solution: none before 15 Sep 2005, the 2005 circular, then the 2011 law; never for EEA children', () => {
    // The request is decided under the law of its own day (detected 30 days earlier, under the previous rule).
    const ds = { durableSolution: { requestedDay: 30 } };
    const refused = run({ date: '2005-08-15', ...ds });
    expect(ids(refused)).not.toContain('durableSolutionProcedure');
    expect(find(refused, 'requestOutsideScope')).toMatchObject({ date: '2005-09-14', reason: 'noProcedure' });
    expect(find(run({ date: '2005-08-16', ...ds }), 'durableSolutionProcedure')).toMatchObject({ date: '2005-09-15', basis: 'circular2005' });
    expect(find(run({ date: '2011-10-28', ...ds }), 'durableSolutionProcedure')?.basis).toBe('circular2005');
    const law = find(run({ date: '2011-10-29', ...ds }), 'durableSolutionProcedure');
    expect(law).toMatchObject({ date: '2011-11-28', basis: 'law2011' });
    expect(law?.rules).toContainEqual({ id: 'durableSolutionBasis', from: '2011-11-28' });
    const eea = run({ date: '2016-01-01', person: { nationality: 'BG' }, detection: { traffickingResidenceRequested: true }, ...ds });
    expect(ids(eea)).not.toContain('durableSolutionProcedure');
    expect(find(eea, 'requestOutsideScope')?.reason).toBe('eeaNational');
  });

  it('border detention while the age is tested: at most 3 + 3 working days from the Reception Act of 2007', () => {
    const border = { detection: { place: 'border' as const }, age: { doubted: true, assessment: { low: 15, high: 17 } } };
    expect(find(run({ date: '2007-01-11', ...border }), 'borderDetention')?.maxWorkingDays).toBeNull();
    const after = run({ date: '2016-03-04', ...border }); // a Friday: 3 working days end on Wednesday
    expect(find(after, 'borderDetention')?.maxWorkingDays).toBe(6);
    expect(find(after, 'identifiedAsMinor')?.date).toBe('2016-03-09');
    expect(find(after, 'observationCentre')?.date).toBe('2016-03-10');
  });

  it('Meza takes girls exploited sexually in Flanders from 2022; Esperanto in Wallonia; Minor-Ndako otherwise', () => {
    // The shelter is decided on the day of the referral (the day after detection), not on the detection day.
    const flemishGirl = { detection: { region: 'flanders' as const } };
    expect(find(run({ date: '2021-12-30', ...flemishGirl }), 'specialisedShelter')).toMatchObject({ date: '2021-12-31', name: 'Minor-Ndako' });
    const meza = find(run({ date: '2021-12-31', ...flemishGirl }), 'specialisedShelter');
    expect(meza).toMatchObject({ date: '2022-01-01', name: 'Meza' });
    expect(meza?.rules).toContainEqual({ id: 'mezaOpen', from: '2022-01-01' });
    expect(find(run({ date: '2022-01-01', ...flemishGirl, person: { sex: 'male' } }), 'specialisedShelter')?.name).toBe('Minor-Ndako');
    expect(find(run({ detection: { region: 'wallonia' } }), 'specialisedShelter')?.name).toBe('Esperanto');
    expect(find(run({ detection: { region: 'wallonia' } }), 'specialisedCentre')?.name).toBe('Sürya');
    expect(find(run({ detection: { region: 'flanders' } }), 'specialisedCentre')?.name).toBe('Payoke');
    expect(find(run({ detection: { region: 'brussels' } }), 'specialisedCentre')?.name).toBe('PAG-ASA');
  });

  it('age decision turnaround: about 21 days before the 2015 influx, 9 days after', () => {
    const doubted = { age: { doubted: true, assessment: { low: 15, high: 17 } } };
    expect(find(run({ date: '2015-08-31', ...doubted }), 'identifiedAsMinor')?.day).toBe(21);
    expect(find(run({ date: '2015-09-01', ...doubted }), 'identifiedAsMinor')?.day).toBe(9);
  });

  it('presumption basis: the 2008 circular until 9 March 2017, the 2016 circular from 10 March 2017', () => {
    expect(find(run({ date: '2016-03-01' }), 'presumedVictim')?.basis).toBe('COL 01/2015; circular of 26 Sep 2008');
    expect(find(run({ date: '2017-03-10' }), 'presumedVictim')?.basis).toBe('COL 01/2015; circular of 23 Dec 2016');
  });

  it('asReported from 26 Oct 2022: no bone test, the declared age stands', () => {
    // The practice applies by the day of the age decision (9 days after the doubt): 25 Oct vs 26 Oct 2022.
    const c = { practice: 'asReported' as const, age: { doubted: true, assessment: { low: 19, high: 22 } } };
    expect(ids(run({ date: '2022-10-16', ...c }))).toContain('identifiedAsAdult');
    const after = run({ date: '2022-10-17', ...c });
    expect(ids(after)).not.toContain('ageAssessment');
    expect(ids(after)).toContain('identifiedAsMinor');
    expect(all(after, 'guardianAppointed')).toHaveLength(1);
  });
});
