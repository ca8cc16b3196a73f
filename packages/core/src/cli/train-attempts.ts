/**
 * @module `edge-ecg train`'s retries of a dead start (see `train/dead-start.ts`): the same
 * spec and data with the next seed, up to `--restarts` times.
 */
import { EcgClassifier } from '../classifier/ecg-classifier';
import type { BeatDataset } from '../data/beat-dataset';
import { classCounts } from '../data/beat-dataset';
import type { SpecOverrides } from '../spec/merge-spec';
import { chanceLoss, isDeadStart, isWatchedEpoch, judgingEpoch } from '../train/dead-start';
import type { TrainCallbacks, TrainingHistory } from '../train/train-model';

/** How many times `edge-ecg train` retries a dead start when not told. */
export const DEFAULT_RESTARTS = 5;

/** A run at the chance loss at its judging epoch or a later one. */
export interface DeadStart {
  seed: number;
  /** Epochs it had run when it was found at the chance loss. */
  epochs: number;
  loss: number;
  chanceLoss: number;
  durationMs: number;
}

/** What the attempts ended with. */
export interface Attempts {
  classifier: EcgClassifier;
  history: TrainingHistory;
  seed: number;
  /** The runs given up, in order. */
  deadStarts: DeadStart[];
  /** Set when the last try, which always runs to the end, was at the chance loss too. */
  lastDeadStart: DeadStart | undefined;
}

/** What each attempt needs. */
export interface AttemptOptions {
  overrides: SpecOverrides;
  specSource: string | undefined;
  train: BeatDataset;
  source: string;
  restarts: number;
  /** Fresh progress callbacks for one attempt (a progress bar each). */
  callbacks: (epochs: number) => TrainCallbacks & { stop(): void };
}

function withSeed(overrides: SpecOverrides, seed: number): SpecOverrides {
  return { ...overrides, training: { ...overrides.training, seed } };
}

function stepsPerEpoch(train: BeatDataset, classifier: EcgClassifier): number {
  const { validationSplit, batchSize } = classifier.spec.training;
  const trainBeats = train.labels.length - Math.floor(train.labels.length * validationSplit);
  return Math.ceil(trainBeats / batchSize);
}

async function attempt(options: AttemptOptions, seed: number, last: boolean) {
  const classifier = EcgClassifier.create(withSeed(options.overrides, seed), options.specSource);
  const { epochs, classWeights } = classifier.spec.training;
  const chance = chanceLoss(classCounts(options.train), classWeights);
  const judging = judgingEpoch(stepsPerEpoch(options.train, classifier));
  const watchdog = new AbortController();
  const started = Date.now();
  let dead: DeadStart | undefined;
  const progress = options.callbacks(epochs);
  const callbacks: TrainCallbacks = {
    ...progress,
    signal: watchdog.signal,
    onEpochEnd: async (epoch) => {
      await progress.onEpochEnd?.(epoch);
      const watched = dead === undefined && isWatchedEpoch(epoch.epoch, judging, epochs);
      if (!watched || !isDeadStart(epoch.loss, chance)) return;
      const durationMs = Date.now() - started;
      dead = { seed, epochs: epoch.epoch + 1, loss: epoch.loss, chanceLoss: chance, durationMs };
      if (!last) watchdog.abort();
    },
  };
  const history = await classifier
    .train(options.train, callbacks, options.source)
    .finally(() => progress.stop());
  return { classifier, history, dead };
}

/**
 * Trains from `seed`. A run at the chance loss at its judging epoch (after 5 epochs and at
 * least 150 steps, see `judgingEpoch`) or at any later epoch before its last is dropped and
 * the next seed tried, at most `restarts` times: at the recipe's learning rate some runs leave
 * the chance level for an epoch or two and fall back to it. The last try always runs to the
 * end; `lastDeadStart` says if it was found dead too. Runs too short to be judged before their
 * last epoch are never judged.
 */
export async function trainWithRestarts(options: AttemptOptions, seed: number): Promise<Attempts> {
  const deadStarts: DeadStart[] = [];
  for (let tries = 0; ; tries++) {
    const last = tries === options.restarts;
    const run = await attempt(options, seed + tries, last);
    if (run.dead === undefined || last) {
      const { classifier, history } = run;
      return { classifier, history, seed: seed + tries, deadStarts, lastDeadStart: run.dead };
    }
    deadStarts.push(run.dead);
    run.classifier.dispose();
  }
}
