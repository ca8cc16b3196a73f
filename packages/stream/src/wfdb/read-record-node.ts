/** @module Node only: reading a WFDB record (header and signal files) from disk. */
import { dataProblem } from './data-problem';
import { decodeWfdbSignals, type DecodeWfdbSignalsOptions } from './decode-signals';
import { parseWfdbHeader } from './parse-header';
import type { WfdbRecord } from './record-types';
import { layoutSignalFiles } from './signal-file-layout';
import { resolveLeads } from './select-leads';

/** Options of {@link readWfdbRecord}. */
export type ReadWfdbRecordOptions = DecodeWfdbSignalsOptions;

/**
 * Reads a record: `<path>.hea` and the signal files it names (from the header's folder),
 * decoded to physical units. Only the files holding the selected leads are read.
 *
 * @param recordPath the record's path without extension, such as `mitdb/101` (a trailing
 *   `.hea` is accepted too).
 * @throws DataError when a file cannot be read or holds bad data (see {@link decodeWfdbSignals}).
 * @throws UsageError when a lead matches no signal.
 */
export async function readWfdbRecord(
  recordPath: string,
  options: ReadWfdbRecordOptions = {},
): Promise<WfdbRecord> {
  const { readFile } = await import('node:fs/promises');
  const { dirname, join } = await import('node:path');
  const headerPath = recordPath.endsWith('.hea') ? recordPath : `${recordPath}.hea`;
  const headerBytes = await readOrThrow(readFile, headerPath, 'a WFDB header file');
  const header = parseWfdbHeader(new TextDecoder().decode(headerBytes), { file: headerPath });
  const selected = new Set(resolveLeads(header, options.leads));
  const files = new Map<string, Uint8Array>();
  for (const layout of layoutSignalFiles(header)) {
    if (!layout.members.some((member) => selected.has(member.index))) continue;
    const path = join(dirname(headerPath), layout.fileName);
    files.set(layout.fileName, await readOrThrow(readFile, path, 'the signal file it names'));
  }
  return decodeWfdbSignals(header, files, options);
}

type ReadFile = (path: string) => Promise<Uint8Array>;

/** Reads a whole file, turning a file-system error into a DataError that names the file. */
export async function readOrThrow(readFile: ReadFile, path: string, what: string) {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw dataProblem(
      { file: path },
      `${what} at this path`,
      code === 'ENOENT' ? 'no such file' : `an error reading it (${String(code ?? error)})`,
      'Check the path, and that the record was downloaded completely.',
      { cause: error },
    );
  }
}
