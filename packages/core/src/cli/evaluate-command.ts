/** @module `edge-ecg evaluate`: scores a saved classifier on labelled beats. */
import { startBackend } from './start-backend';
import { loadClassifier } from '../classifier/classifier-store';
import { formatReport } from '../evaluate/format-report';
import { UsageError } from '../errors';
import { listFlag, parseFlags, requiredFlag, stringFlag, type FlagSpec } from './cli-args';
import type { CommandOutput } from './command-output';
import { loadLabelledData } from './load-data';

/** The flags of `edge-ecg evaluate`. */
export const EVALUATE_FLAGS: FlagSpec = {
  model: { type: 'string' },
  normal: { type: 'string' },
  abnormal: { type: 'string' },
  csv: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
};

/** Runs `edge-ecg evaluate` and returns what to print. */
export async function evaluateCommand(argv: string[]): Promise<CommandOutput> {
  const flags = parseFlags('evaluate', argv, EVALUATE_FLAGS);
  const dir = requiredFlag(flags, 'evaluate', 'model');
  if (listFlag(flags, 'csv').length === 0 && stringFlag(flags, 'normal') === undefined) {
    throw new UsageError(
      'evaluate: pass the beats to score with --csv F (repeat it for more files) or ' +
        '--normal F --abnormal F.',
    );
  }
  const backend = await startBackend();
  const classifier = await loadClassifier(dir);
  const { dataset, source } = await loadLabelledData(flags, 0, 0, classifier.classNames);
  const report = classifier.evaluate(dataset);
  classifier.dispose();
  const result = {
    command: 'evaluate',
    backend: backend.backend,
    wasmBinary: backend.wasmBinary,
    model: dir,
    source,
    ...report,
  };
  return {
    json: flags['json'] === true,
    text: `Model: ${dir}\nData: ${source}\n\n${formatReport(report)}`,
    result,
  };
}
