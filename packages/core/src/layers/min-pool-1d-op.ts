/**
 * @module Min pooling over the time axis as a tensor op, −maxPool(−x), with its own gradient.
 *
 * The forward pass is tfjs's max pooling. The gradient is not: tfjs-backend-wasm 4.22's
 * MaxPoolGrad kernel loses or misplaces the gradient of every window whose maximum is ≤ 0,
 * which for −x is every window of non-negative inputs (anything after a ReLU). So the
 * gradient is written with pad, slice and reshape, routing each window's gradient to its
 * first minimum, as tfjs's reference cpu kernel does.
 * TODO(#2): use the plain max pooling gradient once the wasm MaxPoolGrad kernel is fixed.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The window of a 1-D pooling: sizes in samples. */
export interface PoolWindow {
  poolSize: number;
  strides: number;
  padding: 'valid' | 'same';
}

/** Steps of the pooled sequence, and the samples padded before it ('same' splits like tfjs). */
export function pooledLayout(steps: number, window: PoolWindow) {
  const { poolSize, strides, padding } = window;
  if (padding === 'valid') {
    return { outSteps: Math.floor((steps - poolSize) / strides) + 1, before: 0, after: 0 };
  }
  const outSteps = Math.ceil(steps / strides);
  const total = Math.max((outSteps - 1) * strides + poolSize - steps, 0);
  const before = Math.floor(total / 2);
  return { outSteps, before, after: total - before };
}

/** No padding on an axis. */
const NO_PADDING: [number, number] = [0, 0];

/** `x` with `before` and `after` samples of `value` added around its time axis. */
function padSteps(x: tf.Tensor3D, before: number, after: number, value = 0): tf.Tensor3D {
  return tf.pad(x, [NO_PADDING, [before, after], NO_PADDING], value);
}

/** Every `strides`-th step of `x` from `first`, `count` of them: `x[:, first + t·strides, :]`. */
function takeEvery(x: tf.Tensor3D, first: number, count: number, strides: number): tf.Tensor3D {
  const [batch, , channels] = x.shape;
  const span = (count - 1) * strides + 1;
  const run = tf.slice(x, [0, first, 0], [batch, span, channels]);
  if (strides === 1) return run;
  const whole = padSteps(run, 0, count * strides - span);
  const grouped = tf.reshape(whole, [batch, count, strides, channels]);
  const firsts = tf.slice(grouped, [0, 0, 0, 0], [batch, count, 1, channels]);
  return tf.reshape(firsts, [batch, count, channels]);
}

/** The inverse of {@link takeEvery}: `values` placed at `first + t·strides` of `steps` zeros. */
function placeEvery(values: tf.Tensor3D, first: number, steps: number, strides: number) {
  const [batch, count, channels] = values.shape;
  const gapAfterEach: Array<[number, number]> = [
    NO_PADDING,
    NO_PADDING,
    [0, strides - 1],
    NO_PADDING,
  ];
  const gaps = tf.pad(tf.expandDims(values, 2), gapAfterEach);
  const spaced = tf.reshape<tf.Rank.R3>(gaps, [batch, count * strides, channels]);
  const kept = Math.min(count * strides, steps - first);
  const cut = tf.slice(spaced, [0, 0, 0], [batch, kept, channels]);
  return padSteps(cut, first, steps - first - kept);
}

/** d(min pooling)/dx: each window's `dy` goes to the first sample equal to its minimum. */
function minPoolGradient(x: tf.Tensor3D, y: tf.Tensor3D, dy: tf.Tensor3D, window: PoolWindow) {
  const [batch, steps, channels] = x.shape;
  const { outSteps, before, after } = pooledLayout(steps, window);
  const padded = padSteps(x, before, after, Number.POSITIVE_INFINITY);
  const length = steps + before + after;
  let unclaimed = tf.cast(tf.onesLike(y), 'bool');
  let dxPadded: tf.Tensor3D = tf.zeros([batch, length, channels]);
  for (let offset = 0; offset < window.poolSize; offset++) {
    const candidates = takeEvery(padded, offset, outSteps, window.strides);
    const claims = tf.logicalAnd(tf.equal(candidates, y), unclaimed);
    unclaimed = tf.logicalAnd(unclaimed, tf.logicalNot(claims));
    const share: tf.Tensor3D = tf.mul(dy, tf.cast(claims, 'float32'));
    dxPadded = tf.add(dxPadded, placeEvery(share, offset, length, window.strides));
  }
  return tf.slice(dxPadded, [0, before, 0], [batch, steps, channels]);
}

/**
 * Min pooling of `x` (`[batch, steps, channels]`) over windows of `poolSize` samples every
 * `strides` samples; 'same' padding ignores the padded positions.
 */
export function minPool1d(x: tf.Tensor3D, window: PoolWindow): tf.Tensor3D {
  const pool = tf.customGrad<tf.Tensor3D>((input, save) => {
    const x3 = input as tf.Tensor3D;
    const image = tf.expandDims<tf.Tensor4D>(tf.neg(x3), 2);
    const pooled = tf.maxPool(image, [window.poolSize, 1], [window.strides, 1], window.padding);
    const value = tf.neg(tf.squeeze<tf.Tensor3D>(pooled, [2]));
    (save as tf.GradSaveFunc)([x3, value]);
    const gradFunc = (dy: tf.Tensor3D, saved: tf.Tensor[]) =>
      minPoolGradient(saved[0] as tf.Tensor3D, saved[1] as tf.Tensor3D, dy, window);
    return { value, gradFunc };
  });
  return pool(x);
}
