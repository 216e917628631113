// Integer hashing shared by the cohort engine: drawing streams per child, period days, key tables, worker shares.

/** 32-bit finaliser (murmur3 fmix32): nearby inputs give unrelated values. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A cache key (a non-negative integer below 2^53, generate.ts keyOf): both 32-bit halves, mixed. */
export function hashKey(key: number): number {
  const low = key >>> 0;
  return fmix32(low ^ Math.imul((key - low) / 4294967296, 0x9e3779b1));
}
