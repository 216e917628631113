import { describe, expect, it } from 'vitest';
import { chunkWork } from '../../src/workers/node-pool';

/** Every (group, position) the chunks hand out, in the order they hand them out. */
function handedOut(chunks: ReturnType<typeof chunkWork>): [number, number][] {
  return chunks.flatMap((chunk) => chunk.flatMap(({ group, from, to }) => Array.from({ length: to - from }, (_, j): [number, number] => [group, from + j])));
}

describe('chunkWork: the CLI hands machine runs to whichever worker is free', () => {
  it('hands out every missing case of every group exactly once, in order', () => {
    for (const missing of [[242_567], [0, 5, 0, 3_000, 17, 40_000, 0], [1], [], [1_999, 2_001]]) {
      const expected = missing.flatMap((n, group) => Array.from({ length: n }, (_, j): [number, number] => [group, j]));
      expect(handedOut(chunkWork(missing, 2))).toEqual(expected);
    }
  });

  it('starts with large chunks and shrinks them, so that the threads finish together', () => {
    const sizes = chunkWork([242_567], 2).map((chunk) => chunk.reduce((n, p) => n + p.to - p.from, 0));
    expect(sizes[0]).toBeGreaterThan(50_000);
    for (let k = 1; k < sizes.length; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1]!);
    // The last chunks are small: a thread waits at most that long for the other.
    expect(sizes.at(-1)).toBeLessThanOrEqual(2_000);
    expect(sizes.length).toBeLessThan(60);
  });
});
