/** @module Reads `--spec` and applies the flags that override parts of it. */
import { readFile } from 'node:fs/promises';
import { DataError } from '../errors';
import { locateJsonError } from '../io/json-position';
import type { BeatDataset } from '../data/beat-dataset';
import type { SpecOverrides } from '../spec/merge-spec';
import { integerFlag, stringFlag, type Flags } from './cli-args';

type RawSpec = Record<string, unknown>;

function parseSpecJson(text: string, path: string): unknown {
  if (text.trim() === '') {
    throw new DataError(
      { file: path },
      `${path}: the spec file is empty. Write a JSON object such as ` +
        '{ "training": { "epochs": 10 } }, or leave --spec out for the reference recipe.',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column } = locateJsonError(text) ?? { line: 1, column: 1 };
    throw new DataError(
      { file: path, line, column },
      `${path}:${line}:${column}: the spec file is not valid JSON from here on. ` +
        'Fix the JSON there (a missing comma or quote, a trailing comma, a comment).',
      { cause: error },
    );
  }
}

async function readSpecFile(path: string): Promise<RawSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DataError(
      { file: path },
      `${path}: cannot read the spec file (${(error as Error).message}).`,
      { cause: error },
    );
  }
  const value = parseSpecJson(text, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'an array' : typeof value;
    throw new DataError(
      { file: path },
      `${path}: expected a JSON object (a model spec), found ${found}.`,
    );
  }
  return value as RawSpec;
}

/** The seed the flags ask for, or the spec file's, or undefined for the default. */
export function seedOf(raw: RawSpec, flags: Flags): number | undefined {
  const training = raw['training'] as Record<string, unknown> | undefined;
  return (
    integerFlag(flags, 'seed', 0) ??
    (typeof training?.['seed'] === 'number' ? training['seed'] : undefined)
  );
}

/** The raw spec of `--spec` (or an empty one), before the data is known. */
export async function rawSpecFromFlags(flags: Flags): Promise<RawSpec> {
  const path = stringFlag(flags, 'spec');
  return path === undefined ? {} : readSpecFile(path);
}

/**
 * The raw spec with the flag overrides, and with the data's classes and beat length where the
 * spec leaves them out; merged over the reference recipe and validated by `EcgClassifier.create`.
 */
export function withOverrides(raw: RawSpec, flags: Flags, data: BeatDataset): SpecOverrides {
  const training = { ...(raw['training'] as RawSpec | undefined) };
  const epochs = integerFlag(flags, 'epochs');
  const seed = seedOf(raw, flags);
  if (epochs !== undefined) training['epochs'] = epochs;
  if (seed !== undefined) training['seed'] = seed;
  const input = { length: data.beatLength, ...(raw['input'] as RawSpec | undefined) };
  return { ...raw, input, classes: raw['classes'] ?? data.classNames, training } as SpecOverrides;
}
