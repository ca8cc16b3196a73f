/** @module Parses command-line flags with Node's `util.parseArgs`, as UsageErrors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';

/** The options of one command, in `util.parseArgs` form. */
export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags: strings, string lists and booleans by flag name. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

/**
 * `--epochs -3` as `--epochs=-3`: util.parseArgs reads a value that starts with a dash as a
 * flag, so a negative number would be refused as "ambiguous" rather than as out of range.
 */
function joinNegativeValues(argv: string[], options: FlagSpec): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.startsWith('--') ? argv[i]!.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--${name}=${next}`);
      i++;
    } else {
      joined.push(argv[i]!);
    }
  }
  return joined;
}

/** Parses `argv` strictly against `options`; an unknown flag or a missing value is a UsageError. */
export function parseFlags(command: string, argv: string[], options: FlagSpec): Flags {
  try {
    const args = joinNegativeValues(argv, options);
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.');
    throw new UsageError(`${command}: ${reason} Run \`edge-ecg help\` for the usage.`, {
      cause: error,
    });
  }
}

/** A flag's value as a whole number ≥ `minimum`, or undefined when it was not given. */
export function integerFlag(flags: Flags, name: string, minimum = 1): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < minimum) {
    throw new UsageError(
      `--${name}: expected a whole number ≥ ${minimum}, received "${String(raw)}".`,
    );
  }
  return value;
}

/** A flag's value as a string, or undefined. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const raw = flags[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** A repeatable flag's values (empty when not given). */
export function listFlag(flags: Flags, name: string): string[] {
  const raw = flags[name];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [String(raw)];
}

/** A required string flag. */
export function requiredFlag(flags: Flags, command: string, name: string): string {
  const value = stringFlag(flags, name);
  if (value === undefined) throw new UsageError(`${command}: --${name} is required.`);
  return value;
}
