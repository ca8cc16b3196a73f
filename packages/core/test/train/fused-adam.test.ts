/** The fused Adam takes the same steps as tfjs's AdamOptimizer, to float32 rounding. */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../src/backend/init-backend';
import { createFusedAdam, FusedAdam } from '../../src/train/fused-adam';
import { seededValues, worstError } from '../backend/helpers/parity';

/** Absolute plus relative tolerance after 6 steps (about 1e-8 seen). */
const TOLERANCE = 1e-6;
const SETTINGS = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
/** Sizes with and without a remainder of the kernel's four lanes. */
const SHAPES = [[3, 4, 5], [7], [2, 9]];

function trainedValues(optimizer: tf.Optimizer, prefix: string): Float32Array[] {
  const variables = tf.tidy(() =>
    SHAPES.map((shape, index) =>
      tf.variable(
        tf.tensor(seededValues(`start-${index}`, tf.util.sizeFromShape(shape)), shape),
        true,
        `${prefix}-${index}`,
      ),
    ),
  );
  for (let step = 0; step < 6; step++) {
    const gradients = variables.map((variable, index) => ({
      name: variable.name,
      tensor: tf.tensor(seededValues(`grad-${step}-${index}`, variable.size), variable.shape),
    }));
    optimizer.applyGradients(gradients);
    tf.dispose(gradients.map((gradient) => gradient.tensor));
  }
  const values = variables.map((variable) => variable.dataSync() as Float32Array);
  tf.dispose(variables);
  optimizer.dispose();
  return values;
}

describe('FusedAdam', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it("matches tfjs's Adam over six steps", () => {
    const { learningRate, beta1, beta2, epsilon } = SETTINGS;
    const expected = trainedValues(tf.train.adam(learningRate, beta1, beta2, epsilon), 'tfjs');
    const fused = createFusedAdam(SETTINGS);
    expect(fused).toBeInstanceOf(FusedAdam);
    const actual = trainedValues(fused!, 'fused');
    actual.forEach((values, index) =>
      expect(worstError(values, expected[index]!)).toBeLessThan(TOLERANCE),
    );
  });

  it('leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    trainedValues(createFusedAdam(SETTINGS)!, 'leak');
    expect(tf.memory().numTensors).toBe(before);
  });
});
