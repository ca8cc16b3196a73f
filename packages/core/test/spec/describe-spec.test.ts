import { DEFAULT_SPEC } from '../../src/spec/default-spec';
import { describeSpec } from '../../src/spec/describe-spec';
import { parseSpec } from '../../src/spec/parse-spec';

describe('describeSpec', () => {
  describe('given the reference recipe', () => {
    it('prints one line per layer with shapes and parameters, then the total', () => {
      expect(describeSpec(DEFAULT_SPEC).split('\n')).toEqual([
        'input      187 samples × 1 channel at 125 Hz',
        'blocks[0]  conv1d 16 filters × 3, relu             [187, 1] → [185, 16]    64 params',
        'blocks[1]  conv1d 16 filters × 3, relu             [185, 16] → [183, 16]   784 params',
        'blocks[2]  max pooling 3, strides 2                [183, 16] → [91, 16]    0 params',
        'blocks[3]  conv1d 32 filters × 3, relu             [91, 16] → [89, 32]     1568 params',
        'blocks[4]  conv1d 32 filters × 3, relu             [89, 32] → [87, 32]     3104 params',
        'blocks[5]  max pooling 3, strides 2                [87, 32] → [43, 32]     0 params',
        'blocks[6]  lstm 16 units                           [43, 32] → [16]         3136 params',
        'output     dense 2 units, softmax                  [16] → [2]              34 params',
        'total      8690 params',
      ]);
    });
  });

  describe('given options that differ from the defaults', () => {
    it('mentions them, and the flatten', () => {
      const spec = parseSpec({
        input: { length: 30, channels: 2, sampleRateHz: 360 },
        classes: ['N', 'V'],
        blocks: [
          {
            type: 'conv1d',
            filters: 4,
            kernelSize: 5,
            padding: 'causal',
            dilationRate: 2,
            activation: 'leakyRelu',
          },
          { type: 'pooling', kind: 'min', padding: 'same', poolSize: 4 },
          { type: 'lstm', units: 3, bidirectional: true, returnSequences: true, dropout: 0.1 },
          { type: 'dense', units: 2, dropout: 0.5 },
          { type: 'dropout', rate: 0.25 },
          { type: 'leakyRelu' },
        ],
      });
      // conv 5·2·4+4 = 44; lstm 2·4·(3·(4+3)+3) = 192; dense 6·2+2 = 14; causal keeps 30
      // samples, min pooling 'same' leaves ⌈30 / 4⌉ = 8, flatten 8·2 = 16, output 16·2+2 = 34.
      expect(describeSpec(spec).split('\n')).toEqual([
        'input      30 samples × 2 channels at 360 Hz',
        'blocks[0]  conv1d 4 filters × 5, leakyRelu, alpha 0.3, dilation 2, padding causal  ' +
          '[30, 2] → [30, 4]       44 params',
        'blocks[1]  min pooling 4, strides 4, padding same  [30, 4] → [8, 4]        0 params',
        'blocks[2]  bidirectional lstm 3 units, returnSequences, dropout 0.1  ' +
          '[8, 4] → [8, 6]         192 params',
        'blocks[3]  dense 2 units, relu, dropout 0.5        [8, 6] → [8, 2]         14 params',
        'blocks[4]  dropout 0.25                            [8, 2] → [8, 2]         0 params',
        'blocks[5]  leakyRelu, alpha 0.3                    [8, 2] → [8, 2]         0 params',
        'output     flatten                                 [8, 2] → [16]           0 params',
        'output     dense 2 units, softmax                  [16] → [2]              34 params',
        'total      284 params',
      ]);
    });
  });
});
