/** @module Validates an untrusted spec (JSON from a file or a request) and fills its defaults. */
import { SpecError } from '../errors';
import type { Block } from './block-schema';
import { toSpecError } from './format-issue';
import { modelSpecSchema, type ModelSpec } from './model-spec';
import { computeShapes } from './shapes';
import { DEFAULT_LEAKY_RELU_ALPHA, POOLING_DEFAULTS } from './spec-defaults';

/** Options of {@link parseSpec}. */
export interface ParseSpecOptions {
  /** Where the spec came from (a file name, say); it starts every error message. */
  source?: string;
}

/** Fills the defaults that depend on other fields, which the schema cannot express. */
function fillDependentDefaults(block: Block): Block {
  if ((block.type === 'conv1d' || block.type === 'dense') && block.activation === 'leakyRelu') {
    return { ...block, alpha: block.alpha ?? DEFAULT_LEAKY_RELU_ALPHA };
  }
  if (block.type === 'pooling' && !block.kind.startsWith('global')) {
    const poolSize = block.poolSize ?? POOLING_DEFAULTS.poolSize;
    const padding = block.padding ?? POOLING_DEFAULTS.padding;
    return { ...block, poolSize, strides: block.strides ?? poolSize, padding };
  }
  return block;
}

/**
 * Checks `value` against the spec schema, fills every default, then checks the rules across
 * fields and the shapes, so that a parsed spec always builds.
 *
 * @param value - A spec as written, typically `JSON.parse` of a file.
 * @returns A new spec object; `value` is not changed.
 * @throws {SpecError} for an unknown key, a wrong type, a value out of range (one line per
 *   problem, `blocks[3].poolSize: expected an integer ≥ 1, received 0.`), a broken cross-field
 *   rule, or shapes that cannot work. Its `path` names the first field at fault.
 */
export function parseSpec(value: unknown, options: ParseSpecOptions = {}): ModelSpec {
  const result = modelSpecSchema.safeParse(value);
  if (!result.success) throw toSpecError(result.error, options.source);
  const spec: ModelSpec = { ...result.data, blocks: result.data.blocks.map(fillDependentDefaults) };
  try {
    computeShapes(spec);
  } catch (error) {
    throw withSource(error, options.source);
  }
  return spec;
}

function withSource(error: unknown, source: string | undefined): unknown {
  if (source === undefined || !(error instanceof SpecError)) return error;
  return new SpecError(error.path, `${source}: ${error.message}`);
}
