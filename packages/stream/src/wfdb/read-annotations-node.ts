/** @module Node only: reading a WFDB annotation file from disk. */
import { parseWfdbAnnotations, type WfdbAnnotation } from './parse-annotations';
import { readOrThrow } from './read-record-node';

/**
 * Reads and decodes an MIT-format annotation file.
 *
 * @param annotationPath the file's full path, such as `mitdb/101.atr`.
 * @throws DataError when the file cannot be read or is malformed.
 */
export async function readWfdbAnnotations(annotationPath: string): Promise<WfdbAnnotation[]> {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readOrThrow(readFile, annotationPath, 'an annotation file');
  return parseWfdbAnnotations(bytes, { file: annotationPath });
}
