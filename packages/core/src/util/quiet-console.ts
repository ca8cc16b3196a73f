/**
 * @module Keeps tfjs's own console chatter out of a silent library.
 *
 * tfjs-layers warns on the console when its orthogonal initializer meets a matrix of more than
 * 2,000 elements (an LSTM of 23 units or more). The SDK knows and accepts that cost, so such
 * messages go to the SDK's logger at debug level instead, around one synchronous call.
 */
/* eslint-disable no-console -- this module exists to redirect tfjs's console messages. */
import { silentLogger, type Logger } from '../logger';

/** Runs synchronous `work` with `console.warn` and `console.log` sent to `logger.debug`. */
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
