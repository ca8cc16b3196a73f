/**
 * The check: the beat stage recovers the simulator's R-peaks. Sensitivity and positive
 * predictive value at 150 ms, over 10 minutes each at several rates, heart rates and noise
 * levels, must be at least 99.9 %. The first and last half second are not scored: the
 * simulator starts on the R wave of a beat it does not list, and ends inside one.
 */
import { extractBeats, matchBeats, simulateEcg, type SimulateEcgOptions } from '@edge-ecg/stream';

const DURATION_S = 600;
const EDGE_S = 0.5;

const CASES: Omit<SimulateEcgOptions, 'durationS' | 'seed'>[] = [
  { sampleRateHz: 125, heartRateBpm: 60 },
  { sampleRateHz: 250, heartRateBpm: 100, baselineWanderMv: 0.2, noiseMv: 0.02 },
  { sampleRateHz: 360, heartRateBpm: 75, pvcRate: 0.1, noiseMv: 0.02, powerlineMv: 0.05 },
  { sampleRateHz: 500, heartRateBpm: 150 },
  { sampleRateHz: 1000, heartRateBpm: 45, hrvStdFraction: 0.08 },
];

function inside(samples: ArrayLike<number>, sampleRateHz: number): number[] {
  const [from, to] = [EDGE_S * sampleRateHz, (DURATION_S - EDGE_S) * sampleRateHz];
  return Array.from(samples).filter((sample) => sample >= from && sample < to);
}

describe('the beat stage on 10 minutes of simulated ECG', () => {
  describe.each(CASES)('at $sampleRateHz Hz and $heartRateBpm bpm', (rhythm) => {
    it(
      'finds at least 99.9 % of the true R-peaks, ' + 'and at least 99.9 % of its beats are true',
      () => {
        const ecg = simulateEcg({ ...rhythm, durationS: DURATION_S, seed: 11 });
        const { beats } = extractBeats({ samples: ecg.signal, sampleRateHz: ecg.sampleRateHz });
        const truth = inside(ecg.rPeaks, ecg.sampleRateHz);
        const detected = inside(
          beats.map((beat) => beat.rPeakSample),
          ecg.sampleRateHz,
        );
        const match = matchBeats(detected, truth, 0.15 * ecg.sampleRateHz);
        const sensitivity = 1 - match.unmatchedReferences / truth.length;
        const ppv = 1 - match.unmatchedDetections / detected.length;
        expect(truth.length).toBeGreaterThan(0.95 * (DURATION_S / 60) * rhythm.heartRateBpm);
        expect(sensitivity).toBeGreaterThanOrEqual(0.999);
        expect(ppv).toBeGreaterThanOrEqual(0.999);
      },
    );
  });
});
