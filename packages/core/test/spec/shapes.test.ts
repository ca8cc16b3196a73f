import { SpecError } from '../../src/errors';
import { DEFAULT_SPEC, defaultSpec } from '../../src/spec/default-spec';
import { parseSpec } from '../../src/spec/parse-spec';
import { computeShapes, totalParamCount } from '../../src/spec/shapes';

/** A spec of 20-sample, 2-channel beats with the given blocks (not yet parsed). */
function specJson(blocks: unknown[], length = 20) {
  return { input: { length, channels: 2, sampleRateHz: 125 }, classes: ['a', 'b', 'c'], blocks };
}

/** `[inputShape, outputShape]` of the first block of a one-block spec. */
function shapesOfBlock(block: Record<string, unknown>) {
  const [first] = computeShapes(parseSpec(specJson([block])));
  return [first!.inputShape, first!.outputShape];
}

/** The SpecError of the spec made of `blocks`. */
function shapeErrorOf(blocks: unknown[], length = 20): SpecError {
  try {
    computeShapes(parseSpec(specJson(blocks, length)));
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('the shapes worked');
}

const conv = (extra: Record<string, unknown>) => ({ type: 'conv1d', filters: 4, ...extra });

describe('computeShapes', () => {
  describe('given the reference recipe', () => {
    it('follows 187 samples down to 43 steps, 16 LSTM features and 2 classes', () => {
      const shapes = computeShapes(DEFAULT_SPEC);
      expect(shapes.map((s) => [s.path, s.kind, s.inputShape, s.outputShape])).toEqual([
        ['blocks[0]', 'conv1d', [187, 1], [185, 16]],
        ['blocks[1]', 'conv1d', [185, 16], [183, 16]],
        ['blocks[2]', 'pooling', [183, 16], [91, 16]], // ⌊(183 − 3) / 2⌋ + 1
        ['blocks[3]', 'conv1d', [91, 16], [89, 32]],
        ['blocks[4]', 'conv1d', [89, 32], [87, 32]],
        ['blocks[5]', 'pooling', [87, 32], [43, 32]], // ⌊(87 − 3) / 2⌋ + 1
        ['blocks[6]', 'lstm', [43, 32], [16]],
        ['output', 'output', [16], [2]],
      ]);
    });

    it('counts 8,690 parameters', () => {
      // conv 3·1·16+16 = 64, conv 3·16·16+16 = 784, conv 3·16·32+32 = 1568,
      // conv 3·32·32+32 = 3104, lstm 4·(16·(32+16)+16) = 3136, output 16·2+2 = 34.
      const shapes = computeShapes(DEFAULT_SPEC);
      expect(shapes.map((s) => s.paramCount)).toEqual([64, 784, 0, 1568, 3104, 0, 3136, 34]);
      expect(totalParamCount(shapes)).toBe(8690);
    });

    it('names the layers each block builds into', () => {
      expect(computeShapes(defaultSpec()).map((s) => s.layerNames)).toEqual([
        ['block0_conv1d'],
        ['block1_conv1d'],
        ['block2_pooling'],
        ['block3_conv1d'],
        ['block4_conv1d'],
        ['block5_pooling'],
        ['block6_lstm'],
        ['output'],
      ]);
    });
  });

  describe('given a conv1d block on 20 samples', () => {
    it.each([
      ['valid', { kernelSize: 3 }, 18],
      ['same', { kernelSize: 3, padding: 'same' }, 20],
      ['causal', { kernelSize: 3, padding: 'causal' }, 20],
      ['valid, strides 2', { kernelSize: 3, strides: 2 }, 9], // ⌊17 / 2⌋ + 1
      ['valid, strides 3, kernel 5', { kernelSize: 5, strides: 3 }, 6], // ⌊15 / 3⌋ + 1
      ['same, strides 3', { kernelSize: 4, padding: 'same', strides: 3 }, 7], // ⌈20 / 3⌉
      ['causal, strides 2', { kernelSize: 3, padding: 'causal', strides: 2 }, 10],
      ['valid, dilation 2', { kernelSize: 3, dilationRate: 2 }, 16], // span 5
      ['same, dilation 4', { kernelSize: 3, padding: 'same', dilationRate: 4 }, 20],
      ['causal, dilation 3', { kernelSize: 3, padding: 'causal', dilationRate: 3 }, 20],
    ])("gives Keras's output length with %s", (_name, options, length) => {
      expect(shapesOfBlock(conv(options))).toEqual([
        [20, 2],
        [length, 4],
      ]);
    });

    it('names the causal padding and LeakyReLU layers it adds', () => {
      const block = conv({ kernelSize: 3, padding: 'causal', activation: 'leakyRelu' });
      const [first] = computeShapes(parseSpec(specJson([block])));
      expect(first!.layerNames).toEqual([
        'block0_causalPadding',
        'block0_conv1d',
        'block0_leakyRelu',
      ]);
    });

    it('counts no bias without useBias', () => {
      const [first] = computeShapes(parseSpec(specJson([conv({ kernelSize: 3, useBias: false })])));
      expect(first!.paramCount).toBe(3 * 2 * 4);
    });
  });

  describe('given a pooling block on 20 samples', () => {
    it.each([
      ['max, default window', { kind: 'max' }, [10, 2]],
      ['average 3, strides 2', { kind: 'average', poolSize: 3, strides: 2 }, [9, 2]],
      ['min 3, same', { kind: 'min', poolSize: 3, padding: 'same' }, [7, 2]], // ⌈20 / 3⌉
      ['max 4, strides 1', { kind: 'max', poolSize: 4, strides: 1 }, [17, 2]],
      [
        'average 3, strides 2, same',
        { kind: 'average', poolSize: 3, strides: 2, padding: 'same' },
        [10, 2],
      ],
      ['globalMax', { kind: 'globalMax' }, [2]],
      ['globalAverage', { kind: 'globalAverage' }, [2]],
    ])("gives Keras's output shape for %s", (_name, options, shape) => {
      expect(shapesOfBlock({ type: 'pooling', ...options })).toEqual([[20, 2], shape]);
    });
  });

  describe('given lstm blocks', () => {
    it.each([
      ['the last step', {}, [8]],
      ['every step', { returnSequences: true }, [20, 8]],
      ['the last step of both directions', { bidirectional: true }, [16]],
      ['every step of both directions', { bidirectional: true, returnSequences: true }, [20, 16]],
    ])('returns %s', (_name, options, shape) => {
      expect(shapesOfBlock({ type: 'lstm', units: 8, ...options })).toEqual([[20, 2], shape]);
    });

    it('stacks, and doubles the weights of a bidirectional one', () => {
      const shapes = computeShapes(
        parseSpec(
          specJson([
            { type: 'lstm', units: 8, returnSequences: true, bidirectional: true },
            { type: 'lstm', units: 4 },
          ]),
        ),
      );
      expect(shapes.map((s) => [s.inputShape, s.outputShape, s.paramCount])).toEqual([
        [[20, 2], [20, 16], 2 * 4 * (8 * (2 + 8) + 8)],
        [[20, 16], [4], 4 * (4 * (16 + 4) + 4)],
        [[4], [3], 4 * 3 + 3],
      ]);
    });
  });

  describe('given a last block that leaves a sequence', () => {
    it('applies dense to each step and reports the flatten before the output', () => {
      const shapes = computeShapes(
        parseSpec(
          specJson([{ type: 'dense', units: 5, dropout: 0.5 }, { type: 'batchNormalization' }]),
        ),
      );
      expect(
        shapes.map((s) => [s.kind, s.layerNames, s.inputShape, s.outputShape, s.paramCount]),
      ).toEqual([
        ['dense', ['block0_dense', 'block0_dropout'], [20, 2], [20, 5], 2 * 5 + 5],
        ['batchNormalization', ['block1_batchNormalization'], [20, 5], [20, 5], 4 * 5],
        ['flatten', ['flatten'], [20, 5], [100], 0],
        ['output', ['output'], [100], [3], 100 * 3 + 3],
      ]);
    });
  });

  describe('given no blocks', () => {
    it('flattens the input into the output layer', () => {
      const shapes = computeShapes(parseSpec(specJson([])));
      expect(shapes.map((s) => [s.kind, s.outputShape])).toEqual([
        ['flatten', [40]],
        ['output', [3]],
      ]);
    });
  });

  describe('given a spec whose shapes cannot work', () => {
    it('rejects a kernel longer than what pooling leaves', () => {
      const error = shapeErrorOf(
        [
          conv({ kernelSize: 3 }), // 32 → 30
          { type: 'pooling', kind: 'max' }, // → 15
          conv({ kernelSize: 2 }), // → 14
          { type: 'batchNormalization' },
          { type: 'pooling', kind: 'max' }, // → 7
          conv({ kernelSize: 9 }),
        ],
        32,
      );
      expect(error.path).toBe('blocks[5]');
      expect(error.message).toBe(
        'blocks[5] (conv1d): kernel of 9 samples (dilation 1 → span 9) does not fit the ' +
          "7-sample sequence left by blocks[4] (pooling); use padding 'same', a smaller " +
          'kernelSize, or less pooling.',
      );
    });

    it('rejects a dilated kernel whose span exceeds the input', () => {
      expect(shapeErrorOf([conv({ kernelSize: 4, dilationRate: 7 })]).message).toBe(
        'blocks[0] (conv1d): kernel of 4 samples (dilation 7 → span 22) does not fit the ' +
          "20-sample input; use padding 'same' or a smaller kernelSize.",
      );
    });

    it('rejects a pooling window longer than its sequence', () => {
      const error = shapeErrorOf([
        conv({ kernelSize: 17 }),
        { type: 'pooling', kind: 'min', poolSize: 5 },
      ]);
      expect(error.path).toBe('blocks[1]');
      expect(error.message).toBe(
        'blocks[1] (pooling): window of 5 samples does not fit the 4-sample sequence left by ' +
          "blocks[0] (conv1d); use padding 'same', a smaller poolSize, or less pooling before it.",
      );
    });

    it('rejects a conv1d after an lstm without returnSequences', () => {
      const error = shapeErrorOf([
        { type: 'lstm', units: 8 },
        { type: 'dropout', rate: 0.1 },
        conv({ kernelSize: 3 }),
      ]);
      expect(error.path).toBe('blocks[2]');
      expect(error.message).toBe(
        'blocks[2] (conv1d): needs a sequence [length, channels], but receives features [8]: ' +
          'blocks[0] (lstm) removed the time axis; set returnSequences: true on blocks[0], or ' +
          'move blocks[2] before blocks[0].',
      );
    });

    it('rejects an lstm after global pooling', () => {
      const error = shapeErrorOf([
        { type: 'pooling', kind: 'globalAverage' },
        { type: 'lstm', units: 4 },
      ]);
      expect(error.message).toBe(
        'blocks[1] (lstm): needs a sequence [length, channels], but receives features [2]: ' +
          "blocks[0] (pooling) removed the time axis; use pooling kind 'max' or 'average' in " +
          'blocks[0], or move blocks[1] before blocks[0].',
      );
    });

    it('rejects pooling after global pooling and a dense block', () => {
      const error = shapeErrorOf([
        { type: 'pooling', kind: 'globalMax' },
        { type: 'dense', units: 6 },
        { type: 'pooling', kind: 'max' },
      ]);
      expect(error.message).toBe(
        'blocks[2] (pooling): needs a sequence [length, channels], but receives features [6]: ' +
          "blocks[0] (pooling) removed the time axis; use pooling kind 'max' or 'average' in " +
          'blocks[0], or move blocks[2] before blocks[0].',
      );
    });

    it('checks the cross-field rules of a spec that was not parsed', () => {
      const spec = defaultSpec();
      spec.training.classWeights = [1];
      expect(() => computeShapes(spec)).toThrow(
        "training.classWeights: expected one weight per class (2: 'normal' and 'abnormal'), " +
          'received a list of 1.',
      );
    });
  });
});
