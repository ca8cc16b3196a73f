/** @module Checks of the beat stream's options, as UsageErrors that say what to pass. */
import { BEAT_LENGTH, UsageError, type EcgClassifier } from '@edge-ecg/core';

/**
 * Checks an optional number option: at least `minimum`, and whole when `integer`.
 *
 * @throws {UsageError} naming the option when it is out of range.
 */
export function checkPositive(
  name: string,
  value: number | undefined,
  minimum: number,
  integer: boolean,
): void {
  if (value === undefined) return;
  const valid = Number.isFinite(value) && value >= minimum && (!integer || Number.isInteger(value));
  if (valid) return;
  const wanted = integer
    ? `a whole number of at least ${minimum}`
    : minimum === 0
      ? 'a number of 0 or more'
      : 'a positive number';
  throw new UsageError(`BeatStream.create: expected ${name} to be ${wanted}, received ${value}.`);
}

/**
 * Checks that the classifier takes Kachuee beats and knows the normal class asked for.
 *
 * @throws {UsageError} when it does not.
 */
export function checkClassifier(classifier: EcgClassifier, normalClass?: string): void {
  const { length, channels } = classifier.spec.input;
  if (length !== BEAT_LENGTH || channels !== 1) {
    throw new UsageError(
      `BeatStream.create: expected a classifier of ${BEAT_LENGTH}-sample, 1-channel beats, ` +
        `received one of ${length} samples × ${channels} channels. Train one on Kachuee beats.`,
    );
  }
  if (normalClass !== undefined && !classifier.classNames.includes(normalClass)) {
    throw new UsageError(
      `BeatStream.create: normalClass "${normalClass}" is not a class of the classifier, whose ` +
        `classes are ${classifier.classNames.join(', ')}. Pass one of these.`,
    );
  }
}
