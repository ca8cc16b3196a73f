/**
 * @module On-device prediction as beats arrive: a source through the beat stage, micro-batched
 * into the classifier, as an async iterable of beats, summaries and quality reports.
 */
import { BEAT_LENGTH, UsageError } from '@edge-ecg/core';
import { BeatExtractor } from '../beats/beat-extractor';
import type { BeatOutput } from '../beats/beat-types';
import { checkSampleRate } from '../sources/ecg-source';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_LATENCY_MS,
  DEFAULT_SUMMARY_INTERVAL_S,
  DEFAULT_SUMMARY_WINDOW_S,
  type BeatStreamEvent,
  type BeatStreamOptions,
  type BeatStreamStats,
} from './beat-stream-types';
import { isUnusableBeat, MicroBatch, predictBatch } from './micro-batch';
import { normalClassIndex, RollingWindow } from './rolling-summary';
import { checkPositive, checkClassifier } from './check-options';

const DEADLINE = Symbol('deadline');

/**
 * Classifies the beats of an ECG source as they arrive. Iterate it once with `for await`, or
 * pass a listener to {@link BeatStream.forEach}; the source is read only as fast as events are
 * taken, so a slow consumer slows the reading, never piles up beats. Beats come in stream
 * order; quality reports come when the beat stage finds the problem, so they may precede the
 * beats still waiting for their batch. Beats with {@link UNUSABLE_BEAT_FLAGS} are emitted
 * with `classified: false` (see {@link BeatStreamOptions.classifyFlaggedBeats}).
 */
export class BeatStream implements AsyncIterable<BeatStreamEvent> {
  /** Counts so far. */
  readonly stats: BeatStreamStats = { beats: 0, classifiedBeats: 0, batches: 0, samples: 0 };
  private readonly extractor: BeatExtractor;
  private readonly batch: MicroBatch;
  private readonly window: RollingWindow;
  private readonly now: () => number;
  private readonly summaryIntervalS: number;
  private nextSummaryS: number;
  private sourceIterator: AsyncIterator<Float32Array> | undefined;
  private started = false;
  private closed = false;

  private constructor(private readonly options: BeatStreamOptions) {
    const { classifier, source } = options;
    this.extractor = new BeatExtractor({ sampleRateHz: source.sampleRateHz });
    this.batch = new MicroBatch(
      options.batchSize ?? DEFAULT_BATCH_SIZE,
      options.maxLatencyMs ?? DEFAULT_MAX_LATENCY_MS,
    );
    const normalIndex = normalClassIndex(classifier.classNames, options.normalClass);
    this.window = new RollingWindow(
      options.summaryWindowS ?? DEFAULT_SUMMARY_WINDOW_S,
      classifier.classNames,
      normalIndex,
    );
    this.summaryIntervalS = options.summaryIntervalS ?? DEFAULT_SUMMARY_INTERVAL_S;
    this.nextSummaryS = this.summaryIntervalS;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Checks the options and warms the model up (one call on a full batch of zeros, so the first
   * real batch is not slowed by kernel set-up).
   *
   * @throws {UsageError} when an option is out of range, the classifier does not take
   *   187-sample beats, or `normalClass` is not one of its classes.
   */
  static async create(options: BeatStreamOptions): Promise<BeatStream> {
    checkClassifier(options.classifier, options.normalClass);
    checkSampleRate(options.source?.sampleRateHz, 'BeatStream.create');
    checkPositive('batchSize', options.batchSize, 1, true);
    checkPositive('maxLatencyMs', options.maxLatencyMs, 0, false);
    checkPositive('summaryWindowS', options.summaryWindowS, Number.MIN_VALUE, false);
    checkPositive('summaryIntervalS', options.summaryIntervalS, Number.MIN_VALUE, false);
    const stream = new BeatStream(options);
    const warmUpBeats = options.batchSize ?? DEFAULT_BATCH_SIZE;
    options.classifier.predict(new Float32Array(warmUpBeats * BEAT_LENGTH), warmUpBeats);
    return stream;
  }

  /**
   * The events, once.
   *
   * @throws {UsageError} when the stream is iterated a second time.
   */
  [Symbol.asyncIterator](): AsyncIterator<BeatStreamEvent> {
    if (this.started) {
      throw new UsageError(
        'BeatStream: the stream was already iterated; a stream reads its source once. ' +
          'Create a new BeatStream for another pass.',
      );
    }
    this.started = true;
    return this.run();
  }

  /** Calls `listener` with every event, awaiting it before the next; resolves at the end. */
  async forEach(listener: (event: BeatStreamEvent) => void | Promise<void>): Promise<void> {
    for await (const event of this) await listener(event);
  }

  /**
   * Stops reading the source (an iteration in progress ends after its current event), drops
   * the beats still waiting and, with `disposeClassifier`, frees the model. The stream holds
   * no tensors of its own between batches, so the tensor count is back to where it was.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.batch.clear();
    await this.sourceIterator?.return?.();
    if (this.options.disposeClassifier === true) this.options.classifier.dispose();
  }

  private async *run(): AsyncGenerator<BeatStreamEvent> {
    const iterator = this.options.source.chunks[Symbol.asyncIterator]();
    this.sourceIterator = iterator;
    try {
      let next = iterator.next();
      while (!this.closed) {
        const result = await this.nextOrDeadline(next);
        if (this.closed) return;
        if (result === DEADLINE) {
          yield* this.classifyWaiting(false);
          continue;
        }
        if (result.done === true) break;
        this.stats.samples += result.value.length;
        yield* this.accept(this.extractor.push(result.value));
        next = iterator.next();
      }
      if (this.closed) return;
      yield* this.accept(this.extractor.flush());
      yield* this.classifyWaiting(true);
      yield this.window.summarize(true);
    } finally {
      await this.close();
    }
  }

  /** The source's next chunk, or DEADLINE when the oldest waiting beat falls due first. */
  private async nextOrDeadline(
    next: Promise<IteratorResult<Float32Array>>,
  ): Promise<IteratorResult<Float32Array> | typeof DEADLINE> {
    const waitMs = this.batch.msUntilDue(this.now());
    if (waitMs === Infinity) return next;
    if (waitMs <= 0) return DEADLINE;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<typeof DEADLINE>((resolve) => {
      timer = setTimeout(() => resolve(DEADLINE), waitMs);
    });
    try {
      return await Promise.race([next, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reports quality events, queues the beats, and classifies full or overdue batches. */
  private *accept(output: BeatOutput): Generator<BeatStreamEvent> {
    for (const event of output.events) yield { type: 'quality', ...event };
    const availableAtMs = this.now();
    const classifyAll = this.options.classifyFlaggedBeats === true;
    for (const beat of output.beats) {
      const classify = classifyAll || !isUnusableBeat(beat.flags);
      this.batch.add({ beat, availableAtMs, classify });
      if (this.batch.isFull) yield* this.classifyWaiting(false);
    }
    if (this.batch.msUntilDue(this.now()) <= 0) yield* this.classifyWaiting(false);
  }

  /** Classifies the waiting beats, one batch, or all of them at the end of the stream. */
  private *classifyWaiting(all: boolean): Generator<BeatStreamEvent> {
    do {
      const taken = this.batch.take();
      if (taken.length === 0) return;
      const predictions = predictBatch(this.options.classifier, taken, this.now);
      this.stats.batches += taken.some((entry) => entry.classify) ? 1 : 0;
      for (const prediction of predictions) {
        this.stats.beats++;
        if (prediction.classified) this.stats.classifiedBeats++;
        this.window.add(prediction);
        yield prediction;
        yield* this.dueSummaries(prediction.rPeakTimeS);
      }
    } while (all || this.batch.isFull);
  }

  private *dueSummaries(timeS: number): Generator<BeatStreamEvent> {
    if (timeS < this.nextSummaryS) return;
    while (this.nextSummaryS <= timeS) this.nextSummaryS += this.summaryIntervalS;
    yield this.window.summarize(false);
  }
}
