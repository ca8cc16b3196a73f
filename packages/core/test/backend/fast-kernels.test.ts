/**
 * The SDK's replacements for tfjs-backend-wasm's Conv2DBackpropInput and MaxPoolGrad, and its
 * own kernels for 1-D convolutions, their filter gradients and sums over leading axes, give
 * the cpu backend's values, run only while the fast kernels are on, and leak nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getKernel } from '@tensorflow/tfjs-core';
import { initBackend } from '../../src/backend/init-backend';
import { conv2DBackpropInputConfig } from '../../src/backend/kernels/conv2d-backprop-input';
import { maxPoolGradConfig } from '../../src/backend/kernels/max-pool-grad';
import { seededValues, valuesOn, worstError } from './helpers/parity';

/** Absolute plus relative tolerance (see `worstError`); float32 sums of a few hundred terms. */
const TOLERANCE = 1e-5;

type Pad =
  'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];

interface ConvCase {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
}

const EXPLICIT: Pad = [
  [0, 0],
  [1, 2],
  [0, 1],
  [0, 0],
];

const CONV_CASES: [string, ConvCase][] = [
  [
    'a Conv1D shape, valid padding',
    { xShape: [3, 1, 20, 4], filterShape: [1, 3, 4, 5], strides: [1, 1], pad: 'valid' },
  ],
  [
    'a Conv1D shape, same padding and stride 2',
    { xShape: [2, 1, 19, 3], filterShape: [1, 4, 3, 2], strides: [1, 2], pad: 'same' },
  ],
  [
    'a Conv1D shape with 9 inputs, 11 outputs and stride 3',
    { xShape: [2, 1, 30, 9], filterShape: [1, 3, 9, 11], strides: [1, 3], pad: 'valid' },
  ],
  [
    'a Conv1D shape with 16 inputs and outputs, same padding',
    { xShape: [3, 1, 25, 16], filterShape: [1, 5, 16, 16], strides: [1, 1], pad: 'same' },
  ],
  [
    // tfjs-backend-wasm 4.22's own Conv2D returns zeros here, where 'same' needs no padding.
    'a Conv1D shape, same padding, kernel 2 and stride 3',
    { xShape: [2, 1, 60, 2], filterShape: [1, 2, 2, 3], strides: [1, 3], pad: 'same' },
  ],
  [
    'a 2-D image, strides 2 and 3, valid padding',
    { xShape: [2, 9, 11, 2], filterShape: [3, 2, 2, 3], strides: [2, 3], pad: 'valid' },
  ],
  [
    'a 2-D image, same padding',
    { xShape: [1, 6, 7, 3], filterShape: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  ],
  [
    'explicit padding',
    { xShape: [2, 5, 6, 2], filterShape: [2, 3, 2, 3], strides: [1, 2], pad: EXPLICIT },
  ],
];

function convGradients({ xShape, filterShape, strides, pad }: ConvCase): tf.Tensor[] {
  const x = tf.tensor4d(
    seededValues(
      'conv-x',
      xShape.reduce((a, b) => a * b),
    ),
    xShape,
  );
  const filter = tf.tensor4d(
    seededValues(
      'conv-filter',
      filterShape.reduce((a, b) => a * b),
    ),
    filterShape,
  );
  const forward = (input: tf.Tensor, kernel: tf.Tensor) =>
    tf.conv2d(input as tf.Tensor4D, kernel as tf.Tensor4D, strides, pad);
  const mix = tf.tensor(
    seededValues('conv-mix', forward(x, filter).size),
    forward(x, filter).shape,
  );
  const [dx, dFilter] = tf.grads((input: tf.Tensor, kernel: tf.Tensor) =>
    tf.sum(tf.mul(forward(input, kernel), mix)),
  )([x, filter]);
  return [forward(x, filter), dx!, dFilter!];
}

interface PoolCase {
  xShape: [number, number, number, number];
  size: [number, number];
  strides: [number, number];
  pad: 'valid' | 'same';
}

const POOL_CASES: [string, PoolCase][] = [
  ['a MaxPooling1D shape', { xShape: [3, 1, 21, 4], size: [1, 3], strides: [1, 2], pad: 'valid' }],
  [
    'a MaxPooling1D shape, same padding',
    { xShape: [2, 1, 20, 3], size: [1, 3], strides: [1, 2], pad: 'same' },
  ],
  [
    'MaxPooling1D as tfjs-layers runs it, along the height',
    { xShape: [2, 23, 1, 5], size: [3, 1], strides: [2, 1], pad: 'same' },
  ],
  [
    'a 2-D image with overlapping windows',
    { xShape: [2, 7, 8, 2], size: [3, 2], strides: [2, 1], pad: 'same' },
  ],
];

/**
 * Inputs are not negative, as after a ReLU. With `ties`, they are rounded to a few levels,
 * so that windows hold ties.
 */
function poolGradient({ xShape, size, strides, pad }: PoolCase, ties = true): tf.Tensor[] {
  const raw = seededValues(
    'pool-x',
    xShape.reduce((a, b) => a * b),
  );
  const x = tf.tensor4d(raw.map(ties ? (v) => Math.max(0, Math.round(v * 3)) : Math.abs), xShape);
  const forward = (input: tf.Tensor) => tf.maxPool(input as tf.Tensor4D, size, strides, pad);
  const mix = tf.tensor(seededValues('pool-mix', forward(x).size), forward(x).shape);
  return [tf.grad((input: tf.Tensor) => tf.sum(tf.mul(forward(input), mix)))(x)];
}

describe('the fast wasm kernels', () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe.each(CONV_CASES)('Conv2DBackpropInput for %s', (_name, convCase) => {
    it('matches the cpu backend for the output and both gradients', async () => {
      const expected = await valuesOn('cpu', () => convGradients(convCase));
      const actual = await valuesOn('wasm', () => convGradients(convCase));
      actual.forEach((values, i) =>
        expect(worstError(values, expected[i]!)).toBeLessThan(TOLERANCE),
      );
    });
  });

  describe.each(POOL_CASES)('MaxPoolGrad for %s', (_name, poolCase) => {
    it('matches the cpu backend, ties included', async () => {
      const expected = await valuesOn('cpu', () => poolGradient(poolCase));
      const actual = await valuesOn('wasm', () => poolGradient(poolCase));
      expect(worstError(actual[0]!, expected[0]!)).toBeLessThan(TOLERANCE);
    });
  });

  describe.each([
    ['every axis but the last', [7, 3, 9], [0, 1], false],
    ['every axis but the last, dimensions kept', [3, 5, 4, 6], [2, 0, 1], true],
    ['a middle axis (tfjs-backend-wasm runs it)', [6, 7, 9], [1], false],
  ] as const)('Sum over %s', (_name, shape, axis, keepDims) => {
    it('matches the cpu backend', async () => {
      const size = shape.reduce((a: number, b: number) => a * b, 1);
      const run = () => [
        tf.sum(tf.tensor(seededValues('sum-x', size), [...shape]), [...axis], keepDims),
      ];
      const [expected] = await valuesOn('cpu', run);
      const [actual] = await valuesOn('wasm', run);
      expect(worstError(actual!, expected!)).toBeLessThan(TOLERANCE);
    });
  });

  describe('Identity', () => {
    it("shares its input's storage, which outlives the input", async () => {
      await tf.setBackend('wasm');
      const x = tf.tensor(seededValues('identity-x', 1000));
      const y = tf.clone(x);
      expect(y.dataId).toBe(x.dataId);
      const expected = Array.from(x.dataSync());
      x.dispose();
      expect(Array.from(y.dataSync())).toEqual(expected);
      y.dispose();
    });
  });

  describe('when switched off and on again', () => {
    afterAll(async () => {
      await initBackend();
    });

    // wasm's own MaxPoolGrad sends a tied window's gradient to its last largest input (the cpu
    // backend and the SDK's to the first), and it drops the gradient of a window whose values
    // are all negative; both are harmless after a ReLU. This comparison avoids both.
    const work = () => [
      ...convGradients(CONV_CASES[3]![1]),
      ...poolGradient(POOL_CASES[0]![1], false),
    ];

    it(
      "runs tfjs-backend-wasm's own kernels, then the SDK's, " + 'with the same gradients',
      async () => {
        await initBackend({ fastKernels: false });
        expect(getKernel('Conv2DBackpropInput', 'wasm')!.kernelFunc).not.toBe(
          conv2DBackpropInputConfig.kernelFunc,
        );
        expect(getKernel('MaxPoolGrad', 'wasm')!.kernelFunc).not.toBe(maxPoolGradConfig.kernelFunc);
        const reference = await valuesOn('wasm', work);
        await initBackend({ fastKernels: true });
        expect(getKernel('Conv2DBackpropInput', 'wasm')!.kernelFunc).toBe(
          conv2DBackpropInputConfig.kernelFunc,
        );
        expect(getKernel('MaxPoolGrad', 'wasm')!.kernelFunc).toBe(maxPoolGradConfig.kernelFunc);
        const fast = await valuesOn('wasm', work);
        fast.forEach((values, i) =>
          expect(worstError(values, reference[i]!)).toBeLessThan(TOLERANCE),
        );
      },
    );
  });
});
