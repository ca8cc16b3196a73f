import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { ModelIoError } from '../../src/errors';
import { loadModelFromDirectory, saveModelToDirectory } from '../../src/io/model-directory';
import { MinPooling1D } from '../../src/layers/min-pooling-1d';
import {
  FIXTURE_BEAT_LENGTH,
  buildSmallModel,
  fixtureManifest,
  predictFixture,
} from './small-model';

// The fixture's weights: conv1d 3·1·4 + 4, lstm 4·20 + 5·20 + 20, dense 5·3 + 3 float32s.
const FIXTURE_WEIGHT_BYTES = (12 + 4 + 80 + 100 + 20 + 15 + 3) * 4;

let root: string;
let savedDir: string;
let model: tfl.LayersModel;

beforeAll(async () => {
  await initBackend();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'edge-ecg-io-'));
  savedDir = path.join(root, 'saved');
  model = buildSmallModel();
  await saveModelToDirectory(savedDir, model, fixtureManifest());
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A fresh copy of the saved fixture model, to corrupt. */
async function copyOfSaved(name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.cp(savedDir, dir, { recursive: true });
  return dir;
}

async function editJson(file: string, edit: (value: Record<string, unknown>) => void) {
  const value = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  await fs.writeFile(file, JSON.stringify(value));
}

describe('saveModelToDirectory', () => {
  describe('when the directory is new', () => {
    it('writes model.json, weights.bin and manifest.json and nothing else', async () => {
      expect((await fs.readdir(savedDir)).sort()).toEqual([
        'manifest.json',
        'model.json',
        'weights.bin',
      ]);
      expect((await fs.stat(path.join(savedDir, 'weights.bin'))).size).toBe(FIXTURE_WEIGHT_BYTES);
    });

    it('keeps the manifest in model.json as user-defined metadata too', async () => {
      const modelJson = JSON.parse(await fs.readFile(path.join(savedDir, 'model.json'), 'utf8'));
      const manifest = JSON.parse(await fs.readFile(path.join(savedDir, 'manifest.json'), 'utf8'));
      expect(modelJson.format).toBe('layers-model');
      expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
      expect(modelJson.userDefinedMetadata.edgeEcgManifest).toEqual(manifest);
    });
  });

  describe('when a saved model is already there', () => {
    it('replaces it and leaves no temporary sibling behind', async () => {
      const parent = path.join(root, 'replace');
      const dir = path.join(parent, 'model');
      await saveModelToDirectory(dir, model, fixtureManifest());
      const other = buildSmallModel();
      await saveModelToDirectory(dir, other, fixtureManifest());
      const loaded = await loadModelFromDirectory(dir);
      expect(predictFixture(loaded.model)).toEqual(predictFixture(other));
      expect(await fs.readdir(parent)).toEqual(['model']);
    });
  });

  describe('when the directory holds something other than a model', () => {
    it('refuses to replace it', async () => {
      const dir = path.join(root, 'notes');
      await fs.mkdir(dir);
      await fs.writeFile(path.join(dir, 'notes.txt'), 'keep me');
      await expect(saveModelToDirectory(dir, model, fixtureManifest())).rejects.toThrow(
        new ModelIoError(
          dir,
          `${dir} already exists and is not a saved model (it has no manifest.json); refusing ` +
            'to replace it. Choose a new or empty directory, or remove it first.',
        ),
      );
      expect(await fs.readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
      expect((await fs.readdir(root)).filter((name) => name.startsWith('notes'))).toEqual([
        'notes',
      ]);
    });
  });

  describe('when the class names do not match the output units', () => {
    it('throws before writing anything', async () => {
      const dir = path.join(root, 'two-classes');
      await expect(saveModelToDirectory(dir, model, fixtureManifest(['N', 'V']))).rejects.toThrow(
        `${dir}/manifest.json lists 2 class names (N, V), but the model in ${dir}/model.json ` +
          'has 3 output units. Give the manifest one class name per output unit, in output ' +
          'order, and save the model again.',
      );
      await expect(fs.stat(dir)).rejects.toThrow('ENOENT');
    });
  });
});

describe('loadModelFromDirectory', () => {
  describe('when the directory holds a saved model', () => {
    it('predicts exactly as the saved model did', async () => {
      const loaded = await loadModelFromDirectory(savedDir);
      expect(predictFixture(loaded.model)).toEqual(predictFixture(model));
    });

    it('returns the saved manifest', async () => {
      const loaded = await loadModelFromDirectory(savedDir);
      expect(loaded.manifest).toEqual(fixtureManifestLike());
    });
  });

  describe("when the model uses one of the SDK's custom layers", () => {
    it('rebuilds it and predicts exactly as the saved model did', async () => {
      const withMinPooling = tfl.sequential({
        layers: [
          tfl.layers.conv1d({ inputShape: [FIXTURE_BEAT_LENGTH, 1], filters: 2, kernelSize: 3 }),
          new MinPooling1D({ poolSize: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      });
      const dir = path.join(root, 'min-pooling');
      await saveModelToDirectory(dir, withMinPooling, fixtureManifest());
      const loaded = await loadModelFromDirectory(dir);
      expect(loaded.model.layers[1]).toBeInstanceOf(MinPooling1D);
      expect(predictFixture(loaded.model)).toEqual(predictFixture(withMinPooling));
    });
  });

  describe('when the directory does not exist', () => {
    it('says so and what it should hold', async () => {
      const dir = path.join(root, 'nowhere');
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        new ModelIoError(
          dir,
          `${dir} does not exist. Pass the directory that saveModelToDirectory or ` +
            '`edge-ecg train --out` wrote; it holds model.json, weights.bin and manifest.json.',
        ),
      );
    });
  });

  describe('when a file is missing', () => {
    it.each(['manifest.json', 'model.json', 'weights.bin'])('names %s', async (name) => {
      const dir = await copyOfSaved(`missing-${name}`);
      await fs.rm(path.join(dir, name));
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/${name} is missing. A saved model directory holds model.json, weights.bin and ` +
          'manifest.json; restore the file from the same save, or save the model again with ' +
          'saveModelToDirectory.',
      );
    });
  });

  describe('when a JSON file is invalid', () => {
    it('gives the position in a truncated manifest.json', async () => {
      const dir = await copyOfSaved('bad-manifest-json');
      await fs.writeFile(path.join(dir, 'manifest.json'), '{\n  "format": "edge-ecg-model",\n');
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/manifest.json is not valid JSON: it goes wrong at line 3, column 1 (offset 32). ` +
          'Restore it from the same save, or save the model again.',
      );
    });

    it('gives the position in model.json', async () => {
      const dir = await copyOfSaved('bad-model-json');
      await fs.writeFile(path.join(dir, 'model.json'), '{"modelTopology": {,}}');
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/model.json is not valid JSON: it goes wrong at line 1, column 20 (offset 19). ` +
          'Restore it from the same save, or save the model again.',
      );
    });
  });

  describe('when the manifest is of another format or a newer version', () => {
    it('rejects another format', async () => {
      const dir = await copyOfSaved('other-format');
      await editJson(path.join(dir, 'manifest.json'), (m) => (m.format = 'other'));
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/manifest.json is not an edge-ecg model manifest: expected format ` +
          '"edge-ecg-model", received "other". Load a model saved by saveModelToDirectory.',
      );
    });

    it('asks for an upgrade for a newer version', async () => {
      const dir = await copyOfSaved('newer-version');
      await editJson(path.join(dir, 'manifest.json'), (m) => (m.formatVersion = 7));
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/manifest.json has formatVersion 7, but @edge-ecg/core 0.1.0 reads formatVersion ` +
          '1 at most. Upgrade @edge-ecg/core to load this model.',
      );
    });
  });

  describe('when model.json is not a layers model', () => {
    it('says which fields it expected', async () => {
      const dir = await copyOfSaved('not-layers');
      await fs.writeFile(path.join(dir, 'model.json'), '{"modelTopology": {}}');
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/model.json is not a TensorFlow.js layers model: expected an object with a ` +
          '`modelTopology` object and a `weightsManifest` array. Save the model again with ' +
          'saveModelToDirectory.',
      );
    });
  });

  describe('when weights.bin does not match model.json', () => {
    it('gives both sizes', async () => {
      const dir = await copyOfSaved('truncated-weights');
      await fs.truncate(path.join(dir, 'weights.bin'), 900);
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/weights.bin holds 900 bytes, but ${dir}/model.json lists 7 weights taking ` +
          `${FIXTURE_WEIGHT_BYTES} bytes. The file is truncated or from another save; restore ` +
          'weights.bin and model.json from the same save, or save the model again.',
      );
    });
  });

  describe('when the class names disagree with the output units', () => {
    it('names the manifest', async () => {
      const dir = await copyOfSaved('four-classes');
      await editJson(path.join(dir, 'manifest.json'), (m) => (m.classNames = ['a', 'b', 'c', 'd']));
      await expect(loadModelFromDirectory(dir)).rejects.toThrow(
        `${dir}/manifest.json lists 4 class names (a, b, c, d), but the model in ` +
          `${dir}/model.json has 3 output units. Give the manifest one class name per output ` +
          'unit, in output order, and save the model again.',
      );
    });
  });
});

/** The fixture manifest as saved: the same, except for its creation time. */
function fixtureManifestLike() {
  return { ...fixtureManifest(), createdAt: expect.any(String) };
}
