import { RPeakDetector } from '@edge-ecg/stream';
import { matchTimes, runChunked, syntheticEcg } from './synthetic-ecg';

const TOLERANCE_S = 0.05;

function detect(samples: Float32Array, sampleRateHz: number, chunkSize = samples.length): number[] {
  const detector = new RPeakDetector({ sampleRateHz });
  return runChunked(
    samples,
    chunkSize,
    (c) => detector.push(c),
    () => detector.flush(),
  );
}

function detectTimesS(samples: Float32Array, sampleRateHz: number): number[] {
  return detect(samples, sampleRateHz).map((peak) => peak / sampleRateHz);
}

/** A minute of ECG with baseline wander, a noise burst and a NaN gap: a hard input. */
function hardRecording(sampleRateHz: number): { samples: Float32Array; rPeakTimesS: number[] } {
  const ecg = syntheticEcg({ sampleRateHz, durationS: 60, heartRateBpm: 75 });
  let seed = 1;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
  ecg.samples.forEach((value, i) => {
    const t = i / sampleRateHz;
    const burst = t > 20 && t < 21 ? 1.5 * noise() : 0.02 * noise();
    ecg.samples[i] = value + 0.8 * Math.sin(2 * Math.PI * 0.3 * t) + burst;
  });
  ecg.samples.fill(NaN, 40 * sampleRateHz, 42 * sampleRateHz);
  return ecg;
}

describe('RPeakDetector', () => {
  describe.each([125, 360])('on a clean synthetic ECG at %i Hz', (sampleRateHz) => {
    const { samples, rPeakTimesS } = syntheticEcg({
      sampleRateHz,
      durationS: 30,
      heartRateBpm: 72,
    });

    it('finds every beat, the first and last included, within 50 ms, and nothing else', () => {
      expect(matchTimes(rPeakTimesS, detectTimesS(samples, sampleRateHz), TOLERANCE_S)).toEqual({
        found: rPeakTimesS.length,
        missed: 0,
        extra: 0,
      });
    });

    it('finds the same beats in an inverted lead', () => {
      const inverted = samples.map((value) => -value);
      expect(
        matchTimes(rPeakTimesS, detectTimesS(inverted, sampleRateHz), TOLERANCE_S).missed,
      ).toBe(0);
    });
  });

  describe.each([30, 35, 220, 250])('at %i bpm', (heartRateBpm) => {
    it('finds every beat and nothing else', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 250,
        durationS: 30,
        heartRateBpm,
      });
      const found = matchTimes(rPeakTimesS, detectTimesS(samples, 250), TOLERANCE_S);
      expect(found).toEqual({ found: rPeakTimesS.length, missed: 0, extra: 0 });
    });
  });

  describe('with chunks of different sizes', () => {
    it('gives identical R-peaks for 1-sample, 7-sample, 1-second and whole-record chunks', () => {
      const { samples } = hardRecording(360);
      const whole = detect(samples, 360);
      expect(whole.length).toBeGreaterThan(60);
      for (const size of [1, 7, 360]) expect(detect(samples, 360, size)).toEqual(whole);
    });
  });

  describe('with baseline wander, a noise burst and a NaN gap', () => {
    const { samples, rPeakTimesS } = hardRecording(360);
    const detected = detectTimesS(samples, 360);
    const clean = (t: number) => !(t > 19.5 && t < 21.5) && !(t > 39.5 && t < 42.5);

    it('finds the beats away from the burst and the gap', () => {
      const expected = rPeakTimesS.filter(clean);
      expect(matchTimes(expected, detected.filter(clean), TOLERANCE_S)).toEqual({
        found: expected.length,
        missed: 0,
        extra: 0,
      });
    });

    it('reports nothing inside the NaN gap', () => {
      expect(detected.filter((t) => t >= 40 && t < 42)).toEqual([]);
    });
  });

  describe('with flat lines', () => {
    it('reports nothing for an all-zero signal', () => {
      expect(detect(new Float32Array(125 * 20), 125)).toEqual([]);
    });

    it('finds the beats after 4 s of zeros', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 125,
        durationS: 20,
        heartRateBpm: 70,
        firstPeakS: 4.3,
      });
      expect(matchTimes(rPeakTimesS, detectTimesS(samples, 125), TOLERANCE_S).missed).toBe(0);
    });
  });

  describe('with a stream that starts 40 ms before an R-peak', () => {
    it('finds that first R-peak', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 10,
        heartRateBpm: 70,
        firstPeakS: 0.04,
      });
      const detected = detectTimesS(samples, 360);
      expect(Math.abs(detected[0]! - 0.04)).toBeLessThanOrEqual(TOLERANCE_S);
      expect(matchTimes(rPeakTimesS, detected, TOLERANCE_S).missed).toBe(0);
    });
  });

  describe('latency', () => {
    it(
      'reports every R-peak within maxLatencySamples of it, ' +
        'and never before settledSampleCount',
      () => {
        const { samples } = hardRecording(125);
        const detector = new RPeakDetector({ sampleRateHz: 125 });
        let reported = 0;
        for (let i = 0; i < samples.length; i++) {
          const settled = detector.settledSampleCount;
          for (const peak of detector.push(samples.subarray(i, i + 1))) {
            expect(i + 1 - peak).toBeLessThanOrEqual(detector.maxLatencySamples);
            expect(peak).toBeGreaterThanOrEqual(settled);
            reported++;
          }
        }
        expect(reported).toBeGreaterThan(60);
      },
    );

    it('states its maximum latency in milliseconds', () => {
      expect(new RPeakDetector({ sampleRateHz: 360 }).maxLatencyMs).toBeCloseTo(4150, -1);
    });
  });

  describe('with a bad sampling rate', () => {
    it('throws a UsageError', () => {
      expect(() => new RPeakDetector({ sampleRateHz: Number.NaN })).toThrow(
        'RPeakDetector: sampleRateHz must be a positive number of samples per second, ' +
          'received NaN.',
      );
    });
  });

  describe('after flush', () => {
    it('throws on push', () => {
      const detector = new RPeakDetector({ sampleRateHz: 125 });
      detector.flush();
      expect(() => detector.push([0])).toThrow(
        'RPeakDetector: push() was called after flush(); create a new detector for a new stream.',
      );
    });
  });
});
