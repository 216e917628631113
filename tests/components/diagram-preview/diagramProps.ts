import type { Step } from '../../../machines/case/run';
import type { CaseFile } from '../../../machines/case/types';

/** The case the diagram tests, preview and render bench walk: every region of the chart gets visited. */
export const sampleCase: CaseFile = {
  format: 'pathway-case/1',
  date: '2016-03-01',
  person: { declaredAge: 16, nationality: 'NG', sex: 'female' },
  detection: {
    place: 'territory',
    region: 'brussels',
    exploitation: 'sexual',
    indicatorsRecognised: true,
  },
  age: { doubted: true, assessment: { low: 16.5, high: 18.5 } },
  cooperation: { statementDay: 20 },
  tiesCut: true,
  publicOrderRisk: false,
  prosecution: { outcome: 'conviction', day: 1100, requisitionsRetainTrafficking: true },
};

/** The diagram's props at step `n` of a run, the way the step-mode view-model derives them. */
export function getDiagramProps(steps: Step[], n: number) {
  const upTo = steps.slice(0, n + 1);
  return {
    activeStateIds: steps[n]?.activeStateIds ?? [],
    visitedStateIds: upTo.flatMap((s) => s.activeStateIds),
    takenTransitions: upTo.flatMap((s) => s.transitions),
    nextEvents: ['statement.given', 'person.disappeared', 'prosecution.convicted', 'age.appealed'],
  };
}
