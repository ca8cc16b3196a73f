/** @module Dispatches `edge-ecg <command>` and maps errors to exit codes. */
import { EdgeEcgError } from '../errors';
import type { CommandOutput } from './command-output';
import { compareCommand } from './compare-command';
import { evaluateCommand } from './evaluate-command';
import { predictCommand } from './predict-command';
import { trainCommand } from './train-command';
import { loadStreamPlugin, STREAM_COMMANDS } from './stream-plugin';
import { USAGE } from './usage';

/** Exit codes: success, a failure of the SDK or the machine, bad usage or bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

const COMMANDS: Record<string, (argv: string[]) => Promise<CommandOutput>> = {
  train: trainCommand,
  evaluate: evaluateCommand,
  predict: predictCommand,
  compare: compareCommand,
};

function print(output: CommandOutput): void {
  const line = output.json ? JSON.stringify(output.result) : output.text;
  process.stdout.write(`${line}\n`);
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(`edge-ecg: name a command.\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  const isStreamCommand = (STREAM_COMMANDS as readonly string[]).includes(command);
  if (COMMANDS[command] === undefined && !isStreamCommand) {
    process.stderr.write(`edge-ecg: unknown command "${command}".\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    const run = COMMANDS[command] ?? (await loadStreamPlugin()).streamCommands[command]!;
    print(await run(rest));
    return EXIT_OK;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof EdgeEcgError && error.code !== 'BACKEND_UNAVAILABLE') {
    process.stderr.write(`edge-ecg: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`edge-ecg: ${text}\n`);
  return EXIT_FAILURE;
}
