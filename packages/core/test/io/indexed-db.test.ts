import { initBackend } from '../../src/backend/init-backend';
import { ModelIoError } from '../../src/errors';
import { loadModelFromIndexedDb, saveModelToIndexedDb } from '../../src/io/indexed-db';
import { buildSmallModel, fixtureManifest } from './small-model';

// Saving and loading for real needs a browser; Node has no IndexedDB.
describe('IndexedDB storage', () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe('in Node', () => {
    it('refuses to save, pointing to the directory format', async () => {
      await expect(saveModelToIndexedDb('m', buildSmallModel(), fixtureManifest())).rejects.toThrow(
        new ModelIoError(
          'indexeddb://m',
          'Cannot save indexeddb://m: IndexedDB is not available here (TensorFlow.js offers its ' +
            'indexeddb:// handler only in browsers). In Node, use saveModelToDirectory from ' +
            '@edge-ecg/core/node.',
        ),
      );
    });

    it('refuses to load, pointing to the directory format', async () => {
      await expect(loadModelFromIndexedDb('m')).rejects.toThrow(
        'Cannot load indexeddb://m: IndexedDB is not available here (TensorFlow.js offers its ' +
          'indexeddb:// handler only in browsers). In Node, use loadModelFromDirectory from ' +
          '@edge-ecg/core/node.',
      );
    });
  });
});
