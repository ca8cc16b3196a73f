import { ModelIoError } from '../../src/errors';
import { libraryVersions } from '../../src/io/library-versions';
import { checkManifest, createModelManifest } from '../../src/io/model-manifest';

const FILE = '/models/m/manifest.json';

function validManifest(): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(
      createModelManifest({
        spec: { blocks: [] },
        preprocessing: { sampleRateHz: 125, beatLength: 187, scaling: 'minmax-window-10s' },
        classNames: ['normal', 'abnormal'],
      }),
    ),
  ) as Record<string, unknown>;
}

describe('createModelManifest', () => {
  it('stamps the format, versions and time, and defaults the optional parts to null', () => {
    const before = Date.now();
    const manifest = createModelManifest({
      spec: { blocks: [] },
      preprocessing: { sampleRateHz: 125, beatLength: 187, scaling: 'minmax-window-10s' },
      classNames: ['normal', 'abnormal'],
    });
    expect(manifest).toEqual({
      format: 'edge-ecg-model',
      formatVersion: 1,
      spec: { blocks: [] },
      preprocessing: { sampleRateHz: 125, beatLength: 187, scaling: 'minmax-window-10s' },
      classNames: ['normal', 'abnormal'],
      trainingData: null,
      metrics: null,
      versions: libraryVersions(),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Date.parse(manifest.createdAt)).toBeGreaterThanOrEqual(before - 1);
  });
});

describe('checkManifest', () => {
  describe('when the manifest is valid', () => {
    it('returns it', () => {
      const manifest = validManifest();
      expect(checkManifest(manifest, FILE)).toEqual(manifest);
    });
  });

  describe('when it is not an edge-ecg manifest', () => {
    it('rejects a non-object', () => {
      expect(() => checkManifest([1], FILE)).toThrow(
        new ModelIoError(
          FILE,
          `${FILE} should hold a JSON object (a model manifest); received an array. ` +
            'Load a model saved by saveModelToDirectory.',
        ),
      );
    });

    it('rejects another format', () => {
      expect(() => checkManifest({ ...validManifest(), format: 'keras' }, FILE)).toThrow(
        `${FILE} is not an edge-ecg model manifest: expected format "edge-ecg-model", ` +
          'received "keras". Load a model saved by saveModelToDirectory.',
      );
    });

    it('rejects a missing format', () => {
      const { format, ...rest } = validManifest();
      expect(format).toBe('edge-ecg-model');
      expect(() => checkManifest(rest, FILE)).toThrow(
        `${FILE} is not an edge-ecg model manifest: expected format "edge-ecg-model", ` +
          'received none. Load a model saved by saveModelToDirectory.',
      );
    });
  });

  describe('when the format version is not one this SDK reads', () => {
    it('asks for an upgrade when it is newer', () => {
      expect(() => checkManifest({ ...validManifest(), formatVersion: 2 }, FILE)).toThrow(
        `${FILE} has formatVersion 2, but @edge-ecg/core 0.1.0 reads formatVersion 1 at most. ` +
          'Upgrade @edge-ecg/core to load this model.',
      );
    });

    it('rejects a version that is not a whole number from 1', () => {
      expect(() => checkManifest({ ...validManifest(), formatVersion: '1' }, FILE)).toThrow(
        `${FILE} has formatVersion "1"; expected a whole number of at least 1. ` +
          'Save the model again with saveModelToDirectory.',
      );
    });
  });

  describe('when a field is wrong', () => {
    it('names the field and what was expected', () => {
      const manifest = validManifest();
      manifest.preprocessing = { sampleRateHz: '125', beatLength: 187, scaling: 'x' };
      expect(() => checkManifest(manifest, FILE)).toThrow(
        `${FILE} has an invalid field \`preprocessing.sampleRateHz\`: ` +
          'Invalid input: expected number, received string. ' +
          'Save the model again with saveModelToDirectory.',
      );
    });

    it('names an array element by its index', () => {
      const manifest = { ...validManifest(), classNames: ['normal', 7] };
      expect(() => checkManifest(manifest, FILE)).toThrow(
        `${FILE} has an invalid field \`classNames[1]\`: ` +
          'Invalid input: expected string, received number. ' +
          'Save the model again with saveModelToDirectory.',
      );
    });
  });
});
