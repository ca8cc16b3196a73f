import { UsageError } from '@edge-ecg/core';
import { EcgSimulator, simulateEcg, simulateEcgChunks } from '../../src/simulate/ecg-simulator';
import type { SimulateEcgOptions } from '../../src/simulate/simulate-options';

const NOISY: SimulateEcgOptions = {
  durationS: 30,
  sampleRateHz: 360,
  heartRateBpm: 72,
  pvcRate: 0.15,
  noiseMv: 0.03,
  baselineWanderMv: 0.2,
  powerlineHz: 60,
  powerlineMv: 0.02,
  seed: 'chunks',
};

function meanHeartRateBpm(rPeaks: Int32Array, sampleRateHz: number): number {
  const spanS = (rPeaks[rPeaks.length - 1]! - rPeaks[0]!) / sampleRateHz;
  return (60 * (rPeaks.length - 1)) / spanS;
}

describe('simulateEcg', () => {
  describe('for 10 s at 250 Hz', () => {
    const ecg = simulateEcg({ durationS: 10, sampleRateHz: 250, heartRateBpm: 60, seed: 1 });

    it('returns 2,500 samples in mV with one label per R-peak', () => {
      expect(ecg.signal).toBeInstanceOf(Float32Array);
      expect(ecg.signal.length).toBe(2500);
      expect(ecg.sampleRateHz).toBe(250);
      expect(ecg.rPeaks).toBeInstanceOf(Int32Array);
      expect(ecg.labels).toHaveLength(ecg.rPeaks.length);
      expect(new Set(ecg.labels)).toEqual(new Set(['N']));
      expect(Math.max(...ecg.signal)).toBeGreaterThan(0.8);
      expect(Math.max(...ecg.signal)).toBeLessThan(2);
    });

    it('gives R-peaks in order, inside the signal', () => {
      expect(ecg.rPeaks.length).toBeGreaterThanOrEqual(9);
      expect(ecg.rPeaks[0]).toBeGreaterThanOrEqual(0);
      expect(ecg.rPeaks[ecg.rPeaks.length - 1]).toBeLessThan(2500);
      ecg.rPeaks.slice(1).forEach((peak, i) => expect(peak).toBeGreaterThan(ecg.rPeaks[i]!));
    });

    it('gives the same signal for the same seed and another for another seed', () => {
      const again = simulateEcg({ durationS: 10, sampleRateHz: 250, heartRateBpm: 60, seed: 1 });
      const other = simulateEcg({ durationS: 10, sampleRateHz: 250, heartRateBpm: 60, seed: 2 });
      expect(again).toEqual(ecg);
      expect(other.signal).not.toEqual(ecg.signal);
    });
  });

  describe.each([
    [30, 125],
    [60, 360],
    [75, 250],
    [120, 500],
    [180, 1000],
    [250, 125],
    [250, 360],
  ])('at %d bpm and %d Hz', (heartRateBpm, sampleRateHz) => {
    it('recovers the heart rate from the R-peaks within 1 bpm, with and without HRV', () => {
      for (const hrvStdFraction of [0, 0.05]) {
        const options = { durationS: 120, sampleRateHz, heartRateBpm, hrvStdFraction, seed: 4 };
        const { rPeaks } = simulateEcg(options);
        expect(Math.abs(meanHeartRateBpm(rPeaks, sampleRateHz) - heartRateBpm)).toBeLessThan(1);
      }
    });
  });

  describe('without noise', () => {
    it('puts every R-peak on the maximum of its QRS complex', () => {
      const sampleRateHz = 500;
      const { signal, rPeaks } = simulateEcg({
        durationS: 30,
        sampleRateHz,
        heartRateBpm: 90,
        pvcRate: 0.2,
        seed: 8,
      });
      const radius = Math.round(0.06 * sampleRateHz);
      for (const peak of rPeaks.slice(1, -1)) {
        const around = signal.subarray(peak - radius, peak + radius + 1);
        expect(signal[peak]).toBe(Math.max(...around));
      }
    });
  });

  describe('with PVCs', () => {
    const sampleRateHz = 360;
    const { rPeaks, labels } = simulateEcg({
      durationS: 300,
      sampleRateHz,
      heartRateBpm: 70,
      hrvStdFraction: 0,
      pvcRate: 0.1,
      seed: 3,
    });
    const normalRr = (60 / 70) * sampleRateHz;

    it('labels some beats V and never two in a row', () => {
      const pvcs = labels.filter((label) => label === 'V').length;
      expect(pvcs).toBeGreaterThan(0.05 * labels.length);
      expect(pvcs).toBeLessThan(0.15 * labels.length);
      expect(labels.join('')).not.toContain('VV');
    });

    it('makes each PVC premature, with a compensatory pause: its RR pair sums to 2 RR', () => {
      let checked = 0;
      labels.forEach((label, i) => {
        if (label !== 'V' || i === 0 || i === labels.length - 1) return;
        const before = rPeaks[i]! - rPeaks[i - 1]!;
        const after = rPeaks[i + 1]! - rPeaks[i]!;
        expect(before).toBeLessThan(0.75 * normalRr);
        expect(after).toBeGreaterThan(normalRr);
        // Each R-peak is within a sample of its wave's centre.
        expect(Math.abs(before + after - 2 * normalRr)).toBeLessThanOrEqual(2);
        checked++;
      });
      expect(checked).toBeGreaterThan(10);
    });
  });

  describe('with an ST change or abnormal beats', () => {
    it('labels the sinus beats with the abnormal kind', () => {
      const base = { durationS: 20, sampleRateHz: 250, heartRateBpm: 80, seed: 2 };
      const elevated = simulateEcg({ ...base, stChangeMv: 0.2 });
      const depressed = simulateEcg({ ...base, stChangeMv: -0.2 });
      const inverted = simulateEcg({ ...base, abnormalKind: 't-inversion', abnormalRate: 1 });
      expect(new Set(elevated.labels)).toEqual(new Set(['st-elevation']));
      expect(new Set(depressed.labels)).toEqual(new Set(['st-depression']));
      expect(new Set(inverted.labels)).toEqual(new Set(['t-inversion']));
      expect(elevated.rPeaks.length).toBe(depressed.rPeaks.length);
    });
  });

  describe('for ten minutes at 360 Hz', () => {
    it('takes under 3 seconds', () => {
      const startMs = Date.now();
      const { signal } = simulateEcg({ ...NOISY, durationS: 600 });
      expect(Date.now() - startMs).toBeLessThan(3000);
      expect(signal.length).toBe(216_000);
    });
  });

  describe('with an option out of range', () => {
    it.each([
      [{ heartRateBpm: 300 }, 'heartRateBpm must be 30 to 250; received 300'],
      [{ sampleRateHz: 20 }, 'sampleRateHz must be 50 Hz or more; received 20'],
      [{ durationS: 0 }, 'durationS must be a positive finite duration; received 0'],
      [{ pvcRate: 0.9 }, 'pvcRate must be 0 to 0.5; received 0.9'],
      [{ hrvStdFraction: Number.NaN }, 'hrvStdFraction must be 0 to 0.2; received NaN'],
    ])('throws a UsageError naming it (%p)', (change, message) => {
      const options = { durationS: 1, sampleRateHz: 250, heartRateBpm: 60, seed: 1, ...change };
      expect(() => simulateEcg(options)).toThrow(
        new UsageError(`simulateEcg: ${message}. Pass a value in range.`),
      );
    });

    it('throws when abnormalRate comes without abnormalKind', () => {
      const options = { durationS: 1, sampleRateHz: 250, heartRateBpm: 60, seed: 1 };
      expect(() => simulateEcg({ ...options, abnormalRate: 0.5 })).toThrow(
        new UsageError(
          'simulateEcg: abnormalRate is set but abnormalKind is not. Pass abnormalKind as well, ' +
            "such as 't-inversion'.",
        ),
      );
    });
  });
});

describe('EcgSimulator', () => {
  const whole = simulateEcg(NOISY);

  describe.each([1, 7, 360])('read in chunks of %d samples', (chunkSize) => {
    it('joins to exactly the one-shot signal, R-peaks and labels', () => {
      const simulator = new EcgSimulator(NOISY);
      const signal = new Float32Array(simulator.totalSamples);
      const rPeaks: number[] = [];
      const labels: string[] = [];
      while (!simulator.done) {
        const chunk = simulator.next(chunkSize);
        signal.set(chunk.signal, chunk.startIndex);
        rPeaks.push(...chunk.rPeaks);
        labels.push(...chunk.labels);
        chunk.rPeaks.forEach((peak) => {
          expect(peak).toBeGreaterThanOrEqual(chunk.startIndex);
          expect(peak).toBeLessThan(chunk.startIndex + chunk.signal.length);
        });
      }
      expect(signal).toEqual(whole.signal);
      expect(Int32Array.from(rPeaks)).toEqual(whole.rPeaks);
      expect(labels).toEqual(whole.labels);
      expect(labels).toContain('V');
    });
  });

  describe('past the end', () => {
    it('returns a short last chunk, then empty ones', () => {
      const simulator = new EcgSimulator({ ...NOISY, durationS: 1 });
      expect(simulator.next(300).signal.length).toBe(300);
      expect(simulator.next(300).signal.length).toBe(60);
      expect(simulator.done).toBe(true);
      expect(simulator.next(300).signal.length).toBe(0);
    });
  });

  describe('given a chunk size that is not a positive integer', () => {
    it('throws a UsageError', () => {
      expect(() => new EcgSimulator(NOISY).next(0.5)).toThrow(
        new UsageError('EcgSimulator.next: sampleCount must be a positive integer; received 0.5.'),
      );
    });
  });
});

describe('simulateEcgChunks', () => {
  it('yields chunks that join to the one-shot signal', async () => {
    const options = { ...NOISY, durationS: 5 };
    const parts: Float32Array[] = [];
    for await (const chunk of simulateEcgChunks(options, 100)) parts.push(chunk.signal);
    expect(parts).toHaveLength(18);
    const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    parts.reduce((offset, part) => (joined.set(part, offset), offset + part.length), 0);
    expect(joined).toEqual(simulateEcg(options).signal);
  });
});
