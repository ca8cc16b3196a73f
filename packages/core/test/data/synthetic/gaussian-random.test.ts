import { createGaussianRandom } from '../../../src/data/synthetic/gaussian-random';
import { createRandom } from '../../../src/util/seeded-random';

describe('createGaussianRandom', () => {
  describe('over 40,000 draws', () => {
    it('has mean 0 and standard deviation 1 (within 0.02)', () => {
      const gaussian = createGaussianRandom(createRandom(7));
      let sum = 0;
      let sumOfSquares = 0;
      const count = 40_000;
      for (let i = 0; i < count; i++) {
        const value = gaussian();
        sum += value;
        sumOfSquares += value * value;
      }
      expect(Math.abs(sum / count)).toBeLessThan(0.02);
      expect(Math.abs(Math.sqrt(sumOfSquares / count) - 1)).toBeLessThan(0.02);
    });
  });

  describe('with the same seed', () => {
    it('gives the same sequence', () => {
      const a = createGaussianRandom(createRandom('s'));
      const b = createGaussianRandom(createRandom('s'));
      const first = Array.from({ length: 5 }, a);
      expect(Array.from({ length: 5 }, b)).toEqual(first);
      expect(new Set(first).size).toBe(5);
    });
  });
});
