import { UsageError } from '../../../src/errors';
import { EcgNoise, type NoiseOptions } from '../../../src/data/synthetic/ecg-noise';
import { EcgSynthesizer, type RPeakEvent } from '../../../src/data/synthetic/ecg-synthesizer';
import { SinusRhythm } from '../../../src/data/synthetic/sinus-rhythm';
import { NORMAL_WAVES } from '../../../src/data/synthetic/wave-events';

const SAMPLE_RATE_HZ = 250;

const NOISY: NoiseOptions = { noiseMv: 0.03, baselineWanderMv: 0.2, powerlineMv: 0.02 };

function synthesizer(noise: NoiseOptions = NOISY): EcgSynthesizer {
  const beats = new SinusRhythm({
    heartRateBpm: 80,
    hrvStdFraction: 0.05,
    waves: NORMAL_WAVES,
    label: 'N',
    amplitudeJitterFraction: 0.05,
    seed: 11,
  });
  return new EcgSynthesizer({
    sampleRateHz: SAMPLE_RATE_HZ,
    beats,
    seed: 11,
    ...noise,
  });
}

function drawInChunks(chunkSize: number, total: number) {
  const source = synthesizer();
  const signal = new Float32Array(total);
  const rPeaks: RPeakEvent[] = [];
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = source.next(Math.min(chunkSize, total - start));
    expect(chunk.startIndex).toBe(start);
    signal.set(chunk.signal, start);
    rPeaks.push(...chunk.rPeaks);
  }
  return { signal, rPeaks };
}

describe('EcgSynthesizer', () => {
  describe('drawn in chunks of 1, 7 or 250 samples', () => {
    it.each([1, 7, 250])('gives the same samples and R-peaks as at once (chunks of %d)', (size) => {
      const total = 20 * SAMPLE_RATE_HZ;
      const whole = drawInChunks(total, total);
      const pieces = drawInChunks(size, total);
      expect(pieces.signal).toEqual(whole.signal);
      expect(pieces.rPeaks).toEqual(whole.rPeaks);
      expect(whole.rPeaks.length).toBeGreaterThan(20);
    });
  });

  describe('without noise', () => {
    it('reports each R-peak at the maximum of its QRS complex', () => {
      const { signal, rPeaks } = synthesizer({}).next(10 * SAMPLE_RATE_HZ);
      const radius = Math.round(0.1 * SAMPLE_RATE_HZ);
      for (const { sampleIndex } of rPeaks.slice(1, -1)) {
        const around = signal.subarray(sampleIndex - radius, sampleIndex + radius + 1);
        expect(signal[sampleIndex]).toBe(Math.max(...around));
      }
    });
  });
});

describe('EcgNoise', () => {
  describe('given pieces out of order', () => {
    it('throws a UsageError naming the expected start', () => {
      const noise = new EcgNoise({ noiseMv: 0.1 }, 125, 1);
      noise.addTo(new Float64Array(10), 0);
      expect(() => noise.addTo(new Float64Array(10), 20)).toThrow(
        new UsageError(
          'EcgNoise.addTo: expected the piece starting at sample 10, received 20. Pass the ' +
            'pieces of the signal in order, without gaps.',
        ),
      );
    });
  });

  describe('with muscle noise only', () => {
    it('has the asked-for RMS amplitude (within 5 %)', () => {
      const buffer = new Float64Array(60_000);
      new EcgNoise({ noiseMv: 0.05 }, 500, 3).addTo(buffer, 0);
      const rms = Math.sqrt(buffer.reduce((sum, value) => sum + value * value, 0) / buffer.length);
      expect(rms).toBeGreaterThan(0.0475);
      expect(rms).toBeLessThan(0.0525);
    });
  });

  describe('with hum at or above half the sampling rate', () => {
    it('throws a UsageError', () => {
      expect(() => new EcgNoise({ powerlineHz: 60, powerlineMv: 0.1 }, 100, 1)).toThrow(
        new UsageError(
          'powerlineHz must be below half the sampling rate (50 Hz); received 60. Raise ' +
            'sampleRateHz or set powerlineMv to 0.',
        ),
      );
    });
  });
});
