/**
 * @module Telling a dead start: a run whose loss has not left the chance level after its
 * first epochs, or has fallen back to it, as happens to the reference recipe on some seeds.
 *
 * With Adam at 0.01 the network often settles on a constant prediction within its first
 * steps, on the SDK's kernels, on tfjs's own and in PyTorch alike. Such a run can stay at the
 * loss of the best constant prediction for all of its epochs. Some leave it for an epoch or
 * two and fall back (seeds 43 and 53 of the synthetic recipe data, in 15-epoch runs).
 */

/** Epochs after which a run still at the chance loss counts as a dead start, at the least. */
export const DEAD_START_EPOCHS = 5;

/**
 * Optimizer steps before a run is judged, at the least: the recipe's 5 epochs are 190 steps,
 * and on small data sets 5 epochs are too few steps to say anything.
 */
export const DEAD_START_STEPS = 150;

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

/** The index of the epoch that judges a run of `stepsPerEpoch` optimizer steps per epoch. */
export function judgingEpoch(stepsPerEpoch: number): number {
  return Math.max(DEAD_START_EPOCHS, Math.ceil(DEAD_START_STEPS / Math.max(1, stepsPerEpoch))) - 1;
}

/**
 * Whether epoch `epoch` of a run of `epochs` is watched: the judging epoch and every later one
 * but the last (a run that has ended is kept).
 */
export function isWatchedEpoch(epoch: number, judging: number, epochs: number): boolean {
  return epoch >= judging && epoch < epochs - 1;
}

/** Whether a training loss at the judging epoch, or a later one, shows a dead start. */
export function isDeadStart(loss: number, chance: number): boolean {
  return loss > DEAD_START_SHARE * chance;
}

/** A run's last training loss, still at the chance level, beside the chance loss. */
export interface EndAtChance {
  loss: number;
  chanceLoss: number;
}

/**
 * The last epoch's loss and the chance loss when the one shows a dead start, else undefined:
 * a run that ended predicting one class.
 */
export function endsAtChance(
  epochs: readonly { loss: number }[],
  classCounts: readonly number[],
  classWeights?: readonly number[],
): EndAtChance | undefined {
  const loss = epochs.at(-1)?.loss;
  const chance = chanceLoss(classCounts, classWeights);
  return loss !== undefined && isDeadStart(loss, chance) ? { loss, chanceLoss: chance } : undefined;
}
