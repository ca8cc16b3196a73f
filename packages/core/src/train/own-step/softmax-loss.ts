/**
 * @module Categorical cross-entropy on softmax outputs for the SDK's own training step: the
 * batch's loss, its correct beats, and the gradient with respect to the logits.
 *
 * It follows the tfjs graph of `train/loss.ts`: probabilities clipped to [EPSILON, 1 − EPSILON]
 * (no gradient where clipped), each beat's loss scaled by its class's weight, the batch mean.
 */
import { argmaxRows } from '../../evaluate/classification-metrics';
import { EPSILON } from '../loss';

/** A batch's loss and how many of its beats the model put on the right class. */
export interface BatchScore {
  loss: number;
  correct: number;
}

/** One beat's class weight: its one-hot row times the weights (1 without weights). */
function beatWeight(oneHot: Float32Array, start: number, weights: readonly number[] | undefined) {
  if (weights === undefined) return 1;
  return weights.reduce((sum, weight, k) => sum + oneHot[start + k]! * weight, 0);
}

/** What one row adds to the batch: its weighted loss, and its gradient written at `start`. */
interface Row {
  probabilities: Float32Array;
  oneHot: Float32Array;
  gradient: Float32Array;
  start: number;
  columns: number;
}

/** Writes the row's logit gradient (scaled by `scale`) and returns its loss (times `weight`). */
function scoreRow(row: Row, weight: number, scale: number, pGradient: Float64Array): number {
  const { probabilities, oneHot, gradient, start, columns } = row;
  let loss = 0;
  let weighted = 0;
  for (let k = 0; k < columns; k++) {
    const p = probabilities[start + k]!;
    const clipped = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    const y = oneHot[start + k]!;
    loss -= weight * y * Math.log(clipped);
    const inside = p >= EPSILON && p <= 1 - EPSILON;
    pGradient[k] = inside ? (-weight * y * scale) / clipped : 0;
    weighted += p * pGradient[k]!;
  }
  for (let k = 0; k < columns; k++) {
    gradient[start + k] = probabilities[start + k]! * (pGradient[k]! - weighted);
  }
  return loss;
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
  const pGradient = new Float64Array(columns);
  let lossSum = 0;
  for (let start = 0; start < probabilities.length; start += columns) {
    const row = { probabilities, oneHot, gradient, start, columns };
    lossSum += scoreRow(row, beatWeight(oneHot, start, classWeights), 1 / beats, pGradient);
  }
  const labels = argmaxRows(oneHot, columns);
  const correct = argmaxRows(probabilities, columns).filter((c, row) => c === labels[row]).length;
  return { loss: lossSum / beats, correct };
}
