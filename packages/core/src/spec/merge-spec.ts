/** @module Deep-merges overrides (from CLI flags, say) into a spec, then parses the result. */
import type { ModelSpec, ModelSpecInput, ReadonlyModelSpec } from './model-spec';
import { parseSpec, type ParseSpecOptions } from './parse-spec';

/** `T` with every object property optional, all the way down; arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/** What {@link mergeSpec} accepts as overrides. */
export type SpecOverrides = DeepPartial<ModelSpecInput>;

/** The keys that tell the variants of a union apart: a block's `type`, an optimizer's `name`. */
const DISCRIMINATORS = ['type', 'name'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function switchesVariant(base: Record<string, unknown>, override: Record<string, unknown>) {
  return DISCRIMINATORS.some((key) => key in override && override[key] !== base[key]);
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  if (switchesVariant(base, override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeValue(base[key], value);
  return merged;
}

/**
 * `base` with `overrides` merged in and the result parsed. Objects merge key by key; arrays
 * (`classes`, `blocks`, `classWeights`) and other values replace; an `undefined` override
 * keeps the base value; an override that changes an optimizer's `name` replaces the whole
 * optimizer, since the other optimizer's settings would not apply.
 *
 * @example `mergeSpec(DEFAULT_SPEC, { training: { epochs: 5 } })`
 * @throws {SpecError} when the merged spec is invalid, as {@link parseSpec} does.
 */
export function mergeSpec(
  base: ReadonlyModelSpec | ModelSpecInput,
  overrides: SpecOverrides,
  options: ParseSpecOptions = {},
): ModelSpec {
  return parseSpec(mergeValue(base, overrides), options);
}
