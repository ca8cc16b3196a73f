/**
 * The fused LSTM path: tfjs-layers' LSTM layer on wasm gives the cpu backend's outputs and
 * gradients, takes the fused kernels only when they compute the same thing, and leaks nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { releaseDropoutMasks } from '../../src/train/release-dropout-masks';
import { createRandom, withRandom } from '../../src/util/seeded-random';
import { kernelsRun, seededValues, valuesOn, worstError } from './helpers/parity';

/** Absolute plus relative tolerance (see `worstError`) on outputs and gradients. */
const TOLERANCE = 2e-4;
const BATCH = 3;
const STEPS = 7;
const FEATURES = 2;

type LstmArgs = Parameters<typeof tfl.layers.lstm>[0];

function buildModel(layer: () => tfl.layers.Layer): tfl.LayersModel {
  return withRandom(createRandom('fused-lstm-weights'), () => {
    const input = tfl.input({ shape: [STEPS, FEATURES] });
    const outputs = layer().apply(input) as tfl.SymbolicTensor | tfl.SymbolicTensor[];
    return tfl.model({ inputs: input, outputs });
  });
}

/** The output, the input gradient and every weight gradient of a weighted sum of the output. */
function outputsAndGradients(layer: () => tfl.layers.Layer, training: boolean): tf.Tensor[] {
  const model = buildModel(layer);
  const x = tf.tensor3d(seededValues('fused-lstm-input', BATCH * STEPS * FEATURES), [
    BATCH,
    STEPS,
    FEATURES,
  ]);
  const output = model.apply(x, { training }) as tf.Tensor;
  const mix = tf.tensor(seededValues('fused-lstm-mix', output.size), output.shape);
  const objective = (input: tf.Tensor) =>
    tf.sum(tf.mul(model.apply(input, { training }) as tf.Tensor, mix)) as tf.Scalar;
  const dx = tf.grad(objective)(x);
  const { grads } = tf.variableGrads(() => objective(x));
  const weights = model.trainableWeights.map((w) => grads[w.originalName]!);
  releaseDropoutMasks(model);
  model.dispose();
  return [output, dx, ...weights];
}

const lstm =
  (args: Partial<LstmArgs> = {}) =>
  () =>
    tfl.layers.lstm({ units: 5, ...args });

const FUSED_CASES: [string, () => tfl.layers.Layer][] = [
  ['the default hard-sigmoid gates', lstm()],
  ['sigmoid gates', lstm({ recurrentActivation: 'sigmoid' })],
  ['returned sequences', lstm({ returnSequences: true, recurrentActivation: 'sigmoid' })],
  ['going backwards', lstm({ goBackwards: true, returnSequences: true })],
  ['no bias', lstm({ useBias: false, recurrentActivation: 'sigmoid' })],
  ['unit forget bias and dropout outside training', lstm({ unitForgetBias: true, dropout: 0.3 })],
  [
    'a bidirectional wrapper',
    () =>
      tfl.layers.bidirectional({
        layer: tfl.layers.lstm({ units: 3, returnSequences: true }) as tfl.RNN,
      }),
  ],
];

/** Unit counts in fours run the SDK's own WASM kernels (`wasm/lstm-train.c`). */
const OWN_KERNEL_CASES: [string, () => tfl.layers.Layer][] = [
  ['8 units and sigmoid gates', lstm({ units: 8, recurrentActivation: 'sigmoid' })],
  ['8 units and returned sequences', lstm({ units: 8, returnSequences: true })],
  [
    '8 units going backwards without a bias',
    lstm({ units: 8, goBackwards: true, useBias: false, returnSequences: true }),
  ],
  [
    'a bidirectional wrapper of 4 units',
    () =>
      tfl.layers.bidirectional({
        layer: tfl.layers.lstm({ units: 4, recurrentActivation: 'sigmoid' }) as tfl.RNN,
      }),
  ],
];

const FALLBACK_CASES: [string, () => tfl.layers.Layer][] = [
  ['a relu cell activation', lstm({ activation: 'relu' })],
  ['returned states', lstm({ returnState: true })],
];

describe('the LSTM layer on wasm with the fast kernels', () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe.each([...FUSED_CASES, ...OWN_KERNEL_CASES])('with %s', (_name, layer) => {
    it('runs the fused kernels', async () => {
      await tf.setBackend('wasm');
      const kernels = await kernelsRun(() => outputsAndGradients(layer, false));
      expect(kernels).toContain('EdgeEcgFusedLstmForward');
      expect(kernels).toContain('EdgeEcgFusedLstmBackward');
      expect(kernels).not.toContain('Tanh');
    });

    it(
      'matches the cpu backend for the output, ' + 'the input gradient and every weight gradient',
      async () => {
        const expected = await valuesOn('cpu', () => outputsAndGradients(layer, false));
        const actual = await valuesOn('wasm', () => outputsAndGradients(layer, false));
        expect(actual).toHaveLength(expected.length);
        actual.forEach((values, i) =>
          expect(worstError(values, expected[i]!)).toBeLessThan(TOLERANCE),
        );
      },
    );
  });

  describe.each(FALLBACK_CASES)('with %s', (_name, layer) => {
    it("runs tfjs-layers' own steps", async () => {
      await tf.setBackend('wasm');
      const model = buildModel(layer);
      const kernels = await kernelsRun(() =>
        [model.apply(tf.ones([BATCH, STEPS, FEATURES])) as tf.Tensor].flat(),
      );
      model.dispose();
      expect(kernels).not.toContain('EdgeEcgFusedLstmForward');
    });
  });

  describe('with dropout while training', () => {
    it("runs tfjs-layers' own steps", async () => {
      await tf.setBackend('wasm');
      const model = buildModel(lstm({ dropout: 0.2, recurrentDropout: 0.2 }));
      const kernels = await kernelsRun(() => [
        model.apply(tf.ones([BATCH, STEPS, FEATURES]), { training: true }) as tf.Tensor,
      ]);
      releaseDropoutMasks(model);
      model.dispose();
      expect(kernels).not.toContain('EdgeEcgFusedLstmForward');
    });
  });

  describe('with the fast kernels switched off', () => {
    afterAll(async () => {
      await initBackend();
    });

    it("runs tfjs-layers' own steps", async () => {
      await initBackend({ fastKernels: false });
      const kernels = await kernelsRun(() => outputsAndGradients(lstm(), false));
      expect(kernels).not.toContain('EdgeEcgFusedLstmForward');
    });
  });

  describe('when saved', () => {
    it('is an ordinary tfjs-layers LSTM that loads back with the same outputs', async () => {
      await tf.setBackend('wasm');
      const model = buildModel(lstm({ recurrentActivation: 'sigmoid' }));
      const x = tf.tensor3d(seededValues('fused-lstm-input', BATCH * STEPS * FEATURES), [
        BATCH,
        STEPS,
        FEATURES,
      ]);
      let artifacts: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (saved) => {
          artifacts = saved;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const topology = JSON.stringify(artifacts!.modelTopology);
      expect(topology).toContain('"class_name":"LSTM"');
      const loaded = await tfl.loadLayersModel(tf.io.fromMemory(artifacts!));
      const before = (model.predict(x) as tf.Tensor).dataSync();
      const after = (loaded.predict(x) as tf.Tensor).dataSync();
      expect(worstError(after, before)).toBe(0);
      tf.dispose([x]);
      model.dispose();
      loaded.dispose();
    });
  });
});
