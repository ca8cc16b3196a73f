/**
 * @module The names of the tfjs layers a spec builds into, shared by the shapes and the builder.
 */
import type { Block } from './block-schema';
import type { DeepReadonly } from './model-spec';

/** The model's input layer. */
export const INPUT_LAYER_NAME = 'input';
/** The Flatten layer added when the last block leaves a sequence. */
export const FLATTEN_LAYER_NAME = 'flatten';
/** The final Dense layer, one unit per class. */
export const OUTPUT_LAYER_NAME = 'output';

/** The name of every layer of block `index` in the built model, in order. */
export function blockLayerNames(block: DeepReadonly<Block>, index: number): string[] {
  const prefix = `block${index}_`;
  const main = prefix + block.type;
  switch (block.type) {
    case 'conv1d':
      return [
        ...(block.padding === 'causal' ? [`${prefix}causalPadding`] : []),
        main,
        ...(block.activation === 'leakyRelu' ? [`${prefix}leakyRelu`] : []),
      ];
    case 'dense':
      return [
        main,
        ...(block.activation === 'leakyRelu' ? [`${prefix}leakyRelu`] : []),
        ...(block.dropout > 0 ? [`${prefix}dropout`] : []),
      ];
    default:
      return [main];
  }
}
