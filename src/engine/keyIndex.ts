// Dense numbers for cache keys (generate.ts keyOf: integers below 2^53), in order of first appearance. An open-
// addressing table over typed arrays: a Map boxes each such key and hashes it per child drawn.
import { hashKey } from './hash';

export class KeyIndex {
  /** per slot: the key's number + 1, 0 when empty */
  private slots: Int32Array;
  private keys: Float64Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.keys = new Float64Array(capacity >> 1);
    this.mask = capacity - 1;
  }

  /** The key's number, or -1. */
  get(key: number): number {
    const { slots, keys, mask } = this;
    for (let s = hashKey(key) & mask; ; s = (s + 1) & mask) {
      const at = slots[s] - 1;
      if (at < 0 || keys[at] === key) return at;
    }
  }

  /** The key's number, giving it the next one (this.size before the call) if it has none. */
  add(key: number): number {
    const { slots, keys, mask } = this;
    let s = hashKey(key) & mask;
    for (; ; s = (s + 1) & mask) {
      const at = slots[s] - 1;
      if (at < 0) break;
      if (keys[at] === key) return at;
    }
    const at = this.size++;
    slots[s] = at + 1;
    keys[at] = key;
    if (this.size * 2 > mask) this.grow();
    return at;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    const keys = new Float64Array(capacity >> 1);
    keys.set(this.keys.subarray(0, this.size));
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let at = 0; at < this.size; at++) {
      let s = hashKey(keys[at]) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = at + 1;
    }
    this.slots = slots;
    this.keys = keys;
    this.mask = mask;
  }
}
