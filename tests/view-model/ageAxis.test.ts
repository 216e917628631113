// The age axis shows the age the decision holds the person to, exactly (the trace keeps whole years).
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { ageAxisProps } from '../../src/view-model/ageAxis';
import { findScenario } from '../../src/scenarios';

describe('age axis', () => {
  it('shows 16.5 as the decided age under the lower-bound practice reported before the 2018 rulings, and the declared age (15.2 by the declared birth date) after them', () => {
    for (const [id, age] of [['declared_birthdate_2017', 16.5], ['declared_birthdate_2019', 15.2]] as const) {
      const caseFile = findScenario(id)!.case;
      const { trace } = stepCase(caseFile);
      const props = ageAxisProps(caseFile, trace, trace.milestones);
      expect(props?.decidedAge).toBeCloseTo(age, 1);
    }
  });
  it('shows no decided age before the decision', () => {
    const caseFile = findScenario('declared_birthdate_2017')!.case;
    const { trace } = stepCase(caseFile);
    expect(ageAxisProps(caseFile, trace, trace.milestones.slice(0, 1))?.decidedAge).toBeUndefined();
  });
});
