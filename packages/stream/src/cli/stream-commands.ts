/** @module The commands `@edge-ecg/stream` adds to the `edge-ecg` CLI, by name. */
import type { CommandOutput } from '@edge-ecg/core/node';
import { beatsCommand } from './beats-command';
import { detectCommand } from './detect-command';
import { streamCommand } from './stream-command';

/** `detect`, `beats` and `stream`, as core's CLI runs them (see core's `StreamPlugin`). */
export const streamCommands: Record<string, (argv: string[]) => Promise<CommandOutput>> = {
  detect: detectCommand,
  beats: beatsCommand,
  stream: (argv) => streamCommand(argv),
};
