/**
 * @module The model spec: a JSON-serialisable description of the classifier and its training.
 *
 * The zod schema is the single source of truth; the TypeScript types are inferred from it.
 */
import type { z } from 'zod';
import { blockSchema } from './block-schema';
import {
  exactly,
  integerAtLeast,
  listOf,
  name,
  numberWithin,
  strictObject,
} from './schema-helpers';
import { trainingSchema } from './training-schema';

/** What the model reads: one beat of `length` samples per channel (lead). */
export const inputSchema = strictObject(
  {
    length: integerAtLeast(1),
    channels: integerAtLeast(1),
    sampleRateHz: numberWithin({ above: 0 }),
  },
  'an input object',
);

/** The output layer, a Dense of one unit per class; only softmax for now. */
export const outputSchema = strictObject(
  { activation: exactly('softmax').default('softmax') },
  'an output object',
);

/** The whole spec. `output` and `training` may be left out; `blocks` may be empty. */
export const modelSpecSchema = strictObject(
  {
    input: inputSchema,
    classes: listOf(name(), 2, 'class names'),
    blocks: listOf(blockSchema, 0, 'blocks'),
    output: outputSchema.prefault({}),
    training: trainingSchema.prefault({}),
  },
  'a model spec object',
);

/** A spec as written (in JSON or code): optional fields may be left out. */
export type ModelSpecInput = z.input<typeof modelSpecSchema>;
/** A parsed spec with every default filled, as {@link parseSpec} returns it. */
export type ModelSpec = z.output<typeof modelSpecSchema>;
/** The `input` section. */
export type InputSpec = ModelSpec['input'];
/** The `output` section. */
export type OutputSpec = ModelSpec['output'];

/** `T` with every property and array element read-only, all the way down. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A spec that is only read: what every function taking a spec accepts, DEFAULT_SPEC included. */
export type ReadonlyModelSpec = DeepReadonly<ModelSpec>;
