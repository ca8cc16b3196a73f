/**
 * @module The tutorial's parameters as knobs: each one changes every block it concerns.
 *
 * `filters`, `kernelSize`, `activation`, `padding`, `pooling` and `lstmUnits` are the parameters
 * the reference tutorial tunes; `compareVariants` trains one variant per knob value.
 */
import { UsageError } from '../errors';
import type { ModelSpec } from '../spec/model-spec';

type Block = ModelSpec['blocks'][number];

/** The knobs {@link varySpec} understands. */
export const KNOBS = [
  'filters',
  'kernelSize',
  'activation',
  'padding',
  'pooling',
  'lstmUnits',
] as const;

/** One of {@link KNOBS}. */
export type Knob = (typeof KNOBS)[number];

const GLOBAL_POOLING = new Set(['globalMax', 'globalAverage']);

function mapBlocks(
  spec: ModelSpec,
  type: Block['type'],
  change: (block: Block) => Block,
): ModelSpec {
  return {
    ...spec,
    blocks: spec.blocks.map((block) => (block.type === type ? change(block) : block)),
  };
}

/** Sets the first conv's filters to `value`; later convs keep their ratio to the first. */
function scaleFilters(spec: ModelSpec, value: number): ModelSpec {
  const first = spec.blocks.find((block) => block.type === 'conv1d');
  if (first === undefined || first.type !== 'conv1d') return spec;
  const scale = value / first.filters;
  return mapBlocks(spec, 'conv1d', (block) =>
    block.type === 'conv1d'
      ? { ...block, filters: Math.max(1, Math.round(block.filters * scale)) }
      : block,
  );
}

/**
 * Sets every pooling block's kind. A global kind removes the time axis, so it goes on the last
 * pooling block only, and the sequence layers after it (the LSTM) are dropped: the global pool
 * then summarises the sequence in their place.
 */
function setPooling(spec: ModelSpec, kind: string): ModelSpec {
  if (!GLOBAL_POOLING.has(kind)) {
    return mapBlocks(spec, 'pooling', (block) => ({ ...block, kind }) as Block);
  }
  const last = spec.blocks.map((block) => block.type).lastIndexOf('pooling');
  if (last < 0) return spec;
  const before = spec.blocks.slice(0, last);
  const after = spec.blocks
    .slice(last + 1)
    .filter((block) => block.type === 'dense' || block.type === 'dropout');
  return { ...spec, blocks: [...before, { type: 'pooling', kind } as Block, ...after] };
}

function asNumber(knob: Knob, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--vary ${knob}: expected whole numbers ≥ 1, received "${raw}".`);
  }
  return value;
}

/**
 * The spec with one knob set to `raw` (a flag value such as `"leakyRelu"` or `"32"`). The
 * result is not yet validated: `parseSpec` does that, per variant.
 *
 * @throws {UsageError} for a number knob given something other than a whole number.
 */
export function varySpec(spec: ModelSpec, knob: Knob, raw: string): ModelSpec {
  switch (knob) {
    case 'filters':
      return scaleFilters(spec, asNumber(knob, raw));
    case 'kernelSize':
      return mapBlocks(
        spec,
        'conv1d',
        (block) => ({ ...block, kernelSize: asNumber(knob, raw) }) as Block,
      );
    case 'activation':
      return mapBlocks(spec, 'conv1d', (block) => ({ ...block, activation: raw }) as Block);
    case 'padding':
      return mapBlocks(spec, 'conv1d', (block) => ({ ...block, padding: raw }) as Block);
    case 'pooling':
      return setPooling(spec, raw);
    case 'lstmUnits':
      return mapBlocks(
        spec,
        'lstm',
        (block) => ({ ...block, units: asNumber(knob, raw) }) as Block,
      );
  }
}

/** One `--vary` flag, `knob=v1,v2,...`, as its knob and values. */
export function parseVariation(flag: string): { knob: Knob; values: string[] } {
  const [name, list] = flag.split('=', 2);
  if (!(KNOBS as readonly string[]).includes(name ?? '') || !list) {
    throw new UsageError(
      `--vary: expected KNOB=V1,V2,... with KNOB one of ${KNOBS.join(', ')}, received "${flag}".`,
    );
  }
  return {
    knob: name as Knob,
    values: list
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean),
  };
}
