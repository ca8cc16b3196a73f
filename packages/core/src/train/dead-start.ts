/**
 * @module Telling a dead start: a run whose loss has not left the chance level after its
 * first epochs, as happens to the reference recipe on some seeds.
 *
 * With Adam at 0.01 the first steps can push every ReLU of a layer below zero; the network
 * then predicts a constant and no gradient reaches the convolutions again. Such a run stays
 * at the loss of the best constant prediction for all of its epochs.
 */

/** Epochs after which a run still at the chance loss counts as a dead start. */
export const DEAD_START_EPOCHS = 5;

/** A run is dead while its loss is above this share of the chance loss. */
export const DEAD_START_SHARE = 0.98;

/**
 * The mean cross-entropy of the best constant prediction: the class shares (times their
 * weights, as the training loss weighs beats), normalised.
 */
export function chanceLoss(classCounts: readonly number[], classWeights?: readonly number[]) {
  const total = classCounts.reduce((sum, count) => sum + count, 0);
  const mass = classCounts.map((count, c) => (count / total) * (classWeights?.[c] ?? 1));
  const norm = mass.reduce((sum, m) => sum + m, 0);
  return mass.reduce((loss, m) => (m > 0 ? loss - m * Math.log(m / norm) : loss), 0);
}

/** Whether the epoch at index `epoch`, with this training loss, shows a dead start. */
export function isDeadStart(epoch: number, loss: number, chance: number): boolean {
  return epoch === DEAD_START_EPOCHS - 1 && loss > DEAD_START_SHARE * chance;
}
