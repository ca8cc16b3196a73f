/** @module The two labellings of reference beats: the five AAMI classes, or normal/abnormal. */
import { AAMI_CLASS_NAMES, PTB_CLASS_NAMES, UsageError } from '@edge-ecg/core';
import { AAMI_CLASSES, aamiClassOf } from '../wfdb/annotation-codes';

/** `aami`: N, S, V, F, Q (labels 0-4, as in Kaggle's MIT-BIH files); `binary`: normal, abnormal. */
export type LabelScheme = 'aami' | 'binary';

/** The labellings, in the order the CLI lists them. */
export const LABEL_SCHEMES: readonly LabelScheme[] = ['binary', 'aami'];

/** The paced-beat mnemonic; records with such beats are left out of the binary task. */
export const PACED_BEAT_SYMBOL = '/';

/** The class names of a labelling, by label. */
export function labelClassNames(scheme: LabelScheme): string[] {
  return scheme === 'aami' ? [...AAMI_CLASS_NAMES] : [...PTB_CLASS_NAMES];
}

/**
 * The label of a reference beat's mnemonic: its AAMI class, or 0 for AAMI N and 1 for the
 * other AAMI classes; undefined for beats outside the AAMI map (B, n, r, ?) and non-beats.
 */
export function labelOf(symbol: string, scheme: LabelScheme): number | undefined {
  const aami = aamiClassOf(symbol);
  if (aami === undefined) return undefined;
  if (scheme === 'aami') return AAMI_CLASSES.indexOf(aami);
  return aami === 'N' ? 0 : 1;
}

/**
 * Checks a labelling name.
 *
 * @throws {UsageError} naming the flag when it is neither `binary` nor `aami`.
 */
export function checkLabelScheme(value: string, where: string): LabelScheme {
  if ((LABEL_SCHEMES as readonly string[]).includes(value)) return value as LabelScheme;
  throw new UsageError(`${where}: expected "binary" or "aami", received "${value}".`);
}
