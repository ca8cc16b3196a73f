import { parseVariation, varySpec } from '../../src/compare/spec-variations';
import { defaultSpec } from '../../src/spec/default-spec';
import { parseSpec } from '../../src/spec/parse-spec';

const kinds = (blocks: { type: string }[]) => blocks.map((block) => block.type);

describe('varySpec', () => {
  const recipe = defaultSpec();

  describe('filters', () => {
    it('sets the first conv and keeps the ratio of the later ones', () => {
      const spec = varySpec(recipe, 'filters', '8');
      const filters = spec.blocks.flatMap((b) => (b.type === 'conv1d' ? [b.filters] : []));
      expect(filters).toEqual([8, 8, 16, 16]);
    });
  });

  describe('activation', () => {
    it('changes every conv block and nothing else', () => {
      const spec = varySpec(recipe, 'activation', 'leakyRelu');
      const activations = spec.blocks.map((b) => (b.type === 'conv1d' ? b.activation : b.type));
      expect(activations).toEqual([
        'leakyRelu',
        'leakyRelu',
        'pooling',
        'leakyRelu',
        'leakyRelu',
        'pooling',
        'lstm',
      ]);
    });
  });

  describe('a windowed pooling kind', () => {
    it('changes every pooling block', () => {
      const spec = varySpec(recipe, 'pooling', 'min');
      expect(
        spec.blocks
          .filter((b) => b.type === 'pooling')
          .map((b) => (b.type === 'pooling' ? b.kind : '')),
      ).toEqual(['min', 'min']);
    });
  });

  describe('a global pooling kind', () => {
    it('replaces the last pooling block and the LSTM after it, and the spec is valid', () => {
      const spec = varySpec(recipe, 'pooling', 'globalAverage');
      expect(kinds(spec.blocks)).toEqual([
        'conv1d',
        'conv1d',
        'pooling',
        'conv1d',
        'conv1d',
        'pooling',
      ]);
      expect(spec.blocks[5]).toEqual({ type: 'pooling', kind: 'globalAverage' });
      expect(() => parseSpec(spec)).not.toThrow();
    });
  });

  describe('lstmUnits', () => {
    it('sets the LSTM width', () => {
      expect(varySpec(recipe, 'lstmUnits', '32').blocks[6]).toMatchObject({
        type: 'lstm',
        units: 32,
      });
    });
  });

  describe('a number knob given a word', () => {
    it('throws naming the knob', () => {
      expect(() => varySpec(recipe, 'kernelSize', 'big')).toThrow(
        '--vary kernelSize: expected whole numbers ≥ 1, received "big".',
      );
    });
  });
});

describe('parseVariation', () => {
  it('splits the knob from its values', () => {
    expect(parseVariation('padding=valid, same')).toEqual({
      knob: 'padding',
      values: ['valid', 'same'],
    });
  });

  it('names the knobs when given another', () => {
    expect(() => parseVariation('dropout=0.1')).toThrow(
      '--vary: expected KNOB=V1,V2,... with KNOB one of filters, kernelSize, activation, ' +
        'padding, pooling, lstmUnits, received "dropout=0.1".',
    );
  });
});
