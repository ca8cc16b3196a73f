import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../../src/backend/init-backend';
import { ModelIoError } from '../../src/errors';
import { writeDirectoryAtomically, type AtomicFileSystem } from '../../src/io/atomic-directory';
import {
  loadModelFromDirectory,
  modelDirectoryFiles,
  saveModelToDirectory,
} from '../../src/io/model-directory';
import { buildSmallModel, fixtureManifest, predictFixture } from './small-model';

let root: string;

beforeAll(async () => {
  await initBackend();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'edge-ecg-atomic-'));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The real file system, except that `fail` decides which calls throw instead. */
function failingFileSystem(fail: (call: string, target: string) => boolean): AtomicFileSystem {
  const crash = (call: string, target: string) => {
    if (fail(call, target)) throw new Error(`simulated crash in ${call}(${path.basename(target)})`);
  };
  return {
    ...fs,
    open: (async (file: string, flags?: string) => {
      const handle = await fs.open(file, flags);
      if (!fail('write', file)) return handle;
      return {
        ...handle,
        sync: handle.sync.bind(handle),
        close: handle.close.bind(handle),
        writeFile: async () => crash('write', file),
      };
    }) as AtomicFileSystem['open'],
    rename: (async (from: string, to: string) => {
      crash('rename', from);
      await fs.rename(from, to);
    }) as AtomicFileSystem['rename'],
  };
}

async function savedPair(name: string) {
  const dir = path.join(root, name, 'model');
  const previous = buildSmallModel();
  await saveModelToDirectory(dir, previous, fixtureManifest());
  const files = await modelDirectoryFiles(dir, buildSmallModel(), fixtureManifest());
  return { dir, previous, files };
}

describe('writeDirectoryAtomically', () => {
  describe('when a write crashes halfway through a save', () => {
    it('keeps the previous model intact and removes the temporary directory', async () => {
      const { dir, previous, files } = await savedPair('crash-write');
      const crashing = failingFileSystem(
        (call, file) => call === 'write' && file.endsWith('weights.bin'),
      );
      const weightsFile = path.join(dir, 'weights.bin');
      const error = await writeDirectoryAtomically(dir, files, 'manifest.json', crashing).catch(
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ModelIoError);
      expect((error as ModelIoError).file).toBe(weightsFile);
      expect((error as ModelIoError).message).toMatch(
        new RegExp(
          `^Could not write ${weightsFile} \\(staged in ${dir}\\.tmp-[0-9a-f]{12}\\): ` +
            `simulated crash in write\\(weights\\.bin\\)\\. ${dir} was left as it was; ` +
            'free disk space or fix permissions, then save again\\.$',
        ),
      );
      const loaded = await loadModelFromDirectory(dir);
      expect(predictFixture(loaded.model)).toEqual(predictFixture(previous));
      expect(await fs.readdir(path.dirname(dir))).toEqual(['model']);
    });
  });

  describe('when moving the new files into place fails', () => {
    it('puts the previous model back and removes the temporary directory', async () => {
      const { dir, previous, files } = await savedPair('crash-rename');
      const crashing = failingFileSystem(
        (call, from) => call === 'rename' && from.includes('.tmp-'),
      );
      await expect(writeDirectoryAtomically(dir, files, 'manifest.json', crashing)).rejects.toThrow(
        `Could not move the saved files into ${dir}: simulated crash in rename(`,
      );
      const loaded = await loadModelFromDirectory(dir);
      expect(predictFixture(loaded.model)).toEqual(predictFixture(previous));
      expect(await fs.readdir(path.dirname(dir))).toEqual(['model']);
    });
  });

  describe('when the target is a file', () => {
    it('refuses to replace it', async () => {
      const file = path.join(root, 'plain-file');
      await fs.writeFile(file, 'data');
      await expect(
        writeDirectoryAtomically(file, [{ name: 'a.txt', data: 'a' }], 'manifest.json'),
      ).rejects.toThrow(
        `${file} already exists and is not a saved model (it is a file); refusing to replace ` +
          'it. Choose a new or empty directory, or remove it first.',
      );
      expect(await fs.readFile(file, 'utf8')).toBe('data');
      expect(await fs.readdir(root)).not.toContainEqual(expect.stringMatching(/^plain-file\./));
    });
  });

  describe('when the target is an empty directory', () => {
    it('fills it', async () => {
      const dir = path.join(root, 'empty');
      await fs.mkdir(dir);
      await writeDirectoryAtomically(dir, [{ name: 'a.txt', data: 'a' }], 'manifest.json');
      expect(await fs.readdir(dir)).toEqual(['a.txt']);
    });
  });
});
