/**
 * @module Categorical cross-entropy on softmax outputs for the SDK's own training step: the
 * batch's loss, its correct beats, and the gradient with respect to the logits.
 *
 * It follows the tfjs graph of `train/loss.ts`: probabilities clipped to [EPSILON, 1 − EPSILON]
 * (no gradient where clipped), each beat's loss scaled by its class's weight, the batch mean.
 */
import { EPSILON } from '../loss';

/** A batch's loss and how many of its beats the model put on the right class. */
export interface BatchScore {
  loss: number;
  correct: number;
}

function argmax(values: Float32Array, start: number, columns: number): number {
  let best = 0;
  for (let k = 1; k < columns; k++) if (values[start + k]! > values[start + best]!) best = k;
  return best;
}

/**
 * Scores the rows of `probabilities` (`columns` classes each) against `oneHot` and writes the
 * loss's gradient with respect to the softmax's inputs into `gradient`.
 */
export function softmaxCrossEntropy(
  probabilities: Float32Array,
  oneHot: Float32Array,
  columns: number,
  classWeights: readonly number[] | undefined,
  gradient: Float32Array,
): BatchScore {
  const beats = probabilities.length / columns;
  const probabilityGradient = new Float64Array(columns);
  let lossSum = 0;
  let correct = 0;
  for (let beat = 0; beat < beats; beat++) {
    const start = beat * columns;
    let weight = 1;
    if (classWeights !== undefined) {
      weight = 0;
      for (let k = 0; k < columns; k++) weight += oneHot[start + k]! * classWeights[k]!;
    }
    let weighted = 0;
    for (let k = 0; k < columns; k++) {
      const p = probabilities[start + k]!;
      const y = oneHot[start + k]!;
      const clipped = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
      lossSum -= weight * y * Math.log(clipped);
      const inside = p >= EPSILON && p <= 1 - EPSILON;
      probabilityGradient[k] = inside ? (-weight * y) / (beats * clipped) : 0;
      weighted += p * probabilityGradient[k]!;
    }
    for (let k = 0; k < columns; k++) {
      gradient[start + k] = probabilities[start + k]! * (probabilityGradient[k]! - weighted);
    }
    if (argmax(probabilities, start, columns) === argmax(oneHot, start, columns)) correct++;
  }
  return { loss: lossSum / beats, correct };
}
