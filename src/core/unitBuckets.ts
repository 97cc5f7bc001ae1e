// Units filed under int32 keys (a paragraph's MinHash bands, the hash of its first words). Most keys hold
// one unit, kept as it is; an array, in document order, once others join it.
import { IntMap } from './intMap';
import { Unit } from './parse';
import { positionInDocument } from './search';

export type UnitBuckets = IntMap<Unit | Unit[]>;

/**
 * Puts `unit` in its key's bucket: at its place in document order, or last (`append`, building in order).
 * Gives what the bucket holds now: the unit alone, or the array it joined.
 */
export function addToBucket(buckets: UnitBuckets, key: number, unit: Unit, append: boolean): Unit | Unit[] {
  const bucket = buckets.getOrAdd(key, unit);
  if (bucket === undefined) return unit;
  if (Array.isArray(bucket)) {
    if (append) bucket.push(unit);
    else bucket.splice(positionInDocument(bucket, unit.index), 0, unit);
    return bucket;
  }
  const pair = !append && unit.index <= bucket.index ? [unit, bucket] : [bucket, unit];
  buckets.set(key, pair);
  return pair;
}

/** Takes `unit` (which must be there) out of its key's bucket; true when others are left in it. */
export function removeFromBucket(buckets: UnitBuckets, key: number, unit: Unit): boolean {
  const bucket = buckets.get(key)!;
  if (!Array.isArray(bucket)) {
    buckets.delete(key);
    return false;
  }
  bucket.splice(bucket.indexOf(unit), 1);
  if (bucket.length === 1) buckets.set(key, bucket[0]);
  return true;
}
