/**
 * @module The tfjs layers of one spec block, with Keras's initializers and predictable names.
 *
 * Names follow `blockLayerNames` in `spec/layer-names.ts`: `block3_conv1d`, `block3_leakyRelu`.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { CausalPadding1D } from '../layers/causal-padding-1d';
import { MinPooling1D } from '../layers/min-pooling-1d';
import type { Block, Conv1dBlock, DenseBlock, LstmBlock, PoolingBlock } from '../spec/block-schema';
import { kernelSpan, poolingWindow } from '../spec/block-shapes';
import type { DeepReadonly } from '../spec/model-spec';
import { DEFAULT_LEAKY_RELU_ALPHA } from '../spec/spec-defaults';

type Layer = tfl.layers.Layer;
type Name = (suffix: string) => string;

function leakyRelu(alpha: number | undefined, name: Name): Layer {
  return tfl.layers.leakyReLU({
    alpha: alpha ?? DEFAULT_LEAKY_RELU_ALPHA,
    name: name('leakyRelu'),
  });
}

function conv1dLayers(block: DeepReadonly<Conv1dBlock>, name: Name): Layer[] {
  const causal = block.padding === 'causal';
  const leaky = block.activation === 'leakyRelu';
  const conv = tfl.layers.conv1d({
    filters: block.filters,
    kernelSize: block.kernelSize,
    strides: block.strides,
    dilationRate: block.dilationRate,
    padding: causal ? 'valid' : block.padding,
    activation: leaky ? 'linear' : block.activation,
    kernelInitializer: block.kernelInitializer,
    biasInitializer: 'zeros',
    useBias: block.useBias,
    name: name('conv1d'),
  });
  const layers: Layer[] = [conv];
  if (causal) {
    layers.unshift(
      new CausalPadding1D({ padding: kernelSpan(block) - 1, name: name('causalPadding') }),
    );
  }
  if (leaky) layers.push(leakyRelu(block.alpha, name));
  return layers;
}

function poolingLayer(block: DeepReadonly<PoolingBlock>, name: Name): Layer {
  const layerName = name('pooling');
  if (block.kind === 'globalMax') return tfl.layers.globalMaxPooling1d({ name: layerName });
  if (block.kind === 'globalAverage') return tfl.layers.globalAveragePooling1d({ name: layerName });
  const args = { ...poolingWindow(block), name: layerName };
  if (block.kind === 'min') return new MinPooling1D(args);
  if (block.kind === 'average') return tfl.layers.averagePooling1d(args);
  return tfl.layers.maxPooling1d(args);
}

function lstmLayer(block: DeepReadonly<LstmBlock>, name: Name): Layer {
  const lstm = tfl.layers.lstm({
    units: block.units,
    activation: block.activation,
    recurrentActivation: block.recurrentActivation,
    dropout: block.dropout,
    recurrentDropout: block.recurrentDropout,
    returnSequences: block.returnSequences,
    kernelInitializer: 'glorotUniform',
    recurrentInitializer: 'orthogonal',
    biasInitializer: 'zeros',
    unitForgetBias: true,
    name: name('lstm'),
  });
  if (!block.bidirectional) return lstm;
  return tfl.layers.bidirectional({ layer: lstm, mergeMode: 'concat', name: name('lstm') });
}

function denseLayers(block: DeepReadonly<DenseBlock>, name: Name): Layer[] {
  const leaky = block.activation === 'leakyRelu';
  const dense = tfl.layers.dense({
    units: block.units,
    activation: leaky ? 'linear' : block.activation,
    kernelInitializer: 'glorotUniform',
    biasInitializer: 'zeros',
    name: name('dense'),
  });
  const layers: Layer[] = [dense];
  if (leaky) layers.push(leakyRelu(block.alpha, name));
  if (block.dropout > 0)
    layers.push(tfl.layers.dropout({ rate: block.dropout, name: name('dropout') }));
  return layers;
}

/** The layers block `index` builds into, in order (one for most blocks, up to three). */
export function blockLayers(block: DeepReadonly<Block>, index: number): Layer[] {
  const name: Name = (suffix) => `block${index}_${suffix}`;
  switch (block.type) {
    case 'conv1d':
      return conv1dLayers(block, name);
    case 'pooling':
      return [poolingLayer(block, name)];
    case 'lstm':
      return [lstmLayer(block, name)];
    case 'dense':
      return denseLayers(block, name);
    case 'batchNormalization': {
      const { momentum, epsilon } = block;
      return [tfl.layers.batchNormalization({ momentum, epsilon, name: name(block.type) })];
    }
    case 'dropout':
      return [tfl.layers.dropout({ rate: block.rate, name: name(block.type) })];
    case 'leakyRelu':
      return [leakyRelu(block.alpha, name)];
  }
}
