/**
 * The first index in 0..length at which `reached` turns true, for a test that is false and then true
 * along the range (a sorted list): binary search, shared by every ordered lookup in the core.
 */
export function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Where a unit numbered `index` stands in a list of units in document order: the first position whose unit
 * is not before it (units are numbered in document order, and a draft renumbers them all).
 */
export function positionInDocument(units: readonly { index: number }[], index: number): number {
  return firstIndexWhere(units.length, (k) => units[k].index >= index);
}

/**
 * The index of the first number at or above `value` in an ascending list (its length if none): firstIndexWhere
 * for a sorted list of numbers, without a closure, for loops that ask it of every paragraph on every lint.
 */
export function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}
