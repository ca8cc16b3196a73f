import { SpecError } from '../../src/errors';
import { DEFAULT_SPEC, defaultSpec } from '../../src/spec/default-spec';
import { mergeSpec } from '../../src/spec/merge-spec';

describe('DEFAULT_SPEC', () => {
  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_SPEC)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SPEC.blocks[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SPEC.training.optimizer)).toBe(true);
  });

  it('has a mutable twin in defaultSpec()', () => {
    const copy = defaultSpec();
    copy.training.epochs = 1;
    expect(copy).not.toEqual(DEFAULT_SPEC);
    expect(defaultSpec()).toEqual(DEFAULT_SPEC);
  });
});

describe('mergeSpec', () => {
  describe('given an override of one nested field', () => {
    it('changes that field and keeps the rest', () => {
      const merged = mergeSpec(DEFAULT_SPEC, { training: { epochs: 5 } });
      expect(merged).toEqual({
        ...defaultSpec(),
        training: { ...defaultSpec().training, epochs: 5 },
      });
    });

    it('keeps the base value for an undefined override, as for an absent CLI flag', () => {
      const merged = mergeSpec(DEFAULT_SPEC, { training: { epochs: undefined, batchSize: 32 } });
      expect(merged.training).toMatchObject({ epochs: 50, batchSize: 32 });
    });
  });

  describe('given a list', () => {
    it('replaces the list whole', () => {
      const merged = mergeSpec(DEFAULT_SPEC, {
        classes: ['N', 'S', 'V'],
        blocks: [{ type: 'pooling', kind: 'globalMax' }],
      });
      expect(merged.classes).toEqual(['N', 'S', 'V']);
      expect(merged.blocks).toEqual([{ type: 'pooling', kind: 'globalMax' }]);
    });
  });

  describe('given another optimizer', () => {
    it('replaces the optimizer instead of mixing the settings of both', () => {
      const merged = mergeSpec(DEFAULT_SPEC, {
        training: { optimizer: { name: 'sgd', learningRate: 0.1 } },
      });
      expect(merged.training.optimizer).toEqual({
        name: 'sgd',
        learningRate: 0.1,
        momentum: 0,
        nesterov: false,
      });
    });

    it('merges into the same optimizer', () => {
      const merged = mergeSpec(DEFAULT_SPEC, { training: { optimizer: { learningRate: 0.001 } } });
      expect(merged.training.optimizer).toMatchObject({ name: 'adam', learningRate: 0.001 });
    });
  });

  describe('given an invalid override', () => {
    it('throws the SpecError of the merged spec', () => {
      const merge = () =>
        mergeSpec(DEFAULT_SPEC, { training: { epochs: 0 } }, { source: '--epochs' });
      expect(merge).toThrow(SpecError);
      expect(merge).toThrow(/^--epochs: training\.epochs: expected an integer ≥ 1, received 0\.$/);
    });
  });

  it('leaves its arguments unchanged', () => {
    const base = defaultSpec();
    const overrides = { training: { epochs: 3 } };
    mergeSpec(base, overrides);
    expect(base).toEqual(DEFAULT_SPEC);
    expect(overrides).toEqual({ training: { epochs: 3 } });
  });
});
