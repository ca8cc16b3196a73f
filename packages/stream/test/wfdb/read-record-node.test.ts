import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@edge-ecg/core';
import { readWfdbAnnotations } from '../../src/wfdb/read-annotations-node';
import { readWfdbRecord } from '../../src/wfdb/read-record-node';
import { checksum, encodeAnnotations, encodeSamples } from './wfdb-encoders';

describe('readWfdbRecord and readWfdbAnnotations', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'edge-ecg-wfdb-'));
    const header =
      `t 2 500 3\r\nt.dat 16 100 16 0 0 ${checksum([100, 200, 300])} 0 ECG 1\r\n` +
      't.xyz 80 10 8 0 0 0 0 ECG 2\r\n# made by a test\r\n';
    await writeFile(join(folder, 't.hea'), header);
    await writeFile(join(folder, 't.dat'), encodeSamples(16, [100, 200, 300]));
    await writeFile(join(folder, 't.atr'), encodeAnnotations([{ sample: 2, code: 1 }]));
  });

  afterAll(() => rm(folder, { recursive: true, force: true }));

  describe('with a record on disk', () => {
    it('reads the header and the signal files of the selected leads', async () => {
      const record = await readWfdbRecord(join(folder, 't'), { leads: ['ecg 1'] });
      expect(record).toMatchObject({ name: 't', sampleRateHz: 500, comments: ['made by a test'] });
      expect(Array.from(record.signals[0]!.samples)).toEqual([1, 2, 3]);
    });

    it('accepts the header path with its extension', async () => {
      const record = await readWfdbRecord(join(folder, 't.hea'), { leads: [0] });
      expect(record.signals[0]!.name).toBe('ECG 1');
    });

    it('throws a DataError naming a signal file that is missing', async () => {
      const path = join(folder, 't.xyz');
      await expect(readWfdbRecord(join(folder, 't'))).rejects.toThrow(
        new DataError(
          { file: path },
          `${path}: expected the signal file it names at this path, found no such file. Check ` +
            'the path, and that the record was downloaded completely.',
        ),
      );
    });

    it('throws a DataError naming a header that is missing', async () => {
      const path = join(folder, 'none.hea');
      await expect(readWfdbRecord(join(folder, 'none'))).rejects.toThrow(
        `${path}: expected a WFDB header file at this path, found no such file. Check the path, ` +
          'and that the record was downloaded completely.',
      );
    });
  });

  describe('with an annotation file on disk', () => {
    it('reads and decodes it', async () => {
      const annotations = await readWfdbAnnotations(join(folder, 't.atr'));
      expect(annotations.map((a) => [a.sample, a.symbol])).toEqual([[2, 'N']]);
    });
  });
});
