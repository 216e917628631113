// A funnel row's name on one line, or two when long (German and French names run to 50 characters).

/** Names longer than this many characters wrap onto a second line. */
export const LINE_CHARS = 32;

/** The name's lines: split at the space nearest its middle when longer than `max`; one word stays whole. */
export function getLabelLines(label: string, max = LINE_CHARS): string[] {
  if (label.length <= max) return [label];
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1))
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}
