/** @module A growable store of beats for loaders that do not know the row count in advance. */

/** The beats a buffer holds before its first growth. */
export const INITIAL_BEAT_CAPACITY = 1024;

/** How much a full buffer grows: doubling keeps copying to O(total size). */
const GROWTH_FACTOR = 2;

/**
 * Labelled beats appended one at a time into flat typed arrays that grow geometrically.
 *
 * Write a beat's samples at `samples[beatOffset() + i]`, then call `commit(label)`.
 */
export class BeatBuffer {
  /** Beats committed so far. */
  count = 0;
  private samplesStore: Float32Array;
  private labelsStore: Int32Array;

  constructor(
    readonly beatLength: number,
    initialCapacity: number = INITIAL_BEAT_CAPACITY,
  ) {
    this.samplesStore = new Float32Array(initialCapacity * beatLength);
    this.labelsStore = new Int32Array(initialCapacity);
  }

  /** The store to write the next beat's samples into; valid until the next `beatOffset()`. */
  get samples(): Float32Array {
    return this.samplesStore;
  }

  /** Where the next beat starts in `samples`, growing the store first if it is full. */
  beatOffset(): number {
    if (this.count === this.labelsStore.length) this.grow();
    return this.count * this.beatLength;
  }

  /** Keeps the beat written at `beatOffset()` with its class label. */
  commit(label: number): void {
    this.labelsStore[this.count] = label;
    this.count += 1;
  }

  /** Copies of the committed samples and labels, trimmed to size. */
  toArrays(): { samples: Float32Array; labels: Int32Array } {
    return {
      samples: this.samplesStore.slice(0, this.count * this.beatLength),
      labels: this.labelsStore.slice(0, this.count),
    };
  }

  private grow(): void {
    const capacity = Math.max(1, this.labelsStore.length * GROWTH_FACTOR);
    const samples = new Float32Array(capacity * this.beatLength);
    samples.set(this.samplesStore);
    const labels = new Int32Array(capacity);
    labels.set(this.labelsStore);
    this.samplesStore = samples;
    this.labelsStore = labels;
  }
}
