/** @module An injectable logger with levels; silent below `warn` by default. */
/* eslint-disable no-console -- the logger is the one module that may use the console. */

/** Log levels, from the most to the least verbose. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What the SDK needs of a logger. Messages are functions, so unused ones cost nothing. */
export interface Logger {
  debug(message: () => string): void;
  info(message: () => string): void;
  warn(message: () => string): void;
  error(message: () => string): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** The level of the default logger. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';

/** Writes the messages at or above `level` to the console's matching method. */
export function createConsoleLogger(level: LogLevel = DEFAULT_LOG_LEVEL): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: () => string) => {
    if (LEVEL_ORDER[at] < LEVEL_ORDER[level]) return;
    console[at](`[edge-ecg] ${message()}`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createConsoleLogger('silent');

/**
 * Runs synchronous `work` with `console.warn` and `console.log` sent to `logger.debug`.
 *
 * tfjs-layers warns on the console when its orthogonal initializer meets a matrix of more than
 * 2,000 elements (an LSTM of 23 units or more); the SDK builds models inside this so that such
 * messages go to its logger instead. The swap lasts one synchronous call only.
 */
export function withQuietConsole<T>(work: () => T, logger: Logger = silentLogger): T {
  const original = { warn: console.warn, log: console.log };
  const forward = (...args: unknown[]) => logger.debug(() => args.map(String).join(' '));
  console.warn = forward;
  console.log = forward;
  try {
    return work();
  } finally {
    console.warn = original.warn;
    console.log = original.log;
  }
}
