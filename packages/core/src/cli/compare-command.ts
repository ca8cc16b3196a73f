/** @module `edge-ecg compare`: the tutorial's "try them and compare", as one command. */
import { compareVariants, type Variant, type VariantResult } from '../compare/compare-variants';
import { parseVariation, varySpec } from '../compare/spec-variations';
import { splitSummary } from '../data/splits';
import { UsageError } from '../errors';
import { DEFAULT_SPEC } from '../spec/default-spec';
import { mergeSpec } from '../spec/merge-spec';
import { TRAINING_DEFAULTS } from '../spec/spec-defaults';
import { listFlag, parseFlags, stringFlag, type FlagSpec } from './cli-args';
import type { CommandOutput } from './command-output';
import { loadTrainTestSplit } from './load-data';
import { rawSpecFromFlags, seedOf, withOverrides } from './spec-flags';
import { startBackend } from './start-backend';
import { TRAIN_FLAGS } from './train-command';

/** The flags of `edge-ecg compare`: those of `train` but `--out`, plus `--vary`. */
export const COMPARE_FLAGS: FlagSpec = {
  ...Object.fromEntries(Object.entries(TRAIN_FLAGS).filter(([name]) => name !== 'out')),
  vary: { type: 'string', multiple: true },
};

function format(value: number | null, digits = 4): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function table(results: VariantResult[], baselineAccuracy: number): string {
  const baselineLabel = 'majority baseline';
  const width = Math.max(baselineLabel.length, ...results.map((r) => r.name.length));
  const header = `${'variant'.padEnd(width)}  accuracy  macro F1  ROC AUC  params  s/epoch`;
  const rows = results.map((r) =>
    r.error !== null
      ? `${r.name.padEnd(width)}  cannot work: ${r.error.split('\n')[0]}`
      : [
          r.name.padEnd(width),
          format(r.accuracy).padStart(8),
          format(r.macroF1).padStart(8),
          format(r.rocAuc).padStart(7),
          String(r.parameters).padStart(6),
          format(r.secondsPerEpoch, 2).padStart(7),
          ...(r.atChance ? ['at chance'] : []),
          ...(r.trainingPath?.kind === 'tfjs-layers' ? ['tfjs-layers steps'] : []),
        ].join('  '),
  );
  return [
    header,
    ...rows,
    `${baselineLabel.padEnd(width)}  ${format(baselineAccuracy).padStart(8)}`,
    ...notes(results),
  ].join('\n');
}

/** What the marks after the rows mean. */
function notes(results: VariantResult[]): string[] {
  const lines: string[] = [];
  if (results.some((r) => r.atChance)) {
    lines.push(
      '',
      'at chance: the training loss never left the chance level (a dead start), so the',
      'comparison says nothing about those variants. Try other --seed values or a lower',
      'learning rate.',
    );
  }
  const layers = results.filter((r) => r.trainingPath?.kind === 'tfjs-layers');
  if (layers.length > 0) {
    lines.push(
      '',
      "tfjs-layers steps: trained through tfjs-layers' gradients, more slowly, because",
    );
    for (const r of layers) {
      if (r.trainingPath?.kind === 'tfjs-layers')
        lines.push(`  ${r.name}: ${r.trainingPath.reason}`);
    }
  }
  return lines;
}

/** Runs `edge-ecg compare` and returns what to print. */
export async function compareCommand(argv: string[]): Promise<CommandOutput> {
  const flags = parseFlags('compare', argv, COMPARE_FLAGS);
  const variations = listFlag(flags, 'vary').map(parseVariation);
  if (variations.length === 0) {
    throw new UsageError(
      'compare: pass at least one --vary KNOB=V1,V2 (e.g. --vary activation=relu,leakyRelu).',
    );
  }
  const raw = await rawSpecFromFlags(flags);
  const seed = seedOf(raw, flags) ?? TRAINING_DEFAULTS.seed;
  const backend = await startBackend();
  const split = await loadTrainTestSplit(flags, seed);
  const base = mergeSpec(DEFAULT_SPEC, withOverrides(raw, flags, split.train), {
    source: stringFlag(flags, 'spec') ?? 'spec',
  });
  const variants: Variant[] = [
    { name: 'base spec', spec: base },
    ...variations.flatMap(({ knob, values }) =>
      values.map((value) => ({ name: `${knob}=${value}`, spec: varySpec(base, knob, value) })),
    ),
  ];
  const results = await compareVariants(variants, split.train, split.test);
  const summary = splitSummary(split);
  const result = {
    command: 'compare',
    backend: backend.backend,
    wasmBinary: backend.wasmBinary,
    data: {
      source: split.source,
      synthetic: split.synthetic,
      train: summary.train,
      test: summary.test,
    },
    baselineAccuracy: summary.baseline.accuracy,
    variants: results,
  };
  const text =
    `Data: ${split.source}; test beats ${summary.test.beats}, seed ${seed}\n\n` +
    table(results, summary.baseline.accuracy);
  return { json: flags['json'] === true, text, result };
}
