/** @module The training progress bar, shown only to a person at a terminal. */
import { SingleBar, Presets } from 'cli-progress';
import type { BatchProgress, EpochProgress, TrainCallbacks } from '../train/train-model';

const FORMAT =
  'epoch {epoch}/{epochs} |{bar}| {percentage}% | ETA {eta_formatted} | ' +
  'loss {loss} | acc {accuracy}';

/** Whether to draw a bar: stdout is a terminal and JSON output was not asked for. */
export function wantsProgressBar(json: boolean): boolean {
  return !json && process.stdout.isTTY === true;
}

/** Training callbacks that draw a bar over all batches of all epochs. */
export function progressBarCallbacks(epochs: number): TrainCallbacks & { stop(): void } {
  const bar = new SingleBar(
    { format: FORMAT, hideCursor: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  let started = false;
  const onBatchEnd = (progress: BatchProgress) => {
    const total = epochs * progress.batches;
    const done = progress.epoch * progress.batches + progress.batch + 1;
    const payload = {
      epoch: progress.epoch + 1,
      epochs,
      loss: progress.loss.toFixed(4),
      accuracy: progress.accuracy.toFixed(3),
    };
    if (!started) bar.start(total, 0, payload);
    started = true;
    bar.update(done, payload);
  };
  const onEpochEnd = (progress: EpochProgress) => {
    bar.update({ loss: progress.loss.toFixed(4), accuracy: progress.accuracy.toFixed(3) });
  };
  return { onBatchEnd, onEpochEnd, stop: () => started && bar.stop() };
}
