// Label placement without overlaps: positions along one axis pushed apart to at least `gap`, staying as close
// to where they want to be as the gap allows, and inside [min, max] when there is room for all of them.
export function dodge(wanted: readonly number[], gap: number, min = -Infinity, max = Infinity): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b]);
  const placed = new Array<number>(wanted.length);
  let previous = -Infinity;
  for (const i of order) {
    placed[i] = Math.max(wanted[i], previous + gap, min);
    previous = placed[i];
  }
  // Pushed past the end: shift the tail back up, keeping the gaps.
  let next = Infinity;
  for (const i of [...order].reverse()) {
    placed[i] = Math.min(placed[i], next - gap, max);
    next = placed[i];
  }
  if (order.length && placed[order[0]] < min) {
    // Not enough room: keep the gaps and start at min (the caller grows its height).
    let at = min;
    for (const i of order) {
      placed[i] = at;
      at += gap;
    }
  }
  return placed;
}

/** Items on a line at `x`, each `size` wide (one for all or one each): the row each goes in so that no two in a row overlap. */
export function stackInRows(xs: readonly number[], size: number | readonly number[]): number[] {
  const rowEnds: number[] = [];
  const half = (i: number) => (typeof size === 'number' ? size : size[i]) / 2;
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const rows = new Array<number>(xs.length);
  for (const i of order) {
    let row = rowEnds.findIndex((end) => xs[i] - half(i) >= end);
    if (row === -1) row = rowEnds.push(-Infinity) - 1;
    rows[i] = row;
    rowEnds[row] = xs[i] + half(i) + 1;
  }
  return rows;
}
