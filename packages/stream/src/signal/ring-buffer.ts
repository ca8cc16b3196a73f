/** @module A fixed-capacity buffer of numbers addressed by absolute sample index. */

/**
 * Keeps the last `capacity` values pushed, addressed by the absolute index of each value
 * (0 for the first value ever pushed). Older values are overwritten.
 */
export class SampleRing {
  private readonly values: Float64Array;
  private count = 0;

  /** @param capacity how many of the most recent values stay readable. */
  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  /** The number of values pushed so far (the index the next value will get). */
  get length(): number {
    return this.count;
  }

  /** Appends one value. */
  push(value: number): void {
    this.values[this.count % this.capacity] = value;
    this.count++;
  }

  /** Whether `index` is still held (pushed, and not yet overwritten). */
  has(index: number): boolean {
    return index >= 0 && index < this.count && index >= this.count - this.capacity;
  }

  /** The value at absolute `index`, or NaN if it is not held. */
  at(index: number): number {
    return this.has(index) ? this.values[index % this.capacity]! : NaN;
  }
}
