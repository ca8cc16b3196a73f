import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { libraryVersions } from '../../src/io/library-versions';
import { SDK_VERSION } from '../../src/version';

function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

const root = path.resolve(__dirname, '../../../..');

describe('SDK_VERSION', () => {
  it('equals the version in packages/core/package.json', () => {
    expect(SDK_VERSION).toBe(packageVersion(path.join(root, 'packages/core/package.json')));
  });
});

describe('libraryVersions', () => {
  it('reports the installed tfjs packages and the SDK', () => {
    const tfjs = (name: string) =>
      packageVersion(path.join(root, 'node_modules/@tensorflow', name, 'package.json'));
    expect(libraryVersions()).toEqual({
      sdk: SDK_VERSION,
      tfjsCore: tfjs('tfjs-core'),
      tfjsLayers: tfjs('tfjs-layers'),
      tfjsBackendWasm: tfjs('tfjs-backend-wasm'),
    });
  });
});
