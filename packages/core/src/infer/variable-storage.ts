/**
 * @module Telling whether a model's variables were assigned since a copy of their values was
 * taken: assigning a tfjs variable gives it new storage, so the storage identities are a key.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

/** The identity of each variable's current storage, in order. */
export type StorageKey = readonly object[];

/** The key of `variables` now. */
export function storageKey(variables: readonly tfl.LayerVariable[]): StorageKey {
  return variables.map((variable) => variable.read().dataId);
}

/** Whether every variable still holds the storage recorded in `key` (no list is built). */
export function sameStorage(variables: readonly tfl.LayerVariable[], key: StorageKey): boolean {
  return variables.every((variable, index) => variable.read().dataId === key[index]);
}
