import { join } from 'node:path';
import {
  BeatExtractor,
  Resampler,
  RPeakDetector,
  isBeatAnnotation,
  readWfdbAnnotations,
  readWfdbRecord,
} from '@edge-ecg/stream';

const MITDB = join(
  process.env.ECG_DATA_DIR ?? join(__dirname, '../../../../../shared/data'),
  'mitdb',
);
const TOLERANCE_SAMPLES = 54; // 150 ms at 360 Hz

async function loadRecord(record: string) {
  const read = await readWfdbRecord(join(MITDB, record), { leads: [0] });
  const annotations = await readWfdbAnnotations(join(MITDB, `${record}.atr`));
  const reference = annotations.filter((a) => isBeatAnnotation(a.symbol)).map((a) => a.sample);
  return { samples: read.signals[0]!.samples, reference };
}

/** Resample to 125 Hz, detect, map back to 360 Hz: the SDK's path. */
function detectAt125(samples: Float32Array, chunkSize: number): number[] {
  const resampler = new Resampler({ inputRateHz: 360 });
  const detector = new RPeakDetector({ sampleRateHz: 125 });
  const peaks: number[] = [];
  for (let i = 0; i < samples.length; i += chunkSize) {
    peaks.push(...detector.push(resampler.push(samples.subarray(i, i + chunkSize))));
  }
  peaks.push(...detector.push(resampler.flush()), ...detector.flush());
  return peaks.map((peak) => Math.round((peak * 360) / 125));
}

function countMatches(reference: number[], detected: number[]): number {
  let matched = 0;
  let from = 0;
  for (const beat of reference) {
    while (from < detected.length && detected[from]! < beat - TOLERANCE_SAMPLES) from++;
    if (from < detected.length && detected[from]! <= beat + TOLERANCE_SAMPLES) {
      matched++;
      from++;
    }
  }
  return matched;
}

describe('RPeakDetector on MIT-BIH', () => {
  describe.each(['101', '119', '208', '230'])('record %s, whole, first signal', (record) => {
    it(
      'has sensitivity and positive predictivity of at least 99.5 % ' + '(150 ms tolerance)',
      async () => {
        const { samples, reference } = await loadRecord(record);
        const detected = detectAt125(samples, samples.length);
        const matched = countMatches(reference, detected);
        expect(matched / reference.length).toBeGreaterThanOrEqual(0.995);
        expect(matched / detected.length).toBeGreaterThanOrEqual(0.995);
      },
    );
  });

  describe.each(['203', '207'])('record %s in 1-second chunks', (record) => {
    it('gives the same R-peaks as the whole record at once', async () => {
      const { samples } = await loadRecord(record);
      expect(detectAt125(samples, 360)).toEqual(detectAt125(samples, samples.length));
    });
  });
});

describe('BeatExtractor on MIT-BIH record 101', () => {
  it('emits about one beat per reference beat, none with NaN or out of [0, 1]', async () => {
    const { samples, reference } = await loadRecord('101');
    const extractor = new BeatExtractor({ sampleRateHz: 360 });
    const beats = [...extractor.push(samples).beats, ...extractor.flush().beats];
    expect(Math.abs(beats.length - reference.length)).toBeLessThanOrEqual(10);
    expect(beats.every((beat) => beat.samples.every((v) => v >= 0 && v <= 1))).toBe(true);
  });

  it(
    'flags under 1 % of the beats saturation ' + '(the signal spans 389-1508 of 0-2047 ADC units)',
    async () => {
      const { samples } = await loadRecord('101');
      const extractor = new BeatExtractor({ sampleRateHz: 360 });
      const beats = [...extractor.push(samples).beats, ...extractor.flush().beats];
      expect(beats.filter((beat) => beat.flags.saturation).length).toBeLessThan(
        0.01 * beats.length,
      );
    },
  );
});

describe('RPeakDetector on MIT-BIH record 207, with its ventricular flutter episodes', () => {
  it(
    'keeps sensitivity at 99.5 % and positive predictivity above 95 % ' +
      '(372 flutter waves were false positives)',
    async () => {
      const { samples, reference } = await loadRecord('207');
      const detected = detectAt125(samples, samples.length);
      const matched = countMatches(reference, detected);
      expect(matched / reference.length).toBeGreaterThanOrEqual(0.995);
      expect(matched / detected.length).toBeGreaterThanOrEqual(0.95);
    },
  );
});
