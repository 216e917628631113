// The step card cites each active state under the rules of the step's own day, not the detection date.
import { describe, expect, it } from 'vitest';
import { getStateBasis } from '../../src/view-model/stateBasis';
import { makeCase } from '../machines/cases';

describe('state basis', () => {
  it('reads the circular in force on the step day: 2008 before 10 March 2017, 2016 from that day', () => {
    const caseFile = makeCase({ date: '2016-03-01' });
    const card = ['procedure.pathway.victimTrack.temporaryResidence.card'];
    expect(getStateBasis(card, caseFile, '2017-03-09')[0]!.basis).toMatch(/circular of 26 Sep 2008/);
    expect(getStateBasis(card, caseFile, '2017-03-10')[0]!.basis).toMatch(/circular of 23 Dec 2016/);
    expect(getStateBasis(card, caseFile)[0]!.basis).toMatch(/circular of 26 Sep 2008/);
  });
});
