/**
 * @module Accuracy, per-class precision/recall/F1 and macro F1, all read off a confusion matrix.
 */

/** A k×k count matrix: `confusion[trueClass][predictedClass]`. */
export type ConfusionMatrix = number[][];

/** Precision, recall and F1 of one class, plus how many beats truly belong to it. */
export interface ClassMetrics {
  className: string;
  /** Of the beats predicted as this class, the fraction that truly are; 0 when none were. */
  precision: number;
  /**
   * Of the beats that truly are this class, the fraction predicted as it; 0 when there are none.
   */
  recall: number;
  /** The harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** How many beats truly belong to this class. */
  support: number;
}

/** `numerator / denominator`, with the convention that 0/0 (an empty denominator) is 0. */
export function safeRatio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Counts `(label, prediction)` pairs into a k×k matrix; rows are true classes. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classTotal: number,
): ConfusionMatrix {
  const matrix = Array.from({ length: classTotal }, () => new Array<number>(classTotal).fill(0));
  for (let i = 0; i < labels.length; i++) matrix[labels[i]!]![predictions[i]!]! += 1;
  return matrix;
}

/** The fraction of beats on the diagonal; 0 for an empty matrix. */
export function accuracyOf(confusion: ConfusionMatrix): number {
  let correct = 0;
  let total = 0;
  confusion.forEach((row, i) => {
    correct += row[i]!;
    total += row.reduce((sum, count) => sum + count, 0);
  });
  return safeRatio(correct, total);
}

/**
 * Precision, recall and F1 of each class. F1 is computed as `2·TP / (2·TP + FP + FN)`, which
 * equals the harmonic mean of precision and recall wherever that is defined, and is 0 otherwise.
 */
export function perClassMetrics(confusion: ConfusionMatrix, classNames: string[]): ClassMetrics[] {
  return classNames.map((className, c) => {
    const truePositives = confusion[c]![c]!;
    const support = confusion[c]!.reduce((sum, count) => sum + count, 0);
    const predicted = confusion.reduce((sum, row) => sum + row[c]!, 0);
    const falseNegatives = support - truePositives;
    const falsePositives = predicted - truePositives;
    return {
      className,
      precision: safeRatio(truePositives, predicted),
      recall: safeRatio(truePositives, support),
      f1: safeRatio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
      support,
    };
  });
}

/** The unweighted mean F1 over every class, including classes absent from the labels. */
export function macroF1Of(metrics: ClassMetrics[]): number {
  return safeRatio(
    metrics.reduce((sum, m) => sum + m.f1, 0),
    metrics.length,
  );
}

/** The index of each row's largest value; the first one on ties, as `tf.argMax`. */
export function argmaxRows(probabilities: Float32Array, classTotal: number): Int32Array {
  const predictions = new Int32Array(probabilities.length / classTotal);
  for (let row = 0; row < predictions.length; row++) {
    const offset = row * classTotal;
    let best = 0;
    for (let c = 1; c < classTotal; c++) {
      if (probabilities[offset + c]! > probabilities[offset + best]!) best = c;
    }
    predictions[row] = best;
  }
  return predictions;
}
