/** @module A growing store of the recent 125 Hz samples, addressed by absolute index. */

/** Holds samples from `start` to `length` (absolute indices), and bridges NaN runs on request. */
export class SampleStore {
  private values = new Float32Array(0);
  private held = 0;
  private first = 0;
  private lastFiniteDiscarded = NaN;

  /** The absolute index of the first sample still held. */
  get start(): number {
    return this.first;
  }

  /** The number of samples appended so far (the absolute end). */
  get length(): number {
    return this.first + this.held;
  }

  /** Appends samples. */
  append(samples: ArrayLike<number>): void {
    if (this.held + samples.length > this.values.length) {
      const grown = new Float32Array(Math.max(1024, 2 * (this.held + samples.length)));
      grown.set(this.values.subarray(0, this.held));
      this.values = grown;
    }
    for (let i = 0; i < samples.length; i++) this.values[this.held + i] = samples[i]!;
    this.held += samples.length;
  }

  /** A copy of the samples from `from` to `to` (absolute, end exclusive, clamped to those held). */
  slice(from: number, to: number): Float32Array {
    const a = Math.max(0, from - this.first);
    const b = Math.max(a, Math.min(this.held, to - this.first));
    return this.values.slice(a, b);
  }

  /** Drops the samples before absolute index `index`. */
  discardBefore(index: number): void {
    const drop = Math.min(this.held, Math.max(0, index - this.first));
    for (let i = drop - 1; i >= 0; i--) {
      if (Number.isFinite(this.values[i]!)) {
        this.lastFiniteDiscarded = this.values[i]!;
        break;
      }
    }
    this.values.copyWithin(0, drop, this.held);
    this.held -= drop;
    this.first += drop;
  }

  /**
   * A copy of `from`..`to` with NaN runs bridged: by a straight line between the finite
   * neighbours when the run is at most `maxBridgeSamples` long, otherwise by holding the value
   * before it (or after it, at the start). A run with no finite neighbour stays NaN.
   */
  repairedSlice(
    from: number,
    to: number,
    maxBridgeSamples: number,
  ): { values: Float32Array; repaired: boolean } {
    const values = this.slice(from, to);
    let repaired = false;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isNaN(values[i]!)) continue;
      repaired = true;
      let runEnd = from + i;
      while (runEnd < this.length && Number.isNaN(this.at(runEnd))) runEnd++;
      this.bridge(values, from, from + i, runEnd, maxBridgeSamples);
      i = runEnd - from - 1;
    }
    return { values, repaired };
  }

  private at(index: number): number {
    return index >= this.first && index < this.length ? this.values[index - this.first]! : NaN;
  }

  private finiteBefore(index: number): number {
    for (let k = index - 1; k >= this.first; k--) if (!Number.isNaN(this.at(k))) return this.at(k);
    return this.lastFiniteDiscarded;
  }

  private bridge(
    values: Float32Array,
    from: number,
    runStart: number,
    runEnd: number,
    maxBridgeSamples: number,
  ): void {
    const left = this.finiteBefore(runStart);
    const right = this.at(runEnd);
    const line =
      runEnd - runStart <= maxBridgeSamples && Number.isFinite(left) && Number.isFinite(right);
    const hold = Number.isFinite(left) ? left : right;
    for (let k = runStart; k < Math.min(runEnd, from + values.length); k++) {
      const share = (k - runStart + 1) / (runEnd - runStart + 1);
      values[k - from] = line ? left + share * (right - left) : hold;
    }
  }
}
