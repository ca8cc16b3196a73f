import { UsageError } from '../../../src/errors';
import { generateSyntheticBeats } from '../../../src/data/synthetic/synthetic-beats';

const BEAT_LENGTH = 187;

describe('generateSyntheticBeats', () => {
  const { dataset, recordIds } = generateSyntheticBeats({ perClass: 300, seed: 5 });

  describe('for 300 beats per class', () => {
    it('returns 600 beats of 187 samples with classes normal and abnormal', () => {
      expect(dataset.beatLength).toBe(BEAT_LENGTH);
      expect(dataset.samples).toBeInstanceOf(Float32Array);
      expect(dataset.samples.length).toBe(600 * BEAT_LENGTH);
      expect(dataset.classNames).toEqual(['normal', 'abnormal']);
    });

    it('has exactly 300 beats of each class', () => {
      const abnormal = dataset.labels.reduce((sum, label) => sum + label, 0);
      expect(abnormal).toBe(300);
      expect(dataset.labels.every((label) => label === 0 || label === 1)).toBe(true);
    });

    it('keeps every sample in [0, 1] and starts each beat at its R-peak (1)', () => {
      expect(dataset.samples.every((value) => value >= 0 && value <= 1)).toBe(true);
      for (let beat = 0; beat < 600; beat++) {
        expect(dataset.samples[beat * BEAT_LENGTH]).toBeGreaterThan(0.5);
      }
    });

    it('zero-pads the tail after 1.2 RR intervals', () => {
      let padded = 0;
      for (let beat = 0; beat < 600; beat++) {
        const samples = dataset.samples.subarray(beat * BEAT_LENGTH, (beat + 1) * BEAT_LENGTH);
        let lastNonZero = BEAT_LENGTH - 1;
        while (lastNonZero > 0 && samples[lastNonZero] === 0) lastNonZero--;
        // At 110 bpm 1.2 RR is 82 samples; at 50 bpm it is 180.
        expect(lastNonZero).toBeGreaterThan(70);
        if (lastNonZero < BEAT_LENGTH - 1) padded++;
      }
      expect(padded).toBe(600);
    });

    it('gives each beat a patient, and each patient one class', () => {
      const classOf = new Map<number, number>();
      recordIds.forEach((id, beat) => {
        expect(classOf.get(id) ?? dataset.labels[beat]).toBe(dataset.labels[beat]);
        classOf.set(id, dataset.labels[beat]!);
      });
      expect(classOf.size).toBeGreaterThan(30);
      expect(recordIds.length).toBe(600);
    });
  });

  describe('with the same seed', () => {
    it('gives identical samples, labels and patients', () => {
      const again = generateSyntheticBeats({ perClass: 300, seed: 5 });
      expect(again.dataset.samples).toEqual(dataset.samples);
      expect(again.dataset.labels).toEqual(dataset.labels);
      expect(again.recordIds).toEqual(recordIds);
    });
  });

  describe('with another seed', () => {
    it('gives other beats', () => {
      const other = generateSyntheticBeats({ perClass: 300, seed: 6 }).dataset;
      expect(other.samples).not.toEqual(dataset.samples);
    });
  });

  describe('for 4,000 beats per class', () => {
    it('takes under 10 seconds', () => {
      const startMs = Date.now();
      const large = generateSyntheticBeats({ perClass: 4000, seed: 9 }).dataset;
      expect(Date.now() - startMs).toBeLessThan(10_000);
      expect(large.labels.length).toBe(8000);
    });
  });

  describe('with a perClass that is not a positive integer', () => {
    it('throws a UsageError', () => {
      expect(() => generateSyntheticBeats({ perClass: 0 })).toThrow(
        new UsageError('generateSyntheticBeats: perClass must be a positive integer; received 0.'),
      );
    });
  });
});
