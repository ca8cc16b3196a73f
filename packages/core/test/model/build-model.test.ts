import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { SpecError } from '../../src/errors';
import { MinPooling1D } from '../../src/layers/min-pooling-1d';
import { buildModel } from '../../src/model/build-model';
import { DEFAULT_SPEC, defaultSpec } from '../../src/spec/default-spec';
import { parseSpec } from '../../src/spec/parse-spec';
import { computeShapes } from '../../src/spec/shapes';

/** A parsed spec of 24-sample, 2-channel beats in three classes with the given blocks. */
function specWith(blocks: unknown[]) {
  return parseSpec({
    input: { length: 24, channels: 2, sampleRateHz: 125 },
    classes: ['N', 'S', 'V'],
    blocks,
  });
}

/** Every layer of a model as `[name, className]`, the input layer left out. */
function layerList(model: tfl.LayersModel): [string, string][] {
  return model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => [layer.name, layer.getClassName()]);
}

/** Each shape entry's last layer has the output shape computeShapes predicted. */
function expectShapesMatch(model: tfl.LayersModel, spec: Parameters<typeof computeShapes>[0]) {
  for (const shape of computeShapes(spec)) {
    const last = model.getLayer(shape.layerNames[shape.layerNames.length - 1]!);
    expect([shape.path, last.outputShape]).toEqual([shape.path, [null, ...shape.outputShape]]);
  }
}

const EVERY_KIND_OF_BLOCK = [
  {
    type: 'conv1d',
    filters: 4,
    kernelSize: 3,
    padding: 'causal',
    dilationRate: 2,
    activation: 'leakyRelu',
    alpha: 0.1,
  },
  { type: 'batchNormalization' },
  { type: 'pooling', kind: 'min', poolSize: 3, strides: 2, padding: 'same' },
  { type: 'conv1d', filters: 5, kernelSize: 2, strides: 2, padding: 'same', useBias: false },
  { type: 'pooling', kind: 'average' },
  { type: 'leakyRelu', alpha: 0.2 },
  { type: 'dropout', rate: 0.1 },
  { type: 'lstm', units: 3, returnSequences: true, bidirectional: true },
  { type: 'lstm', units: 4, returnSequences: true },
  { type: 'dense', units: 6, activation: 'leakyRelu', dropout: 0.25 },
  { type: 'pooling', kind: 'max', poolSize: 2, strides: 1 },
];

describe('buildModel', () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe('given the reference recipe', () => {
    const model = () => buildModel(DEFAULT_SPEC);

    it('builds the recipe layers under predictable names', () => {
      expect(layerList(model())).toEqual([
        ['block0_conv1d', 'Conv1D'],
        ['block1_conv1d', 'Conv1D'],
        ['block2_pooling', 'MaxPooling1D'],
        ['block3_conv1d', 'Conv1D'],
        ['block4_conv1d', 'Conv1D'],
        ['block5_pooling', 'MaxPooling1D'],
        ['block6_lstm', 'LSTM'],
        ['output', 'Dense'],
      ]);
    });

    it('has 8,690 parameters', () => {
      // Conv1D(16, k3) on 1 channel: 3·1·16 + 16 = 64; Conv1D(16, k3): 3·16·16 + 16 = 784;
      // Conv1D(32, k3): 3·16·32 + 32 = 1568; Conv1D(32, k3): 3·32·32 + 32 = 3104;
      // LSTM(16) on 32 features: 4·(16·(32 + 16) + 16) = 3136; Dense(2): 16·2 + 2 = 34.
      expect(model().countParams()).toBe(64 + 784 + 1568 + 3104 + 3136 + 34);
    });

    it('maps 187 samples to two class probabilities', () => {
      const built = model();
      expect(built.inputs[0]!.shape).toEqual([null, 187, 1]);
      const probabilities = tf.tidy(() =>
        (built.predict(tf.ones([3, 187, 1])) as tf.Tensor).arraySync(),
      );
      expect(probabilities).toHaveLength(3);
      for (const row of probabilities as number[][]) expect(row[0]! + row[1]!).toBeCloseTo(1, 5);
    });

    it('uses Keras defaults: relu, valid padding, sigmoid gates, unit forget bias', () => {
      const config = (name: string) => model().getLayer(name).getConfig();
      expect(config('block0_conv1d')).toMatchObject({ activation: 'relu', padding: 'valid' });
      expect(config('block0_conv1d').kernelInitializer).toMatchObject({
        className: 'VarianceScaling', // glorotUniform, as tfjs serialises it
        config: { scale: 1, mode: 'fanAvg', distribution: 'uniform' },
      });
      expect(config('block6_lstm')).toMatchObject({
        recurrentActivation: 'sigmoid',
        unitForgetBias: true,
      });
      expect(config('block6_lstm').recurrentInitializer).toMatchObject({ className: 'Orthogonal' });
    });

    it('is not compiled', () => {
      expect(model().optimizer).toBeUndefined();
    });

    it('starts from the same weights for the same seed, and others for another', () => {
      const weightsOf = (built: tfl.LayersModel) => built.getWeights()[0]!.dataSync();
      const other = defaultSpec();
      other.training.seed = 7;
      expect(weightsOf(model())).toEqual(weightsOf(model()));
      expect(weightsOf(buildModel(other))).not.toEqual(weightsOf(model()));
    });

    it('leaves no tensor behind once disposed', () => {
      const before = tf.memory().numTensors;
      buildModel(DEFAULT_SPEC).dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('gives the LSTM its forget-gate bias of one', () => {
      const bias = model().getLayer('block6_lstm').getWeights()[2]!.dataSync();
      expect(Array.from(bias.slice(16, 32))).toEqual(new Array(16).fill(1));
      expect(Array.from(bias.slice(0, 16))).toEqual(new Array(16).fill(0));
    });
  });

  describe('given every kind of block', () => {
    const spec = specWith(EVERY_KIND_OF_BLOCK);

    it('builds them in order, with LeakyReLU, causal padding and dropout as layers', () => {
      expect(layerList(buildModel(spec))).toEqual([
        ['block0_causalPadding', 'CausalPadding1D'],
        ['block0_conv1d', 'Conv1D'],
        ['block0_leakyRelu', 'LeakyReLU'],
        ['block1_batchNormalization', 'BatchNormalization'],
        ['block2_pooling', 'MinPooling1D'],
        ['block3_conv1d', 'Conv1D'],
        ['block4_pooling', 'AveragePooling1D'],
        ['block5_leakyRelu', 'LeakyReLU'],
        ['block6_dropout', 'Dropout'],
        ['block7_lstm', 'Bidirectional'],
        ['block8_lstm', 'LSTM'],
        ['block9_dense', 'Dense'],
        ['block9_leakyRelu', 'LeakyReLU'],
        ['block9_dropout', 'Dropout'],
        ['block10_pooling', 'MaxPooling1D'],
        ['flatten', 'Flatten'],
        ['output', 'Dense'],
      ]);
    });

    it('has the shapes and the parameter count that computeShapes predicts', () => {
      const model = buildModel(spec);
      expectShapesMatch(model, spec);
      const predicted = computeShapes(spec).reduce((sum, shape) => sum + shape.paramCount, 0);
      expect(model.countParams()).toBe(predicted);
    });

    it('saves and loads back through tfl.loadLayersModel with identical predictions', async () => {
      const model = buildModel(spec);
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved = artifacts;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved!));
      const x = tf.randomUniform([2, 24, 2], -1, 1, 'float32', 3);
      const before = (model.predict(x) as tf.Tensor).dataSync();
      expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(before));
      expect(layerList(loaded)).toEqual(layerList(model));
    });

    it('builds a leakyRelu conv1d with a linear activation and the given alpha', () => {
      const model = buildModel(spec);
      expect(model.getLayer('block0_conv1d').getConfig()).toMatchObject({ activation: 'linear' });
      expect(model.getLayer('block0_leakyRelu').getConfig()).toMatchObject({ alpha: 0.1 });
      expect(model.getLayer('block2_pooling')).toBeInstanceOf(MinPooling1D);
    });
  });

  describe.each([
    ['global max pooling', { type: 'pooling', kind: 'globalMax' }, 'GlobalMaxPooling1D'],
    [
      'global average pooling',
      { type: 'pooling', kind: 'globalAverage' },
      'GlobalAveragePooling1D',
    ],
    ['a bidirectional LSTM', { type: 'lstm', units: 5, bidirectional: true }, 'Bidirectional'],
  ])('given %s as the last block', (_name, block, className) => {
    it('needs no flatten before the output', () => {
      const spec = specWith([block]);
      const model = buildModel(spec);
      expect(layerList(model)).toEqual([
        [`block0_${block.type}`, className],
        ['output', 'Dense'],
      ]);
      expectShapesMatch(model, spec);
    });
  });

  describe('given a causal conv1d', () => {
    const spec = specWith([
      { type: 'conv1d', filters: 1, kernelSize: 3, padding: 'causal', activation: 'linear' },
    ]);
    const convOutput = () => {
      const model = buildModel(spec);
      const output = model.getLayer('block0_conv1d').output as tfl.SymbolicTensor;
      return tfl.model({ inputs: model.inputs, outputs: output });
    };

    it('keeps the sequence length', () => {
      expect(convOutput().outputs[0]!.shape).toEqual([null, 24, 1]);
    });

    it('lets an impulse reach only its own step and the two after it', () => {
      const conv = convOutput();
      const response = tf.tidy(() => {
        const impulse = tf.buffer([1, 24, 2]);
        impulse.set(1, 0, 10, 0);
        return Array.from((conv.predict(impulse.toTensor()) as tf.Tensor).dataSync());
      });
      const reached = response.flatMap((value, step) => (value !== 0 ? [step] : []));
      expect(reached).toEqual([10, 11, 12]);
    });
  });

  describe('given a spec whose shapes cannot work', () => {
    it('throws the SpecError before making any tensor', () => {
      const spec = defaultSpec();
      spec.blocks[6] = {
        type: 'conv1d',
        filters: 4,
        kernelSize: 50,
        strides: 1,
        dilationRate: 1,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: 'glorotUniform',
        useBias: true,
      };
      const before = tf.memory().numTensors;
      expect(() => buildModel(spec)).toThrow(SpecError);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
