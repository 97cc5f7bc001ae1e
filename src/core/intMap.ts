/**
 * A map from int32 keys that are already well-mixed hashes (MinHash bands, text hashes) to values, as
 * open addressing over a typed array of keys and a plain array of values. A Map spends about 40 bytes an
 * entry on its hash table; this spends 12 a slot, and an index of tens of thousands of entries is kept per
 * open draft. The table fills to seven eighths before it grows (linear probing slows only near full), and
 * its size need not be a power of two, so a caller that knows how many entries are coming sizes it to fit.
 */
export class IntMap<V> {
  private keys: Int32Array;
  private values: (V | undefined)[];
  private count = 0;

  constructor(expectedSize = 0) {
    const capacity = Math.max(16, Math.ceil(expectedSize / 0.8));
    this.keys = new Int32Array(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  get(key: number): V | undefined {
    return this.values[this.slotOf(key)];
  }

  set(key: number, value: V): void {
    const slot = this.slotOf(key);
    if (this.values[slot] === undefined) this.count++;
    this.keys[slot] = key;
    this.values[slot] = value;
    if (this.count * 8 > this.values.length * 7) this.resize(this.count * 2);
  }

  /** The key's value if it has one; if not, sets it to `value` and gives undefined (one probe for both). */
  getOrAdd(key: number, value: V): V | undefined {
    const slot = this.slotOf(key);
    const existing = this.values[slot];
    if (existing !== undefined) return existing;
    this.keys[slot] = key;
    this.values[slot] = value;
    if (++this.count * 8 > this.values.length * 7) this.resize(this.count * 2);
    return undefined;
  }

  delete(key: number): boolean {
    const capacity = this.values.length;
    const slot = this.slotOf(key);
    if (this.values[slot] === undefined) return false;
    this.count--;
    // Backward-shift deletion: later entries of the same probe run move up, so no tombstones are left.
    let hole = slot;
    for (let next = hole + 1 === capacity ? 0 : hole + 1; this.values[next] !== undefined; next = next + 1 === capacity ? 0 : next + 1) {
      const home = (this.keys[next] >>> 0) % capacity;
      // The entry at `next` may fill the hole only if its home slot is not between the hole and it.
      const canMove = hole <= next ? home <= hole || home > next : home <= hole && home > next;
      if (!canMove) continue;
      this.keys[hole] = this.keys[next];
      this.values[hole] = this.values[next];
      hole = next;
    }
    this.values[hole] = undefined;
    return true;
  }

  /** The slot that holds `key`, or the empty slot that ends its probe run (where it would go). */
  private slotOf(key: number): number {
    const capacity = this.values.length;
    let slot = (key >>> 0) % capacity;
    while (this.values[slot] !== undefined && this.keys[slot] !== key) slot = slot + 1 === capacity ? 0 : slot + 1;
    return slot;
  }

  private resize(capacity: number): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Int32Array(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.count = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      const value = values[slot];
      if (value !== undefined) this.set(keys[slot], value);
    }
  }
}
