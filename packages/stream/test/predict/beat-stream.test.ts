import * as tf from '@tensorflow/tfjs-core';
import type { EcgClassifier } from '@edge-ecg/core';
import {
  BeatStream,
  fromFloat32Chunks,
  simulateEcg,
  type BeatPrediction,
  type BeatStreamEvent,
  type EcgSource,
  type RollingSummary,
} from '@edge-ecg/stream';
import { tinyClassifier } from './tiny-classifier';

jest.setTimeout(60_000);

let classifier: EcgClassifier;
const ECG = simulateEcg({
  durationS: 40,
  sampleRateHz: 360,
  heartRateBpm: 75,
  pvcRate: 0.2,
  seed: 5,
});

beforeAll(async () => {
  classifier = await tinyClassifier();
});

afterAll(() => classifier.dispose());

/** The simulated ECG in chunks of `chunkSamples`, counting the chunks read. */
function countingSource(chunkSamples = 360, delayMs = 0): EcgSource & { read: () => number } {
  let read = 0;
  async function* chunks() {
    for (let i = 0; i < ECG.signal.length; i += chunkSamples) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      read++;
      yield ECG.signal.slice(i, i + chunkSamples);
    }
  }
  return { ...fromFloat32Chunks(chunks(), { sampleRateHz: 360 }), read: () => read };
}

async function collect(stream: BeatStream): Promise<BeatStreamEvent[]> {
  const events: BeatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const beatsOf = (events: BeatStreamEvent[]) =>
  events.filter((event): event is BeatPrediction => event.type === 'beat');
const summariesOf = (events: BeatStreamEvent[]) =>
  events.filter((event): event is RollingSummary => event.type === 'summary');

describe('BeatStream', () => {
  describe('on 40 s of simulated ECG, with no latency bound to speak of', () => {
    let events: BeatStreamEvent[];
    let stream: BeatStream;

    beforeAll(async () => {
      stream = await BeatStream.create({
        classifier,
        source: countingSource(),
        maxLatencyMs: 60_000,
      });
      events = await collect(stream);
    });

    it('emits one beat per true R-peak, in order, with its timing', () => {
      const beats = beatsOf(events);
      expect(beats).toHaveLength(ECG.rPeaks.length);
      expect(beats.map((beat) => beat.index)).toEqual(beats.map((_, i) => i));
      beats.forEach((beat, i) => {
        expect(Math.abs(beat.rPeakSample - ECG.rPeaks[i]!)).toBeLessThanOrEqual(0.15 * 360);
        expect(Math.abs(beat.rPeakTimeS - beat.rPeakSample / 360)).toBeLessThanOrEqual(1 / 125);
      });
      expect(beats[0]!.rrIntervalS).toBeNaN();
      expect(beats[5]!.heartRateBpm).toBeCloseTo(60 / beats[5]!.rrIntervalS, 6);
    });

    it('classifies every whole beat: a class, its index and probabilities summing to 1', () => {
      const whole = beatsOf(events).filter((beat) => !beat.flags.truncated);
      expect(whole.length).toBeGreaterThan(40);
      for (const beat of whole) {
        expect(beat.classified).toBe(true);
        expect(beat.className).toBe(classifier.classNames[beat.classIndex]);
        const sum = beat.probabilities!.reduce((total, p) => total + p, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-5);
        expect(beat.probabilities![beat.classIndex]).toBe(Math.max(...beat.probabilities!));
      }
    });

    it('emits the truncated beats at the end with their flags, unclassified', () => {
      const truncated = beatsOf(events).filter((beat) => beat.flags.truncated);
      expect(truncated.length).toBeGreaterThan(0);
      expect(truncated[0]!.rPeakTimeS).toBeGreaterThan(38);
      for (const beat of truncated) {
        expect(beat).toMatchObject({
          classified: false,
          className: null,
          classIndex: -1,
          probabilities: null,
        });
      }
    });

    it('summarises every 10 s of stream time over the last 60 s, and once at the end', () => {
      const summaries = summariesOf(events);
      expect(summaries.map((s) => s.final)).toEqual([false, false, false, true]);
      expect(summaries.slice(0, 3).map((s) => Math.floor(s.timeS / 10))).toEqual([1, 2, 3]);
      const final = summaries.at(-1)!;
      const beats = beatsOf(events);
      const classified = beats.filter((b) => b.classified).length;
      const abnormal = beats.filter((b) => b.classified && b.className !== 'normal').length;
      expect(final).toMatchObject({
        beats: beats.length,
        classifiedBeats: classified,
        abnormalBeats: abnormal,
      });
      expect(final.abnormalFraction).toBeCloseTo(abnormal / classified, 10);
      expect(final.heartRateBpm).toBeGreaterThan(65);
      expect(final.heartRateBpm).toBeLessThan(85);
    });

    it('runs full batches of 32 beats (and one partial batch at the end)', () => {
      const classified = stream.stats.classifiedBeats;
      expect(stream.stats.batches).toBe(Math.ceil(classified / 32));
      expect(stream.stats.samples).toBe(ECG.signal.length);
    });
  });

  describe('when the source is slower than the latency bound', () => {
    // The beat stage releases beats in bursts, one per 10 s window (4 here, and the rest at
    // the end); each burst waits at most maxLatencyMs, while the next chunks take longer.
    it('classifies each partial batch once its oldest beat has waited maxLatencyMs', async () => {
      const source = countingSource(90, 3);
      const stream = await BeatStream.create({
        classifier,
        source,
        batchSize: 64,
        maxLatencyMs: 5,
      });
      const beats = beatsOf(await collect(stream));
      expect(stream.stats.batches).toBeGreaterThanOrEqual(4);
      expect(beats.filter((beat) => beat.latencyMs > 5 + 25)).toEqual([]);
    });

    it('waits for a full batch when the bound is longer than the stream', async () => {
      const source = countingSource(90, 3);
      const stream = await BeatStream.create({
        classifier,
        source,
        batchSize: 64,
        maxLatencyMs: 60_000,
      });
      await collect(stream);
      expect(stream.stats.batches).toBe(1);
    });
  });

  describe('with a consumer that stops pulling', () => {
    it('reads no more than one chunk ahead of what was consumed', async () => {
      const source = countingSource(36);
      const stream = await BeatStream.create({ classifier, source, batchSize: 1 });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      const readAtFirstBeat = source.read();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(source.read()).toBeLessThanOrEqual(readAtFirstBeat + 1);
      expect(readAtFirstBeat).toBeLessThan(ECG.signal.length / 36 / 2);
      await stream.close();
    });
  });

  describe('close()', () => {
    it('leaves the tensor count where it was, after a whole stream', async () => {
      const before = tf.memory().numTensors;
      const stream = await BeatStream.create({ classifier, source: countingSource() });
      await collect(stream);
      await stream.close();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('leaves the tensor count where it was when the consumer breaks off early', async () => {
      const before = tf.memory().numTensors;
      const stream = await BeatStream.create({
        classifier,
        source: countingSource(),
        batchSize: 4,
      });
      for await (const event of stream) if (event.type === 'beat' && event.index === 10) break;
      await stream.close();
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('forEach', () => {
    it('hands every event to the listener, in order', async () => {
      const seen: string[] = [];
      const stream = await BeatStream.create({ classifier, source: countingSource() });
      await stream.forEach((event) => {
        seen.push(event.type);
      });
      expect(seen.filter((type) => type === 'beat')).toHaveLength(ECG.rPeaks.length);
      expect(seen.at(-1)).toBe('summary');
    });
  });

  describe('with bad options', () => {
    it('rejects a batch size of 0', async () => {
      await expect(
        BeatStream.create({ classifier, source: countingSource(), batchSize: 0 }),
      ).rejects.toThrow(
        'BeatStream.create: expected batchSize to be a whole number of at least 1, received 0.',
      );
    });

    it('rejects a normal class the classifier does not have', async () => {
      await expect(
        BeatStream.create({ classifier, source: countingSource(), normalClass: 'N' }),
      ).rejects.toThrow(
        'BeatStream.create: normalClass "N" is not a class of the classifier, whose classes are ' +
          'normal, abnormal. Pass one of these.',
      );
    });

    it('refuses a second iteration', async () => {
      const stream = await BeatStream.create({ classifier, source: countingSource() });
      await collect(stream);
      expect(() => stream[Symbol.asyncIterator]()).toThrow(
        'BeatStream: the stream was already iterated; a stream reads its source once. Create a ' +
          'new BeatStream for another pass.',
      );
    });
  });
});
