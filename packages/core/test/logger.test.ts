import { withQuietConsole } from '../src/logger';

describe('withQuietConsole', () => {
  it('sends console.warn to the logger at debug level and restores the console', () => {
    const original = console.warn;
    const debug: string[] = [];
    const logger = {
      debug: (m: () => string) => void debug.push(m()),
      info() {},
      warn() {},
      error() {},
    };
    const result = withQuietConsole(() => {
      console.warn('Orthogonal initializer is being called', 4096);
      return 7;
    }, logger);
    expect(result).toBe(7);
    expect(debug).toEqual(['Orthogonal initializer is being called 4096']);
    expect(console.warn).toBe(original);
  });
});
