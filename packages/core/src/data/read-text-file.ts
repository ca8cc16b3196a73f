/** @module Node only: a file read as a stream of byte chunks, for the streaming parsers. */
import { createReadStream } from 'node:fs';
import { DataError } from '../errors';

/** Bytes per chunk read from disk. */
export const DEFAULT_READ_CHUNK_BYTES = 1024 * 1024;

/** Options of {@link readFileChunks}. */
export interface ReadFileChunksOptions {
  /**
   * Bytes per chunk.
   *
   * @defaultValue {@link DEFAULT_READ_CHUNK_BYTES}
   */
  chunkBytes?: number;
}

/**
 * The bytes of the file at `path`, in chunks, read only as they are consumed. The file is
 * opened on the first read and closed when the consumer stops, even part way.
 *
 * @throws {DataError} (on iteration) if the file is missing, a directory, or unreadable.
 */
export async function* readFileChunks(
  path: string,
  options: ReadFileChunksOptions = {},
): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, {
    highWaterMark: options.chunkBytes ?? DEFAULT_READ_CHUNK_BYTES,
  });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw readError(path, error);
  } finally {
    stream.destroy();
  }
}

/** What was found instead of a readable file, and what to do, by Node error code. */
const READ_PROBLEMS: Record<string, { found: string; advice: string }> = {
  ENOENT: {
    found: 'no file at that path',
    advice: 'Check the path; a relative path starts from the current directory.',
  },
  EISDIR: { found: 'a directory', advice: 'Pass the path of a file inside it.' },
  EACCES: {
    found: 'a file without read permission',
    advice: 'Grant read access to the file, or load a readable copy.',
  },
};

function readError(path: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
  const problem = READ_PROBLEMS[code] ?? {
    found: `a read failure (${error instanceof Error ? error.message : String(error)})`,
    advice: 'Check that the file is readable and try again.',
  };
  const message = `${path}: expected a readable file, found ${problem.found}. ${problem.advice}`;
  return new DataError({ file: path }, message, { cause: error });
}
