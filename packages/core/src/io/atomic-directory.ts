/** @module Node only: replaces a directory's contents all at once, never leaving half a write. */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';
import { ModelIoError, reasonOf } from '../errors';

/** One file to write: its name inside the directory and its content. */
export interface DirectoryFile {
  name: string;
  data: Uint8Array | string;
}

/** The parts of `node:fs/promises` the writer uses; tests pass one that fails on purpose. */
export type AtomicFileSystem = Pick<
  typeof nodeFs,
  'mkdir' | 'open' | 'readdir' | 'rename' | 'rm' | 'stat'
>;

/** Random hex characters in temporary sibling names (`<dir>.tmp-<hex>`, `<dir>.old-<hex>`). */
const SUFFIX_BYTES = 6;

/** Writes one file and flushes it to disk before closing it. */
async function writeDurably(fs: AtomicFileSystem, file: string, data: DirectoryFile['data']) {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries; best effort, since some platforms cannot open directories. */
async function syncDirectory(fs: AtomicFileSystem, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/** Whether `dir` exists, after checking that replacing it cannot destroy anything but a model. */
async function checkReplaceable(fs: AtomicFileSystem, dir: string, marker: string) {
  const stats = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats === undefined) return false;
  const entries = stats.isDirectory() ? await fs.readdir(dir) : undefined;
  if (entries !== undefined && (entries.length === 0 || entries.includes(marker))) return true;
  const problem = entries ? `has no ${marker}` : 'is a file';
  throw new ModelIoError(
    dir,
    `${dir} already exists and is not a saved model (it ${problem}); ` +
      'refusing to replace it. Choose a new or empty directory, or remove it first.',
  );
}

/** Moves `staged` to `dir`, setting aside (then deleting) any directory already there. */
async function swapIntoPlace(fs: AtomicFileSystem, staged: string, dir: string, marker: string) {
  const hadPrevious = await checkReplaceable(fs, dir, marker);
  const aside = `${dir}.old-${randomBytes(SUFFIX_BYTES).toString('hex')}`;
  if (hadPrevious) await fs.rename(dir, aside);
  try {
    await fs.rename(staged, dir);
  } catch (error) {
    if (hadPrevious) await fs.rename(aside, dir);
    throw error;
  }
  await syncDirectory(fs, path.dirname(dir));
  if (hadPrevious) await fs.rm(aside, { recursive: true, force: true });
}

async function writeAll(fs: AtomicFileSystem, staged: string, dir: string, files: DirectoryFile[]) {
  for (const file of files) {
    try {
      await writeDurably(fs, path.join(staged, file.name), file.data);
    } catch (error) {
      throw new ModelIoError(
        path.join(dir, file.name),
        `Could not write ${path.join(dir, file.name)} (staged in ${staged}): ${reasonOf(error)}. ` +
          `${dir} was left as it was; free disk space or fix permissions, then save again.`,
        { cause: error },
      );
    }
  }
  await syncDirectory(fs, staged);
}

/**
 * Makes `dir` hold exactly `files`, atomically: they are written and flushed into a fresh sibling
 * `<dir>.tmp-<hex>`, which is then renamed to `dir`. A directory already at `dir` is first renamed
 * to `<dir>.old-<hex>` and deleted after the swap; it is only replaced if it is empty or holds
 * `marker`. A crash leaves either the old or the new contents at `dir` (or, between the two
 * renames, the old ones at `<dir>.old-<hex>`), never a mix.
 *
 * @throws {ModelIoError} naming the file or directory that failed; the temporary one is removed.
 */
export async function writeDirectoryAtomically(
  dir: string,
  files: DirectoryFile[],
  marker: string,
  fs: AtomicFileSystem = nodeFs,
): Promise<void> {
  const target = path.resolve(dir);
  const staged = `${target}.tmp-${randomBytes(SUFFIX_BYTES).toString('hex')}`;
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.mkdir(staged);
  } catch (error) {
    throw new ModelIoError(
      target,
      `Could not create ${staged} to save into ${target}: ${reasonOf(error)}. ` +
        'Check that the parent directory is writable.',
      { cause: error },
    );
  }
  try {
    await writeAll(fs, staged, target, files);
    await swapIntoPlace(fs, staged, target, marker);
  } catch (error) {
    await fs.rm(staged, { recursive: true, force: true });
    if (error instanceof ModelIoError) throw error;
    throw new ModelIoError(
      target,
      `Could not move the saved files into ${target}: ${reasonOf(error)}. ` +
        'Check that the directory and its parent are writable, then save again.',
      { cause: error },
    );
  }
}

/**
 * Checks, before any work is done, that {@link writeDirectoryAtomically} could write `dir`:
 * it is new, empty or holds `marker`, and its parent can be created and written.
 *
 * @throws {ModelIoError} saying what is in the way.
 */
export async function checkWritableTarget(dir: string, marker: string): Promise<void> {
  const target = path.resolve(dir);
  await checkReplaceable(nodeFs, target, marker);
  const parent = path.dirname(target);
  try {
    await nodeFs.mkdir(parent, { recursive: true });
    await nodeFs.access(parent, nodeFs.constants.W_OK);
  } catch (error) {
    throw new ModelIoError(
      target,
      `Cannot save into ${target}: ${reasonOf(error)}. Check that ${parent} is writable.`,
      { cause: error },
    );
  }
}
