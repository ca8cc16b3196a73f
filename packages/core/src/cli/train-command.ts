/** @module `edge-ecg train`: trains a classifier, evaluates it on held-out beats, saves it. */
import { startBackend } from './start-backend';
import { saveClassifier } from '../classifier/classifier-store';
import { checkModelDirectoryTarget } from '../io/model-directory';
import { splitSummary } from '../data/splits';
import { formatReport } from '../evaluate/format-report';
import { classCounts } from '../data/beat-dataset';
import { endsAtChance, type EndAtChance } from '../train/dead-start';
import type { TrainingPath } from '../train/step-runner';
import type { TrainCallbacks } from '../train/train-model';
import { integerFlag, parseFlags, stringFlag, type FlagSpec } from './cli-args';
import { loadTrainTestSplit } from './load-data';
import { progressBarCallbacks, wantsProgressBar } from './progress-bar';
import { rawSpecFromFlags, seedOf, withOverrides } from './spec-flags';
import { TRAINING_DEFAULTS } from '../spec/spec-defaults';
import type { CommandOutput } from './command-output';
import { type Attempts, DEFAULT_RESTARTS, trainWithRestarts } from './train-attempts';

function lossAgainstChance(loss: number, chance: number): string {
  return `${loss.toFixed(3)}, above 98 % of the chance loss ${chance.toFixed(3)}`;
}

function deadStartLines(
  attempts: Omit<Attempts, 'classifier' | 'history'>,
  dataSeed: number,
  atChance: EndAtChance | undefined,
) {
  const { deadStarts, lastDeadStart, seed } = attempts;
  const lines = deadStarts.map(
    (dead) =>
      `Restarted: seed ${dead.seed} was at the chance level (${lossAgainstChance(dead.loss, dead.chanceLoss)}) ` +
      `after ${dead.epochs} epochs; the next seed was tried.`,
  );
  if (lastDeadStart !== undefined) {
    lines.push(
      `Seed ${seed}, the last try, was at the chance level too after ${lastDeadStart.epochs} ` +
        'epochs; it trained to the end.',
    );
  } else if (atChance !== undefined) {
    lines.push(
      `Seed ${seed} ran to the end, but its last training loss is at the chance level ` +
        `(${lossAgainstChance(atChance.loss, atChance.chanceLoss)}): the model predicts one class.`,
    );
  } else if (deadStarts.length > 0) {
    lines.push(`Seed ${seed} trained.`);
  }
  if (lastDeadStart !== undefined || atChance !== undefined) {
    lines.push(
      'Train longer, try more --restarts or other --seed values, or a lower learning rate ' +
        '(training.optimizer.learningRate in a --spec file).',
    );
  }
  if (deadStarts.length > 0) {
    lines.push(`To train it again: --seed ${seed} --data-seed ${dataSeed} --restarts 0`);
  }
  return lines;
}

/** The flags of `edge-ecg train`. */
export const TRAIN_FLAGS: FlagSpec = {
  normal: { type: 'string' },
  abnormal: { type: 'string' },
  csv: { type: 'string', multiple: true },
  records: { type: 'string', multiple: true },
  'test-records': { type: 'string', multiple: true },
  labels: { type: 'string' },
  spec: { type: 'string' },
  'train-per-class': { type: 'string' },
  'test-per-class': { type: 'string' },
  epochs: { type: 'string' },
  seed: { type: 'string' },
  'data-seed': { type: 'string' },
  restarts: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
};

function callbacksFor(json: boolean, epochs: number): TrainCallbacks & { stop(): void } {
  if (wantsProgressBar(json)) return progressBarCallbacks(epochs);
  return { stop: () => undefined };
}

/** Which code took the training steps, in words. */
function trainingPathLine(path: TrainingPath): string {
  if (path.kind === 'own-kernels') return "Training steps: the SDK's own WASM kernels";
  return `Training steps: tfjs-layers' gradients (${path.reason})`;
}

/** Runs `edge-ecg train` and returns what to print. */
export async function trainCommand(argv: string[]): Promise<CommandOutput> {
  const flags = parseFlags('train', argv, TRAIN_FLAGS);
  const json = flags['json'] === true;
  const raw = await rawSpecFromFlags(flags);
  const seed = seedOf(raw, flags) ?? TRAINING_DEFAULTS.seed;
  const out = stringFlag(flags, 'out');
  if (out !== undefined) await checkModelDirectoryTarget(out);
  const backend = await startBackend();
  const dataSeed = integerFlag(flags, 'data-seed', 0) ?? seed;
  const split = await loadTrainTestSplit(flags, dataSeed);
  const { classifier, history, ...attempts } = await trainWithRestarts(
    {
      overrides: withOverrides(raw, flags, split.train),
      specSource: stringFlag(flags, 'spec'),
      train: split.train,
      source: split.source,
      restarts: integerFlag(flags, 'restarts', 0) ?? DEFAULT_RESTARTS,
      callbacks: (epochs) => callbacksFor(json, epochs),
    },
    seed,
  );
  const report = classifier.evaluate(split.test);
  const { classWeights } = classifier.spec.training;
  const atChance = endsAtChance(history.epochs, classCounts(split.train), classWeights);
  if (out !== undefined) await saveClassifier(classifier, out);
  classifier.dispose();
  const trainSeconds = history.durationMs / 1000;
  const deadStartSeconds =
    attempts.deadStarts.reduce((sum, dead) => sum + dead.durationMs, 0) / 1000;
  const summary = splitSummary(split);
  const result = {
    command: 'train',
    backend: backend.backend,
    wasmBinary: backend.wasmBinary,
    threads: backend.threads,
    data: {
      source: split.source,
      synthetic: split.synthetic,
      train: summary.train,
      test: summary.test,
      ...split.details,
    },
    ...report,
    seed: attempts.seed,
    dataSeed,
    deadStarts: attempts.deadStarts,
    lastDeadStart: attempts.lastDeadStart ?? null,
    atChance: atChance !== undefined,
    deadStartSeconds,
    epochs: history.epochs.length,
    trainingPath: history.trainingPath,
    stoppedEarly: history.stoppedEarly,
    trainSeconds,
    secondsPerEpoch: trainSeconds / Math.max(1, history.epochs.length),
    history: history.epochs,
    modelDir: out ?? null,
  };
  const threads = `${backend.threads} thread${backend.threads === 1 ? '' : 's'}`;
  const stoppedEarly = history.stoppedEarly ? ', stopped early' : '';
  const lines = [
    `Backend: ${backend.backend} (${backend.wasmBinary}, ${threads})`,
    `Data: ${split.source}${split.synthetic ? ', made by edge-ecg' : ''}`,
    `Train: ${summary.train.beats} beats ${JSON.stringify(summary.train.classCounts)}; ` +
      `test: ${summary.test.beats} beats ${JSON.stringify(summary.test.classCounts)}`,
    ...deadStartLines(attempts, dataSeed, atChance),
    `Trained ${history.epochs.length} epoch${history.epochs.length === 1 ? '' : 's'} in ` +
      `${trainSeconds.toFixed(1)} s ` +
      `(${result.secondsPerEpoch.toFixed(2)} s/epoch)${stoppedEarly}` +
      (deadStartSeconds > 0 ? `, after ${deadStartSeconds.toFixed(1)} s of dead starts` : ''),
    trainingPathLine(history.trainingPath),
    '',
    formatReport(report),
    ...(out === undefined ? [] : ['', `Saved the model to ${out}`]),
  ];
  return { json, text: lines.join('\n'), result };
}
