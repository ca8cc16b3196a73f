import { SpecError } from '../../src/errors';
import { parseSpec } from '../../src/spec/parse-spec';

/** A minimal spec with the given blocks and training settings. */
function specWith(blocks: unknown[], training: Record<string, unknown> = {}, classes = ['a', 'b']) {
  return { input: { length: 40, channels: 1, sampleRateHz: 125 }, classes, blocks, training };
}

function specErrorOf(value: unknown): SpecError {
  try {
    parseSpec(value);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('parseSpec accepted the spec');
}

describe('the cross-field rules of a spec', () => {
  describe('when a class name repeats', () => {
    it('names the repeat and the first occurrence', () => {
      const error = specErrorOf(specWith([], {}, ['normal', 'abnormal', 'normal']));
      expect(error.path).toBe('classes[2]');
      expect(error.message).toBe(
        "classes[2]: 'normal' is already classes[0]; class names must be unique.",
      );
    });
  });

  describe('when alpha is given without the leakyRelu activation', () => {
    it.each(['conv1d', 'dense'])('rejects it on a %s block', (type) => {
      const block =
        type === 'conv1d'
          ? { type, filters: 2, kernelSize: 3, alpha: 0.1 }
          : { type, units: 2, activation: 'elu', alpha: 0.1 };
      const activation = type === 'conv1d' ? 'relu' : 'elu';
      const error = specErrorOf(specWith([block]));
      expect(error.path).toBe('blocks[0].alpha');
      expect(error.message).toBe(
        "blocks[0].alpha: alpha applies only to activation 'leakyRelu', received it with " +
          `activation '${activation}'; remove alpha or set activation to 'leakyRelu'.`,
      );
    });
  });

  describe('when a global pooling block has a window', () => {
    it.each([
      ['poolSize', 3, '3'],
      ['strides', 2, '2'],
      ['padding', 'same', "'same'"],
    ])('rejects %s', (key, value, shown) => {
      const block = { type: 'pooling', kind: 'globalMax', [key]: value };
      const error = specErrorOf(specWith([block]));
      expect(error.path).toBe(`blocks[0].${key}`);
      expect(error.message).toBe(
        `blocks[0].${key}: globalMax pooling has no window, received ${key} ${shown}; ` +
          `remove ${key}.`,
      );
    });
  });

  describe('when a conv1d block has both strides and dilation', () => {
    it('rejects it, as tfjs would', () => {
      const block = { type: 'conv1d', filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 };
      const error = specErrorOf(specWith([block]));
      expect(error.path).toBe('blocks[0].dilationRate');
      expect(error.message).toBe(
        'blocks[0].dilationRate: tfjs cannot combine strides > 1 with dilationRate > 1, ' +
          'received strides 2 and dilationRate 2; set one of them to 1.',
      );
    });
  });

  describe('when classWeights has the wrong length', () => {
    it('says how many weights are expected', () => {
      const error = specErrorOf(specWith([], { classWeights: [1, 2, 3] }));
      expect(error.path).toBe('training.classWeights');
      expect(error.message).toBe(
        "training.classWeights: expected one weight per class (2: 'a' and 'b'), " +
          'received a list of 3.',
      );
    });

    it('accepts one weight per class', () => {
      expect(parseSpec(specWith([], { classWeights: [1, 4] })).training.classWeights).toEqual([
        1, 4,
      ]);
    });
  });

  describe('when early stopping watches a validation metric without a validation split', () => {
    it('asks for a split or a training metric', () => {
      const training = {
        validationSplit: 0,
        earlyStopping: { monitor: 'valAccuracy', patience: 2 },
      };
      const error = specErrorOf(specWith([], training));
      expect(error.path).toBe('training.earlyStopping.monitor');
      expect(error.message).toBe(
        "training.earlyStopping.monitor: 'valAccuracy' needs validation beats, but " +
          "training.validationSplit is 0; monitor 'loss' or set validationSplit above 0.",
      );
    });

    it('accepts a training metric', () => {
      const training = { validationSplit: 0, earlyStopping: { monitor: 'loss', patience: 2 } };
      expect(parseSpec(specWith([], training)).training.earlyStopping?.monitor).toBe('loss');
    });
  });
});
