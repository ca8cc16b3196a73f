import { SpecError } from '../../src/errors';
import { DEFAULT_SPEC, defaultSpec } from '../../src/spec/default-spec';
import { parseSpec } from '../../src/spec/parse-spec';

/** Spec JSON that a test is free to break in any way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The reference recipe as plain JSON, for a test to break. */
function recipeJson(): Json {
  return JSON.parse(JSON.stringify(DEFAULT_SPEC));
}

/** The SpecError `parseSpec` throws for `value`, or a failure if it throws none. */
function specErrorOf(value: unknown, source?: string): SpecError {
  try {
    parseSpec(value, source === undefined ? {} : { source });
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('parseSpec accepted the spec');
}

/** A minimal spec with the given blocks. */
function withBlocks(...blocks: unknown[]) {
  return { input: { length: 40, channels: 1, sampleRateHz: 125 }, classes: ['a', 'b'], blocks };
}

describe('parseSpec', () => {
  describe('given the reference recipe', () => {
    it('returns it unchanged', () => {
      expect(parseSpec(recipeJson())).toEqual(DEFAULT_SPEC);
    });

    it('does not change its argument', () => {
      const json = recipeJson();
      parseSpec(json);
      expect(json).toEqual(recipeJson());
    });
  });

  describe('given a spec that leaves out optional fields', () => {
    const spec = parseSpec(
      withBlocks(
        { type: 'conv1d', filters: 4, kernelSize: 3 },
        { type: 'conv1d', filters: 4, kernelSize: 3, activation: 'leakyRelu' },
        { type: 'pooling', kind: 'min' },
        { type: 'pooling', kind: 'max', poolSize: 3 },
        { type: 'lstm', units: 8, returnSequences: true },
        { type: 'dense', units: 4 },
        { type: 'batchNormalization' },
        { type: 'leakyRelu' },
        { type: 'pooling', kind: 'globalAverage' },
      ),
    );

    it('fills the conv1d defaults', () => {
      expect(spec.blocks[0]).toEqual({
        type: 'conv1d',
        filters: 4,
        kernelSize: 3,
        strides: 1,
        dilationRate: 1,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: 'glorotUniform',
        useBias: true,
      });
    });

    it('fills alpha 0.3 for a leakyRelu activation only', () => {
      expect(spec.blocks[0]).not.toHaveProperty('alpha');
      expect(spec.blocks[1]).toMatchObject({ activation: 'leakyRelu', alpha: 0.3 });
    });

    it('fills a pooling window of 2, strides equal to poolSize, and valid padding', () => {
      expect(spec.blocks[2]).toEqual({
        type: 'pooling',
        kind: 'min',
        poolSize: 2,
        strides: 2,
        padding: 'valid',
      });
      expect(spec.blocks[3]).toMatchObject({ poolSize: 3, strides: 3 });
    });

    it('leaves global pooling without a window', () => {
      expect(spec.blocks[8]).toEqual({ type: 'pooling', kind: 'globalAverage' });
    });

    it('fills the lstm, dense, batchNormalization and leakyRelu defaults', () => {
      expect(spec.blocks[4]).toEqual({
        type: 'lstm',
        units: 8,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        dropout: 0,
        recurrentDropout: 0,
        returnSequences: true,
        bidirectional: false,
      });
      expect(spec.blocks[5]).toEqual({ type: 'dense', units: 4, activation: 'relu', dropout: 0 });
      expect(spec.blocks[6]).toEqual({
        type: 'batchNormalization',
        momentum: 0.99,
        epsilon: 0.001,
      });
      expect(spec.blocks[7]).toEqual({ type: 'leakyRelu', alpha: 0.3 });
    });

    it('fills the output and the reference training settings', () => {
      expect(spec.output).toEqual({ activation: 'softmax' });
      expect(spec.training).toEqual(defaultSpec().training);
    });
  });

  describe('given an optimizer with only its name and learning rate', () => {
    it.each([
      ['adam', { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
      ['sgd', { momentum: 0, nesterov: false }],
      ['rmsprop', { rho: 0.9, momentum: 0, epsilon: 1e-7 }],
      ['adagrad', { initialAccumulatorValue: 0.1 }],
    ])('fills the Keras defaults of %s', (name, defaults) => {
      const spec = parseSpec({
        ...withBlocks(),
        training: { optimizer: { name, learningRate: 0.5 } },
      });
      expect(spec.training.optimizer).toEqual({ name, learningRate: 0.5, ...defaults });
    });
  });

  describe('given early stopping with only its patience', () => {
    it('watches the validation loss without restoring weights', () => {
      const spec = parseSpec({ ...withBlocks(), training: { earlyStopping: { patience: 3 } } });
      expect(spec.training.earlyStopping).toEqual({
        monitor: 'valLoss',
        patience: 3,
        minDelta: 0,
        restoreBestWeights: false,
      });
    });
  });

  describe('given a malformed field', () => {
    it.each([
      [
        'a value out of range',
        (s: Json) => (s.blocks[2].poolSize = 0),
        'blocks[2].poolSize',
        'blocks[2].poolSize: expected an integer ≥ 1, received 0.',
      ],
      [
        'a fraction where an integer belongs',
        (s: Json) => (s.blocks[0].filters = 1.5),
        'blocks[0].filters',
        'blocks[0].filters: expected an integer ≥ 1, received 1.5.',
      ],
      [
        'a string where a number belongs',
        (s: Json) => (s.blocks[0].filters = '16'),
        'blocks[0].filters',
        "blocks[0].filters: expected an integer ≥ 1, received '16'.",
      ],
      [
        'a missing required field',
        (s: Json) => delete s.blocks[0].kernelSize,
        'blocks[0].kernelSize',
        'blocks[0].kernelSize: expected an integer ≥ 1, but it is missing.',
      ],
      [
        'a value outside an enum',
        (s: Json) => (s.blocks[0].padding = 'full'),
        'blocks[0].padding',
        "blocks[0].padding: expected one of 'valid', 'same' or 'causal', received 'full'.",
      ],
      [
        'an unknown block type',
        (s: Json) => (s.blocks[1].type = 'conv2d'),
        'blocks[1].type',
        "blocks[1].type: expected one of 'conv1d', 'pooling', 'lstm', 'dense', " +
          "'batchNormalization', 'dropout' or 'leakyRelu', received 'conv2d'.",
      ],
      [
        'a block that is not an object',
        (s: Json) => (s.blocks[1] = 3),
        'blocks[1]',
        'blocks[1]: expected a block object, received 3.',
      ],
      [
        'an unknown optimizer',
        (s: Json) => (s.training.optimizer = { name: 'adamw', learningRate: 0.01 }),
        'training.optimizer.name',
        "training.optimizer.name: expected one of 'adam', 'sgd', 'rmsprop' or 'adagrad', " +
          "received 'adamw'.",
      ],
      [
        'a learning rate of zero',
        (s: Json) => (s.training.optimizer.learningRate = 0),
        'training.optimizer.learningRate',
        'training.optimizer.learningRate: expected a number > 0, received 0.',
      ],
      [
        'a validation split of 1',
        (s: Json) => (s.training.validationSplit = 1),
        'training.validationSplit',
        'training.validationSplit: expected a number ≥ 0 and < 1, received 1.',
      ],
      [
        'a single class',
        (s: Json) => (s.classes = ['normal']),
        'classes',
        'classes: expected a list of at least 2 class names, received a list of 1.',
      ],
      [
        'an empty class name',
        (s: Json) => (s.classes[1] = ''),
        'classes[1]',
        "classes[1]: expected a non-empty string, received ''.",
      ],
      [
        'blocks that are not a list',
        (s: Json) => (s.blocks = {}),
        'blocks',
        'blocks: expected a list of blocks, received an object.',
      ],
      [
        'an unsupported loss',
        (s: Json) => (s.training.loss = 'meanSquaredError'),
        'training.loss',
        "training.loss: expected 'categoricalCrossentropy', received 'meanSquaredError'.",
      ],
      [
        'a non-boolean flag',
        (s: Json) => (s.blocks[6].bidirectional = 'yes'),
        'blocks[6].bidirectional',
        "blocks[6].bidirectional: expected true or false, received 'yes'.",
      ],
    ])('rejects %s', (_condition, breakIt, path, message) => {
      const json = recipeJson();
      breakIt(json);
      const error = specErrorOf(json);
      expect(error.path).toBe(path);
      expect(error.message).toBe(message);
      expect(error.code).toBe('SPEC_INVALID');
    });
  });

  describe('given an unknown key', () => {
    it('names the key and lists the keys the block takes', () => {
      const json = recipeJson();
      json.blocks[0].kernal = 3;
      const error = specErrorOf(json);
      expect(error.path).toBe('blocks[0]');
      expect(error.message).toBe(
        "blocks[0]: unknown key 'kernal'; a conv1d block takes 'type', 'filters', 'kernelSize', " +
          "'strides', 'dilationRate', 'padding', 'activation', 'alpha', 'kernelInitializer' or " +
          "'useBias'.",
      );
    });

    it('names several unknown keys of the spec itself', () => {
      const error = specErrorOf({ ...recipeJson(), model: 1, epochs: 5 });
      expect(error.path).toBe('spec');
      expect(error.message).toBe(
        "spec: unknown keys 'model' and 'epochs'; a model spec object takes 'input', 'classes', " +
          "'blocks', 'output' or 'training'.",
      );
    });

    it('rejects an option of another optimizer', () => {
      const json = recipeJson();
      json.training.optimizer.momentum = 0.9;
      expect(specErrorOf(json).message).toBe(
        "training.optimizer: unknown key 'momentum'; the adam optimizer takes 'name', " +
          "'learningRate', 'beta1', 'beta2' or 'epsilon'.",
      );
    });
  });

  describe('given several malformed fields', () => {
    it('reports each on its own line, the path of the first', () => {
      const json = recipeJson();
      json.input.length = -1;
      json.training.epochs = 0;
      const error = specErrorOf(json);
      expect(error.path).toBe('input.length');
      expect(error.message).toBe(
        'input.length: expected an integer ≥ 1, received -1.\n' +
          'training.epochs: expected an integer ≥ 1, received 0.',
      );
    });
  });

  describe('given a source', () => {
    it('starts every line with it', () => {
      const json = recipeJson();
      json.blocks[2].poolSize = 0;
      json.training.batchSize = 0;
      expect(specErrorOf(json, 'model.json').message).toBe(
        'model.json: blocks[2].poolSize: expected an integer ≥ 1, received 0.\n' +
          'model.json: training.batchSize: expected an integer ≥ 1, received 0.',
      );
    });

    it('starts a shape error with it', () => {
      const json = recipeJson();
      json.blocks[0].kernelSize = 200;
      expect(specErrorOf(json, 'model.json').message).toMatch(
        /^model\.json: blocks\[0\] \(conv1d\)/,
      );
    });
  });

  describe('given something that is not an object', () => {
    it('says that a spec object is expected', () => {
      expect(specErrorOf('conv1d').message).toBe(
        "spec: expected a model spec object, received 'conv1d'.",
      );
    });
  });

  describe('given a spec whose shapes cannot work', () => {
    it('throws the shape error', () => {
      const error = specErrorOf(withBlocks({ type: 'conv1d', filters: 2, kernelSize: 41 }));
      expect(error.path).toBe('blocks[0]');
      expect(error.message).toBe(
        'blocks[0] (conv1d): kernel of 41 samples (dilation 1 → span 41) does not fit the ' +
          "40-sample input; use padding 'same' or a smaller kernelSize.",
      );
    });
  });
});
