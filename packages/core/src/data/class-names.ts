/** @module The class names a dataset gets when its loader is not told them. */
import { UsageError } from '../errors';

/** The PTB Diagnostic classes of the Kaggle `ptbdb_*.csv` files, by label. */
export const PTB_CLASS_NAMES: readonly string[] = Object.freeze(['normal', 'abnormal']);

/** The AAMI EC57 beat classes in the order the Kaggle `mitbih_*.csv` files label them. */
export const AAMI_CLASS_NAMES: readonly string[] = Object.freeze(['N', 'S', 'V', 'F', 'Q']);

/**
 * Names for `count` classes labelled `0 … count - 1`.
 *
 * Two classes are the PTB pair (`normal`, `abnormal`), five are the AAMI classes
 * (`N`, `S`, `V`, `F`, `Q`); any other count gives `class 0`, `class 1`, ….
 *
 * @throws {UsageError} if `count` is not a whole number of 1 or more.
 */
export function defaultClassNames(count: number): string[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new UsageError(
      `defaultClassNames: expected a class count that is a whole number of 1 or more, ` +
        `received ${String(count)}. Pass the number of distinct labels (the largest label + 1).`,
    );
  }
  if (count === PTB_CLASS_NAMES.length) return [...PTB_CLASS_NAMES];
  if (count === AAMI_CLASS_NAMES.length) return [...AAMI_CLASS_NAMES];
  return Array.from({ length: count }, (_, index) => `class ${index}`);
}
