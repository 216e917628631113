// Cache keys numbered in order of first appearance (countChildren, mergeCounts, the period's days rely on it).
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/engine/keyIndex';

describe('key index', () => {
  it('numbers keys in order of first appearance, up to 2^53, through growth, as a Map would', () => {
    const index = new KeyIndex(4);
    const reference = new Map<number, number>();
    // keys that share their low or high 32 bits, and keys near Number.MAX_SAFE_INTEGER
    const keys: number[] = [];
    for (let i = 0; i < 5_000; i++) keys.push(i * 4294967296, i, Number.MAX_SAFE_INTEGER - i, (i % 97) * 4294967296 + 7);
    for (const key of [...keys, ...keys.slice().reverse()]) {
      if (!reference.has(key)) reference.set(key, reference.size);
      expect(index.add(key)).toBe(reference.get(key));
    }
    expect(index.size).toBe(reference.size);
    for (const [key, at] of reference) expect(index.get(key)).toBe(at);
    expect(index.get(0.5)).toBe(-1);
    expect(index.get(123_456_789_012)).toBe(-1);
  });
});
