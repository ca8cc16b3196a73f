/**
 * @module The reference recipe as a spec: two Conv1D pairs with max pooling, an LSTM, softmax.
 *
 * Kachuee et al.'s style of beat classifier on 187-sample beats at 125 Hz (the Kaggle format),
 * every layer with Keras's defaults: valid padding, glorotUniform kernels, zero biases.
 */
import type { ModelSpec, ReadonlyModelSpec } from './model-spec';
import { CONV1D_DEFAULTS, LSTM_DEFAULTS, TRAINING_DEFAULTS } from './spec-defaults';

function conv1d(filters: number): ModelSpec['blocks'][number] {
  return { type: 'conv1d', filters, kernelSize: 3, ...CONV1D_DEFAULTS };
}

function maxPooling(): ModelSpec['blocks'][number] {
  return { type: 'pooling', kind: 'max', poolSize: 3, strides: 2, padding: 'valid' };
}

function referenceRecipe(): ModelSpec {
  return {
    input: { length: 187, channels: 1, sampleRateHz: 125 },
    classes: ['normal', 'abnormal'],
    blocks: [
      conv1d(16),
      conv1d(16),
      maxPooling(),
      conv1d(32),
      conv1d(32),
      maxPooling(),
      { type: 'lstm', units: 16, ...LSTM_DEFAULTS },
    ],
    output: { activation: 'softmax' },
    training: { ...TRAINING_DEFAULTS, optimizer: { ...TRAINING_DEFAULTS.optimizer } },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The reference recipe, fully filled in and deeply frozen: Conv1D(16, k3, relu) ×2 →
 * MaxPool(3, stride 2) → Conv1D(32, k3, relu) ×2 → MaxPool(3, stride 2) → LSTM(16) →
 * Dense(2, softmax); Adam at learning rate 0.01, categorical cross-entropy, 50 epochs,
 * batches of 128, 20 % held out for validation, seed 42. Use {@link defaultSpec} for a copy
 * to change, or `mergeSpec(DEFAULT_SPEC, overrides)`.
 */
export const DEFAULT_SPEC: ReadonlyModelSpec = deepFreeze(referenceRecipe());

/** A fresh, mutable copy of {@link DEFAULT_SPEC}. */
export function defaultSpec(): ModelSpec {
  return referenceRecipe();
}
