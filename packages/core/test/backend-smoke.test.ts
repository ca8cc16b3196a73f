import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../src/backend/init-backend';

describe('initBackend', () => {
  it('starts wasm and trains a Conv1D + LSTM model', async () => {
    const info = await initBackend();
    expect(info.backend).toBe('wasm');
    expect(info.wasmBinary).toBe('simd');
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv1d({ inputShape: [187, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
        tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 }),
        tfl.layers.lstm({ units: 16 }),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([32, 187, 1]);
    const y = tf.oneHot(tf.randomUniform([32], 0, 2, 'int32'), 2);
    const history = await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    expect(history.history.loss).toHaveLength(1);
  });
});
