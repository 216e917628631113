// Pure geometry of the age axis: scale, ticks and the rows to draw. D3 computes; the component renders.
import { scaleLinear } from 'd3-scale';
import type { ExamKind } from '../../../machines/case/types';
import { latestValue, RULES } from '../../../machines/rules/rules';

export interface AgeAxisInput {
  declaredAge: number;
  exams?: { exam: ExamKind; low: number; high: number }[];
  range?: { low: number; high: number };
  decidedAge?: number;
  /** the age of majority in force (rules ageOfMajority) */
  majority?: number;
}

/** The age of majority when the props do not give the one in force (the law's current value). */
export const MAJORITY = latestValue(RULES.ageOfMajority);

export function getAgeScale(input: AgeAxisInput, width: number, marginLeft: number, marginRight = 24) {
  const values = [
    input.declaredAge,
    input.majority ?? MAJORITY,
    ...(input.exams ?? []).flatMap((e) => [e.low, e.high]),
    ...(input.range ? [input.range.low, input.range.high] : []),
    ...(input.decidedAge !== undefined ? [input.decidedAge] : []),
  ];
  const low = Math.floor(Math.min(...values) - 1);
  const high = Math.ceil(Math.max(...values) + 1);
  const x = scaleLinear().domain([low, high]).range([marginLeft, width - marginRight]);
  return { x, ticks: x.ticks(Math.min(high - low, 12)).filter(Number.isInteger) };
}
