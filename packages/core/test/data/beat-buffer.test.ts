import { BeatBuffer } from '../../src/data/beat-buffer';

function append(buffer: BeatBuffer, values: number[], label: number): void {
  const offset = buffer.beatOffset();
  values.forEach((value, index) => (buffer.samples[offset + index] = value));
  buffer.commit(label);
}

describe('BeatBuffer', () => {
  describe('with more beats than its initial capacity', () => {
    it('grows and keeps every beat in order', () => {
      const buffer = new BeatBuffer(2, 1);
      for (let beat = 0; beat < 5; beat++) append(buffer, [beat / 10, beat / 20], beat % 3);
      const { samples, labels } = buffer.toArrays();
      expect(Array.from(samples)).toEqual(
        Array.from(new Float32Array([0, 0, 0.1, 0.05, 0.2, 0.1, 0.3, 0.15, 0.4, 0.2])),
      );
      expect(Array.from(labels)).toEqual([0, 1, 2, 0, 1]);
      expect(buffer.count).toBe(5);
    });
  });

  describe('with no beats', () => {
    it('gives empty arrays', () => {
      const { samples, labels } = new BeatBuffer(187).toArrays();
      expect(samples).toHaveLength(0);
      expect(labels).toHaveLength(0);
    });
  });

  describe('with a beat written but not committed', () => {
    it('leaves it out', () => {
      const buffer = new BeatBuffer(1);
      append(buffer, [0.5], 1);
      buffer.samples[buffer.beatOffset()] = 0.9;
      expect(Array.from(buffer.toArrays().samples)).toEqual([0.5]);
    });
  });
});
