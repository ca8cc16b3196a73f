import { BeatExtractor, RPeakDetector, type QualityEvent } from '@edge-ecg/stream';
import { runChunked, syntheticEcg } from './synthetic-ecg';

const RATE_HZ = 125;
const FLUTTER_S = { start: 10, end: 22 } as const;

/**
 * 10 s of ECG at 75 bpm, 12 s of ventricular flutter (a 3.2 Hz sinusoid of 1 mV whose rate and
 * amplitude drift a little), then 10 s of ECG again.
 */
function flutterRecording(): { samples: Float32Array; rPeakTimesS: number[] } {
  const ecg = syntheticEcg({ sampleRateHz: RATE_HZ, durationS: 32, heartRateBpm: 75 });
  const from = FLUTTER_S.start * RATE_HZ;
  const to = FLUTTER_S.end * RATE_HZ;
  let phase = 0;
  for (let i = from; i < to; i++) {
    const t = (i - from) / RATE_HZ;
    phase += (2 * Math.PI * (3.2 + 0.3 * Math.sin(0.5 * t))) / RATE_HZ;
    ecg.samples[i] = (1 + 0.2 * Math.sin(1.3 * t)) * Math.sin(phase);
  }
  const rPeakTimesS = ecg.rPeakTimesS.filter((t) => t < FLUTTER_S.start || t >= FLUTTER_S.end);
  return { samples: ecg.samples, rPeakTimesS };
}

function detectWithEvents(samples: Float32Array, chunkSize: number) {
  const detector = new RPeakDetector({ sampleRateHz: RATE_HZ });
  const events: QualityEvent[] = [];
  const peaks = runChunked(
    samples,
    chunkSize,
    (chunk) => {
      const found = detector.push(chunk);
      events.push(...detector.takeEvents());
      return found;
    },
    () => {
      const found = detector.flush();
      events.push(...detector.takeEvents());
      return found;
    },
  );
  return { peaksS: peaks.map((peak) => peak / RATE_HZ), events };
}

describe('RPeakDetector flutter suppression', () => {
  describe('with 12 s of ventricular flutter between stretches of ECG', () => {
    const { samples, rPeakTimesS } = flutterRecording();
    const { peaksS, events } = detectWithEvents(samples, samples.length);

    it('reports no R-peaks inside the flutter', () => {
      const inside = peaksS.filter((t) => t > FLUTTER_S.start + 1 && t < FLUTTER_S.end - 1);
      expect(inside).toEqual([]);
    });

    it('still finds the beats more than 1.5 s away from the flutter', () => {
      const away = rPeakTimesS.filter((t) => t < FLUTTER_S.start - 1.5 || t > FLUTTER_S.end + 1.5);
      const missed = away.filter((t) => !peaksS.some((p) => Math.abs(p - t) <= 0.05));
      expect(missed).toEqual([]);
    });

    it('reports one flutter event spanning the flutter to within 1.5 s', () => {
      expect(events.map((event) => event.kind)).toEqual(['flutter']);
      const [event] = events as [QualityEvent];
      expect(Math.abs(event.startTimeS - FLUTTER_S.start)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(event.endTimeS - FLUTTER_S.end)).toBeLessThanOrEqual(1.5);
      expect(event.detail).toBe(
        `Sustained sinusoidal waves like ventricular flutter or fibrillation at ` +
          `${event.startTimeS.toFixed(2)}-${event.endTimeS.toFixed(2)} s; ` +
          'no beats are reported there. Check the patient.',
      );
    });

    it('gives identical R-peaks and events for 1-sample, 7-sample and 1-second chunks', () => {
      for (const size of [1, 7, RATE_HZ])
        expect(detectWithEvents(samples, size)).toEqual({ peaksS, events });
    });
  });

  describe.each([75, 150, 220, 250])('on a synthetic ECG at %i bpm', (heartRateBpm) => {
    it('reports no flutter and drops no beat', () => {
      const ecg = syntheticEcg({ sampleRateHz: RATE_HZ, durationS: 30, heartRateBpm });
      const { peaksS, events } = detectWithEvents(ecg.samples, ecg.samples.length);
      expect(events).toEqual([]);
      expect(peaksS).toHaveLength(ecg.rPeakTimesS.length);
    });
  });
});

describe('BeatExtractor with ventricular flutter', () => {
  it('reports the flutter event and emits no beat inside it', () => {
    const { samples } = flutterRecording();
    const extractor = new BeatExtractor({ sampleRateHz: RATE_HZ });
    const outputs = [extractor.push(samples), extractor.flush()];
    const events = outputs.flatMap((output) => output.events);
    const beats = outputs.flatMap((output) => output.beats);
    expect(events.filter((event) => event.kind === 'flutter')).toHaveLength(1);
    const inside = beats.filter(
      (beat) => beat.rPeakTimeS > FLUTTER_S.start + 1 && beat.rPeakTimeS < FLUTTER_S.end - 1,
    );
    expect(inside).toEqual([]);
  });
});
