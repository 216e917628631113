import type { Step } from '../../../machines/case/run';
import type { CaseFile } from '../../../machines/case/types';
import { findScenario } from '../../../src/scenarios';

/** The case the diagram tests, preview and render bench walk: the built-in Nigerian girl, who visits every region. */
export const sampleCase: CaseFile = findScenario('nigerian_girl_2016')!.case;

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
