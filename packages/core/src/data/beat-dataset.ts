/** @module The in-memory form of labelled beats that every loader and generator produces. */

/** Labelled beats of equal length, stored flat for cheap transfer into tensors. */
export interface BeatDataset {
  /** Beat `i` is `samples.subarray(i * beatLength, (i + 1) * beatLength)`. */
  samples: Float32Array;
  /** Class index of each beat, in `[0, classNames.length)`. */
  labels: Int32Array;
  /** Samples per beat (187 for the Kaggle format). */
  beatLength: number;
  /** The name of each class, by index. */
  classNames: string[];
}

/** The number of beats in a dataset. */
export function beatCount(dataset: BeatDataset): number {
  return dataset.labels.length;
}

/** How many beats each class has, by class index. */
export function classCounts(dataset: BeatDataset): number[] {
  const counts = new Array<number>(dataset.classNames.length).fill(0);
  for (const label of dataset.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** The beats at `indices`, in that order, as a new dataset. */
export function selectBeats(dataset: BeatDataset, indices: ArrayLike<number>): BeatDataset {
  const { beatLength } = dataset;
  const samples = new Float32Array(indices.length * beatLength);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i]! * beatLength;
    samples.set(dataset.samples.subarray(from, from + beatLength), i * beatLength);
    labels[i] = dataset.labels[indices[i]!]!;
  }
  return { samples, labels, beatLength, classNames: [...dataset.classNames] };
}

/** Joins datasets of the same beat length and classes, in order. */
export function concatBeats(datasets: BeatDataset[]): BeatDataset {
  const [first] = datasets;
  if (first === undefined) throw new Error('concatBeats needs at least one dataset.');
  const total = datasets.reduce((sum, d) => sum + d.labels.length, 0);
  const samples = new Float32Array(total * first.beatLength);
  const labels = new Int32Array(total);
  let offset = 0;
  for (const dataset of datasets) {
    samples.set(dataset.samples, offset * first.beatLength);
    labels.set(dataset.labels, offset);
    offset += dataset.labels.length;
  }
  return { samples, labels, beatLength: first.beatLength, classNames: [...first.classNames] };
}
