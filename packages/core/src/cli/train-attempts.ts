/**
 * @module `edge-ecg train`'s retries of a dead start (see `train/dead-start.ts`): the same
 * spec and data with the next seed, up to `--restarts` times.
 */
import { EcgClassifier } from '../classifier/ecg-classifier';
import type { BeatDataset } from '../data/beat-dataset';
import { classCounts } from '../data/beat-dataset';
import type { SpecOverrides } from '../spec/merge-spec';
import { chanceLoss, DEAD_START_EPOCHS, isDeadStart } from '../train/dead-start';
import type { TrainCallbacks, TrainingHistory } from '../train/train-model';

/** How many times `edge-ecg train` retries a dead start when not told. */
export const DEFAULT_RESTARTS = 5;

/** A run given up as a dead start. */
export interface DeadStart {
  seed: number;
  loss: number;
  chanceLoss: number;
}

/** What the attempts ended with. */
export interface Attempts {
  classifier: EcgClassifier;
  history: TrainingHistory;
  seed: number;
  deadStarts: DeadStart[];
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

async function attempt(options: AttemptOptions, seed: number, last: boolean) {
  const classifier = EcgClassifier.create(withSeed(options.overrides, seed), options.specSource);
  const { epochs, classWeights } = classifier.spec.training;
  const chance = chanceLoss(classCounts(options.train), classWeights);
  const watchdog = new AbortController();
  let dead: DeadStart | undefined;
  const progress = options.callbacks(epochs);
  const callbacks: TrainCallbacks = {
    ...progress,
    signal: watchdog.signal,
    onEpochEnd: async (epoch) => {
      await progress.onEpochEnd?.(epoch);
      if (last || epochs <= DEAD_START_EPOCHS || !isDeadStart(epoch.epoch, epoch.loss, chance))
        return;
      dead = { seed, loss: epoch.loss, chanceLoss: chance };
      watchdog.abort();
    },
  };
  const history = await classifier
    .train(options.train, callbacks, options.source)
    .finally(() => progress.stop());
  return { classifier, history, dead };
}

/**
 * Trains from `seed`; a run still at the chance loss after {@link DEAD_START_EPOCHS} epochs is
 * dropped and the next seed tried, at most `restarts` times. The last attempt always runs to
 * the end. Runs of no more than that many epochs are never judged.
 */
export async function trainWithRestarts(options: AttemptOptions, seed: number): Promise<Attempts> {
  const deadStarts: DeadStart[] = [];
  for (let tries = 0; ; tries++) {
    const last = tries === options.restarts;
    const run = await attempt(options, seed + tries, last);
    if (run.dead === undefined) {
      return { classifier: run.classifier, history: run.history, seed: seed + tries, deadStarts };
    }
    deadStarts.push(run.dead);
    run.classifier.dispose();
  }
}
