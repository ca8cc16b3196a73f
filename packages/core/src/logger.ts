/** @module An injectable logger with levels; silent below `warn` by default. */

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
    // The console logger is the one place the library may write to the console.
    // eslint-disable-next-line no-console
    console[at](`[edge-ecg] ${message()}`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createConsoleLogger('silent');
