import { BeatExtractor, type Beat, type BeatOutput, type QualityEvent } from '@edge-ecg/stream';
import { syntheticEcg } from './synthetic-ecg';

function extract(
  samples: Float32Array,
  sampleRateHz: number,
  chunkSize = samples.length,
): BeatOutput {
  const extractor = new BeatExtractor({ sampleRateHz });
  const outputs: BeatOutput[] = [];
  for (let i = 0; i < samples.length; i += chunkSize)
    outputs.push(extractor.push(samples.subarray(i, i + chunkSize)));
  outputs.push(extractor.flush());
  return { beats: outputs.flatMap((o) => o.beats), events: outputs.flatMap((o) => o.events) };
}

const kinds = (events: QualityEvent[]) => events.map((event) => event.kind);
const anyNaN = (beats: Beat[]) => beats.some((beat) => beat.samples.some(Number.isNaN));

describe('BeatExtractor', () => {
  describe('on a clean 360 Hz ECG at 75 bpm', () => {
    const { samples, rPeakTimesS } = syntheticEcg({
      sampleRateHz: 360,
      durationS: 30,
      heartRateBpm: 75,
    });
    const { beats, events } = extract(samples, 360);

    it('emits one beat per R-peak, numbered in order, with no quality events', () => {
      expect(beats).toHaveLength(rPeakTimesS.length);
      expect(beats.map((beat) => beat.index)).toEqual(rPeakTimesS.map((_, i) => i));
      expect(events).toEqual([]);
    });

    it('gives the R-peak at the input rate, its time, RR interval and heart rate', () => {
      const beat = beats[3]!;
      expect(Math.abs(beat.rPeakTimeS - rPeakTimesS[3]!)).toBeLessThanOrEqual(0.012);
      expect(Math.abs(beat.rPeakSample - rPeakTimesS[3]! * 360)).toBeLessThanOrEqual(4);
      expect(beat.rrIntervalS).toBeCloseTo(0.8, 1);
      expect(beat.heartRateBpm).toBeCloseTo(75, -1);
      expect(beats[0]!.rrIntervalS).toBeNaN();
    });

    it('cuts 187 samples in [0, 1] from the R-peak, 1.2 median RR long, then zeros', () => {
      const beat = beats[3]!;
      expect(beat.samples).toHaveLength(187);
      expect(beat.samples[0]!).toBeGreaterThan(0.95);
      expect(Math.max(...beat.samples.subarray(0, 120))).toBeLessThanOrEqual(1);
      expect(Math.min(...beat.samples.subarray(0, 120))).toBeGreaterThanOrEqual(0);
      expect(Array.from(beat.samples.subarray(120))).toEqual(new Array(67).fill(0));
    });

    it('flags the last beat truncated when the stream ends inside its segment', () => {
      expect(beats.at(-1)!.flags.truncated).toBe(true);
      expect(beats.slice(0, -1).every((beat) => !beat.flags.truncated)).toBe(true);
    });

    it('gives identical beats for 1-sample, 7-sample and 1-second chunks', () => {
      for (const size of [1, 7, 360])
        expect(extract(samples, 360, size)).toEqual({ beats, events });
    });
  });

  describe('with an inverted lead', () => {
    it('emits every beat, in [0, 1]', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 250,
        durationS: 20,
        heartRateBpm: 70,
        gain: -1,
      });
      const { beats } = extract(samples, 250);
      expect(beats).toHaveLength(rPeakTimesS.length);
      expect(beats.every((b) => b.samples.every((v) => v >= 0 && v <= 1))).toBe(true);
    });
  });

  describe('at 35 bpm', () => {
    const { samples, rPeakTimesS } = syntheticEcg({
      sampleRateHz: 360,
      durationS: 40,
      heartRateBpm: 35,
    });
    const { beats, events } = extract(samples, 360);

    it('truncates the long segments to 187 samples and flags them longSegment', () => {
      expect(beats).toHaveLength(rPeakTimesS.length);
      expect(beats.slice(1, -1).every((beat) => beat.flags.longSegment)).toBe(true);
      expect(beats[2]!.samples[186]!).toBeGreaterThan(0);
    });

    it('does not call the heart rate implausible', () => {
      expect(kinds(events)).toEqual([]);
    });
  });

  describe('at 220 bpm', () => {
    it('zero-pads the short segments, with no flags', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 20,
        heartRateBpm: 220,
      });
      const { beats, events } = extract(samples, 360);
      expect(beats).toHaveLength(rPeakTimesS.length);
      const beat = beats[10]!;
      expect(Array.from(beat.samples.subarray(Math.round(1.2 * 125 * (60 / 220)) + 1))).toEqual(
        new Array(187 - Math.round(1.2 * 125 * (60 / 220)) - 1).fill(0),
      );
      expect(Object.values(beat.flags).some(Boolean)).toBe(false);
      expect(events).toEqual([]);
    });
  });

  describe('with 4 s of zeros before the ECG', () => {
    const { samples, rPeakTimesS } = syntheticEcg({
      sampleRateHz: 360,
      durationS: 24,
      heartRateBpm: 70,
      firstPeakS: 4.5,
    });
    samples.fill(0, 0, 4 * 360);
    const { beats, events } = extract(samples, 360);

    it('reports a flat line over the zeros', () => {
      const flat = events.filter((event) => event.kind === 'flat-line');
      expect(flat).toHaveLength(1);
      expect(flat[0]!.startTimeS).toBe(0);
      expect(flat[0]!.endTimeS).toBeGreaterThan(3.5);
      expect(flat[0]!.endTimeS).toBeLessThan(4.4);
    });

    it('emits every beat of the ECG after it', () => {
      expect(beats).toHaveLength(rPeakTimesS.length);
    });
  });

  describe('with an all-flat signal', () => {
    it('emits no beats and reports the flat line, without throwing', () => {
      const { beats, events } = extract(new Float32Array(360 * 25).fill(0.2), 360);
      expect(beats).toEqual([]);
      expect(kinds(events)).toEqual(['flat-line']);
      expect(events[0]).toEqual({
        kind: 'flat-line',
        startTimeS: 0,
        endTimeS: 25,
        detail: 'The signal is flat at 0.00-25.00 s; check that the lead is attached.',
      });
    });
  });

  describe('with 5 NaN samples inside a QRS', () => {
    const { samples, rPeakTimesS } = syntheticEcg({
      sampleRateHz: 360,
      durationS: 30,
      heartRateBpm: 72,
    });
    const qrs = Math.round(rPeakTimesS[12]! * 360);
    samples.fill(NaN, qrs - 2, qrs + 3);
    const { beats, events } = extract(samples, 360);

    it('lets no NaN reach a beat', () => {
      expect(anyNaN(beats)).toBe(false);
    });

    it('reports the gap and flags the beats that overlap it', () => {
      expect(kinds(events)).toEqual(['gap']);
      const flagged = beats.filter((beat) => beat.flags.gap);
      expect(flagged.length).toBeGreaterThan(0);
      for (const beat of flagged)
        expect(Math.abs(beat.rPeakTimeS - rPeakTimesS[12]!)).toBeLessThan(1.5);
    });

    it('keeps finding the beats before and after it', () => {
      expect(beats.length).toBeGreaterThanOrEqual(rPeakTimesS.length - 1);
    });
  });

  describe('with 360 Hz data declared as 125 Hz', () => {
    it('reports an implausible heart rate and flags the beats', () => {
      const { samples } = syntheticEcg({ sampleRateHz: 360, durationS: 60, heartRateBpm: 70 });
      const { beats, events } = extract(samples, 125);
      const implausible = events.filter((event) => event.kind === 'implausible-heart-rate');
      expect(implausible.length).toBeGreaterThan(0);
      expect(implausible[0]!.detail).toContain('check the declared sampling rate');
      expect(beats.filter((beat) => beat.flags.implausibleHeartRate).length).toBeGreaterThan(0);
    });
  });

  describe('with a stream that starts 40 ms before an R-peak', () => {
    it('emits that first beat', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 15,
        heartRateBpm: 70,
        firstPeakS: 0.04,
      });
      const { beats } = extract(samples, 360);
      expect(beats).toHaveLength(rPeakTimesS.length);
      expect(Math.abs(beats[0]!.rPeakTimeS - 0.04)).toBeLessThanOrEqual(0.05);
    });
  });

  describe('with a clipped signal', () => {
    it('reports saturation and flags the beats', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 20,
        heartRateBpm: 70,
      });
      // The amplifier sticks at the top of each R wave for 100 ms.
      for (const t of rPeakTimesS)
        samples.fill(1, Math.round(t * 360), Math.round((t + 0.1) * 360));
      const { beats, events } = extract(samples, 360);
      expect(new Set(kinds(events))).toEqual(new Set(['saturation']));
      expect(beats.filter((beat) => beat.flags.saturation).length).toBeGreaterThan(10);
    });

    it('reports saturation at the bottom of an inverted lead, too', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 20,
        heartRateBpm: 70,
        gain: -1,
      });
      for (const t of rPeakTimesS)
        samples.fill(-1, Math.round(t * 360), Math.round((t + 0.1) * 360));
      const { beats, events } = extract(samples, 360);
      expect(new Set(kinds(events))).toEqual(new Set(['saturation']));
      expect(beats.filter((beat) => beat.flags.saturation).length).toBeGreaterThan(10);
    });
  });

  describe('with an isoelectric baseline at the bottom of the signal (no Q or S waves)', () => {
    it('reports no saturation', () => {
      const { samples, rPeakTimesS } = syntheticEcg({
        sampleRateHz: 360,
        durationS: 20,
        heartRateBpm: 70,
      });
      for (let i = 0; i < samples.length; i++) samples[i] = Math.max(0, samples[i]!);
      const { beats, events } = extract(samples, 360);
      expect(events).toEqual([]);
      expect(beats).toHaveLength(rPeakTimesS.length);
      expect(beats.some((beat) => beat.flags.saturation)).toBe(false);
    });
  });
});
