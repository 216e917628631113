// How one parameter is moved to an end of its plausible range, keeping the set valid for the schema.
// A probability goes to range[0] and range[1]. Weights over options: each option in turn is moved to the lowest
// and highest weight it can take while the other options are rescaled by one common factor (proportional
// renormalisation, so their relative mix is kept) and every weight stays within its own plausible range; the
// tornado then shows, per parameter, the option whose move changes the figure most (sensitivity.ts tableFor).
import type { AssumptionSet, ParamName } from './assumptions/schema';

export interface Move {
  param: ParamName;
  /** for weights over options: the option moved */
  option?: string;
  end: 'low' | 'high';
  /** the set's own value (of the option's weight) */
  from: number;
  /** the value used (the option's weight) */
  value: number;
  /** for weights over options: every weight after the move */
  weights?: Record<string, number>;
}

type Weights = Record<string, number>;
type Ranges = Record<string, [number, number]>;

export function probabilityMoves(set: AssumptionSet, param: ParamName): Move[] {
  const p = set.params[param] as { value: number; range: [number, number] };
  return (['low', 'high'] as const).map((end, i) => ({ param, end, from: p.value, value: p.range[i] }));
}

/**
 * The lowest and highest weight `option` can take when the other options share the rest in their current
 * proportions (each scaled by s = (1 − w′)/(1 − w)) and every weight stays within its plausible range.
 * With no other weight to rescale, the option cannot move.
 */
export function categoricalBounds(weights: Weights, ranges: Ranges, option: string): [number, number] {
  const w = weights[option];
  const [lo, hi] = ranges[option];
  const others = Object.keys(weights).filter((k) => k !== option && weights[k] > 0);
  if (others.length === 0) return [w, w];
  let sLow = 0;
  let sHigh = Infinity;
  for (const k of others) {
    sLow = Math.max(sLow, ranges[k][0] / weights[k]);
    sHigh = Math.min(sHigh, ranges[k][1] / weights[k]);
  }
  const rest = 1 - w;
  return [Math.min(w, Math.max(lo, 1 - sHigh * rest, 0)), Math.max(w, Math.min(hi, 1 - sLow * rest, 1))];
}

/** The weights with `option` at `to` and the others rescaled proportionally (clamped to absorb rounding). */
export function moveWeight(weights: Weights, ranges: Ranges, option: string, to: number): Weights {
  const s = (1 - to) / (1 - weights[option]);
  const clamp = (k: string, x: number) => Math.min(ranges[k][1], Math.max(ranges[k][0], x));
  return Object.fromEntries(Object.entries(weights).map(([k, x]) => [k, k === option ? to : clamp(k, x * s)]));
}

export function categoricalMoves(set: AssumptionSet, param: ParamName): Move[] {
  const p = set.params[param] as { value: Weights; range: Ranges };
  return Object.keys(p.value).flatMap((option) => {
    const bounds = categoricalBounds(p.value, p.range, option);
    return (['low', 'high'] as const).map((end, i): Move => {
      const value = bounds[i];
      const weights = value === p.value[option] ? { ...p.value } : moveWeight(p.value, p.range, option, value);
      return { param, option, end, from: p.value[option], value, weights };
    });
  });
}
