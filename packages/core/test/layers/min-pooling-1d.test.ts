import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { MinPooling1D, type MinPooling1DArgs } from '../../src/layers/min-pooling-1d';
import { registerCustomLayers } from '../../src/layers/register-custom-layers';
import { createRandom } from '../../src/util/seeded-random';

/** Float32 rounding of a min or a gradient of 0/1 leaves nothing bigger than this. */
const TOLERANCE = 1e-5;
const BATCH = 2;
const STEPS = 11;
const CHANNELS = 3;

/** Distinct values in [−1, 1), so that every window has one minimum. */
function seededValues(count: number, seed: string): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: count }, (_, i) => random() * 2 - 1 + i * 1e-4);
}

const input = seededValues(BATCH * STEPS * CHANNELS, 'min-pooling-input');

/** Min pooling written out by hand over `[batch, steps, channels]`. */
function referenceMinPool(
  values: Float32Array,
  poolSize: number,
  strides: number,
  padding: string,
) {
  const outSteps =
    padding === 'same' ? Math.ceil(STEPS / strides) : Math.floor((STEPS - poolSize) / strides) + 1;
  // 'same' pads (outSteps − 1)·strides + poolSize − STEPS samples, the odd one at the end.
  const total = Math.max((outSteps - 1) * strides + poolSize - STEPS, 0);
  const before = padding === 'same' ? Math.floor(total / 2) : 0;
  const out: number[] = [];
  for (let b = 0; b < BATCH; b++) {
    for (let t = 0; t < outSteps; t++) {
      for (let c = 0; c < CHANNELS; c++) {
        let min = Infinity;
        for (let k = 0; k < poolSize; k++) {
          const step = t * strides + k - before;
          if (step < 0 || step >= STEPS) continue;
          min = Math.min(min, values[(b * STEPS + step) * CHANNELS + c]!);
        }
        out.push(min);
      }
    }
  }
  return { values: out, shape: [BATCH, outSteps, CHANNELS] };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(TOLERANCE);
  }
}

/** Σ w·pool(x) for fixed seeded weights w, the objective whose gradient is compared. */
function objectiveOf(pool: (x: tf.Tensor3D) => tf.Tensor, outShape: number[]) {
  const count = outShape.reduce((a, b) => a * b, 1);
  const weights = tf.tensor(seededValues(count, 'min-pooling-weights'), outShape);
  return (x: tf.Tensor) => tf.sum(tf.mul(pool(x as tf.Tensor3D), weights));
}

/** d/dx of the objective through the layer, on the current backend. */
function layerGradient(args: MinPooling1DArgs, values: Float32Array): Float32Array {
  return tf.tidy(() => {
    const layer = new MinPooling1D(args);
    const outShape = layer.computeOutputShape([BATCH, STEPS, CHANNELS]) as number[];
    const objective = objectiveOf((x) => layer.apply(x) as tf.Tensor, outShape);
    return tf
      .grad(objective)(tf.tensor3d(values, [BATCH, STEPS, CHANNELS]))
      .dataSync() as Float32Array;
  });
}

/** The same gradient through tfjs's own max pooling, −maxPool(−x), on the cpu backend. */
async function cpuReferenceGradient(args: MinPooling1DArgs, values: Float32Array) {
  await tf.setBackend('cpu');
  const poolSize = args.poolSize ?? 2;
  const strides = args.strides ?? poolSize;
  const padding = args.padding ?? 'valid';
  return tf.tidy(() => {
    const outShape = new MinPooling1D(args).computeOutputShape([
      BATCH,
      STEPS,
      CHANNELS,
    ]) as number[];
    const pool = (x: tf.Tensor3D) => {
      const image = tf.expandDims(tf.neg(x), 2) as tf.Tensor4D;
      return tf.neg(tf.squeeze(tf.maxPool(image, [poolSize, 1], [strides, 1], padding), [2]));
    };
    const x = tf.tensor3d(values, [BATCH, STEPS, CHANNELS]);
    return tf.grad(objectiveOf(pool, outShape))(x).dataSync() as Float32Array;
  });
}

/** Non-negative values with many zeros, as a ReLU leaves them: windows with ties at 0. */
const reluLike = input.map((value) => Math.max(value, 0));

const WINDOWS: Array<[string, MinPooling1DArgs]> = [
  ['the default window of 2', {}],
  ['a window of 3, strides 2', { poolSize: 3, strides: 2 }],
  ['a window of 4, strides 1', { poolSize: 4, strides: 1 }],
  ['a window of 3, same padding', { poolSize: 3, padding: 'same' }],
  ['a window of 4, strides 3, same padding', { poolSize: 4, strides: 3, padding: 'same' }],
];

describe('MinPooling1D', () => {
  beforeAll(async () => {
    await initBackend();
  });

  afterEach(async () => {
    await tf.setBackend('wasm');
  });

  describe.each(WINDOWS)('with %s', (_name, args) => {
    const poolSize = args.poolSize ?? 2;
    const expected = referenceMinPool(
      input,
      poolSize,
      args.strides ?? poolSize,
      args.padding ?? 'valid',
    );

    it('computes the minimum of each window', () => {
      const output = tf.tidy(() => {
        const y = new MinPooling1D(args).apply(tf.tensor3d(input, [BATCH, STEPS, CHANNELS]));
        return (y as tf.Tensor).arraySync() as number[][][];
      });
      expect([output.length, output[0]!.length, output[0]![0]!.length]).toEqual(expected.shape);
      expectClose(output.flat(2), expected.values);
    });

    it('predicts its output shape', () => {
      const layer = new MinPooling1D(args);
      expect(layer.computeOutputShape([null, STEPS, CHANNELS])).toEqual([
        null,
        ...expected.shape.slice(1),
      ]);
    });

    it('has the gradient of max pooling on the cpu backend', async () => {
      const onWasm = layerGradient(args, input);
      expectClose(onWasm, await cpuReferenceGradient(args, input));
      expect(onWasm.some((value) => value !== 0)).toBe(true);
    });

    it('has that gradient for non-negative inputs with ties, as after a ReLU', async () => {
      const onWasm = layerGradient(args, reluLike);
      expectClose(onWasm, await cpuReferenceGradient(args, reluLike));
    });
  });

  describe('given a poolSize that is not a positive integer', () => {
    it('throws a RangeError', () => {
      expect(() => new MinPooling1D({ poolSize: 0 })).toThrow(
        new RangeError('MinPooling1D poolSize: expected an integer ≥ 1, received 0.'),
      );
    });
  });

  describe('getConfig', () => {
    it('holds the window', () => {
      const config = new MinPooling1D({ poolSize: 3, strides: 2, name: 'pool' }).getConfig();
      expect(config).toMatchObject({ poolSize: 3, strides: 2, padding: 'valid', name: 'pool' });
    });
  });

  describe('in a saved model', () => {
    it('loads back through tfl.loadLayersModel with identical predictions', async () => {
      registerCustomLayers();
      const model = tfl.sequential({
        layers: [
          tfl.layers.conv1d({ inputShape: [STEPS, CHANNELS], filters: 2, kernelSize: 2 }),
          new MinPooling1D({ poolSize: 3, strides: 2, padding: 'same' }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 2, activation: 'softmax' }),
        ],
      });
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved = artifacts;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved!));
      const x = tf.tensor3d(input, [BATCH, STEPS, CHANNELS]);
      const before = (model.predict(x) as tf.Tensor).dataSync();
      const after = (loaded.predict(x) as tf.Tensor).dataSync();
      expect(Array.from(after)).toEqual(Array.from(before));
      expect(loaded.layers[1]).toBeInstanceOf(MinPooling1D);
      tf.dispose([x, model, loaded] as unknown as tf.Tensor[]);
    });
  });
});
