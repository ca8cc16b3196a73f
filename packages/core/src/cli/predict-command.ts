/** @module `edge-ecg predict`: classifies the beats of a Kaggle-format CSV. */
import { startBackend } from './start-backend';
import { loadClassifier } from '../classifier/classifier-store';
import { loadKaggleCsv } from '../data/load-kaggle-csv';
import { UsageError } from '../errors';
import { parseFlags, requiredFlag, type FlagSpec } from './cli-args';
import type { CommandOutput } from './command-output';

/** The flags of `edge-ecg predict`. */
export const PREDICT_FLAGS: FlagSpec = {
  model: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'boolean', default: false },
};

/** Runs `edge-ecg predict` and returns what to print: one line per beat. */
export async function predictCommand(argv: string[]): Promise<CommandOutput> {
  const flags = parseFlags('predict', argv, PREDICT_FLAGS);
  const dir = requiredFlag(flags, 'predict', 'model');
  const file = requiredFlag(flags, 'predict', 'csv');
  await startBackend();
  const classifier = await loadClassifier(dir);
  // TODO(#2): accept rows without the label column; today the Kaggle loader requires one.
  const { dataset } = await loadKaggleCsv(file, { classNames: classifier.classNames });
  if (dataset.beatLength !== classifier.spec.input.length) {
    throw new UsageError(
      `${file}: rows have ${dataset.beatLength + 1} fields, but the model takes ` +
        `${classifier.spec.input.length} samples plus a label column (use 0 where it is unknown).`,
    );
  }
  const { probabilities, classIndices, classNames } = classifier.predict(dataset);
  classifier.dispose();
  const k = classNames.length;
  const predictions = Array.from(classIndices, (classIndex, row) => ({
    row: row + 1,
    className: classNames[classIndex]!,
    probabilities: Array.from(probabilities.subarray(row * k, (row + 1) * k)),
  }));
  const counts = classNames.map((_, c) => classIndices.filter((i) => i === c).length);
  const text = predictions
    .map((p) => `${p.row}\t${p.className}\t${p.probabilities.map((v) => v.toFixed(4)).join('\t')}`)
    .join('\n');
  const result = { command: 'predict', model: dir, file, classNames, counts, predictions };
  return {
    json: flags['json'] === true,
    text: `row\tclass\t${classNames.join('\t')}\n${text}`,
    result,
  };
}
