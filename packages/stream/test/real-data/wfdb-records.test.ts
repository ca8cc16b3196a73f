/**
 * Real records: every MIT-BIH record decodes with its checksums verified, the PTB record's
 * 15 leads come from two files, and the two small misc records cover gains with units.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@edge-ecg/core';
import { fromWfdbRecord } from '../../src/sources/from-wfdb-record';
import { parseWfdbHeader } from '../../src/wfdb/parse-header';
import { readWfdbRecord } from '../../src/wfdb/read-record-node';
import { DATA_DIR, MITDB_RECORDS } from './data-dir';

/** Float32 storage of values like -0.345: within 1e-6. */
const FLOAT32_DIGITS = 6;

function headerOf(path: string) {
  return parseWfdbHeader(readFileSync(`${path}.hea`, 'latin1'), { file: `${path}.hea` });
}

/** The first sample of every signal must equal the header's initial value in physical units. */
async function expectInitialValues(path: string): Promise<void> {
  const header = headerOf(path);
  const record = await readWfdbRecord(path);
  record.signals.forEach((signal, i) => {
    const spec = header.signals[i]!;
    expect(signal.samples[0]).toBeCloseTo(
      (spec.initialValue - spec.baseline) / spec.adcGain,
      FLOAT32_DIGITS,
    );
  });
}

describe('readWfdbRecord on real records', () => {
  describe('MIT-BIH record 101', () => {
    it('reads two 360 Hz leads of 650,000 samples in mV', async () => {
      const record = await readWfdbRecord(join(DATA_DIR, 'mitdb/101'));
      expect(record).toMatchObject({ name: '101', sampleRateHz: 360, sampleCount: 650000 });
      expect(
        record.signals.map((s) => [s.name, s.units, s.gain, s.baseline, s.samples.length]),
      ).toEqual([
        ['MLII', 'mV', 200, 1024, 650000],
        ['V1', 'mV', 200, 1024, 650000],
      ]);
      expect(record.signals[0]!.samples[0]).toBeCloseTo(-0.345, FLOAT32_DIGITS);
      expect(record.comments).toEqual(['75 F 1011 654 x1', 'Diapres']);
    });

    it('replays MLII through fromWfdbRecord without losing a sample', async () => {
      const source = fromWfdbRecord(
        await readWfdbRecord(join(DATA_DIR, 'mitdb/101'), { leads: ['mlii'] }),
      );
      let total = 0;
      for await (const chunk of source.chunks) total += chunk.length;
      expect(total).toBe(650000);
      expect(source).toMatchObject({ sampleRateHz: 360, lead: 'MLII' });
    });
  });

  describe('every MIT-BIH record', () => {
    it.each(MITDB_RECORDS)(
      'decodes %s with matching checksums and initial values',
      async (name) => {
        await expectInitialValues(join(DATA_DIR, 'mitdb', name));
      },
    );
  });

  describe('records whose upper signal is not MLII', () => {
    it('finds MLII second in 114', async () => {
      const record = await readWfdbRecord(join(DATA_DIR, 'mitdb/114'), { leads: ['MLII'] });
      expect(record.signals[0]).toMatchObject({ name: 'MLII', index: 1 });
    });

    it('throws a UsageError for MLII in 102, which has V5 and V2', async () => {
      await expect(
        readWfdbRecord(join(DATA_DIR, 'mitdb/102'), { leads: ['MLII'] }),
      ).rejects.toThrow(
        new UsageError(
          'Lead "MLII" is not in record "102", whose signals are V5, V2. Pass one of these names ' +
            '(in any case) or an index from 0 to 1.',
        ),
      );
    });
  });

  describe('the PTB record s0010_re', () => {
    const path = join(DATA_DIR, 'ptb/patient001/s0010_re');

    it('reads 15 leads at 1000 Hz from the .dat and .xyz files', async () => {
      const record = await readWfdbRecord(path);
      expect(record.signals.map((s) => s.name).join(' ')).toBe(
        'i ii iii avr avl avf v1 v2 v3 v4 v5 v6 vx vy vz',
      );
      expect(record).toMatchObject({ sampleRateHz: 1000, sampleCount: 38400 });
      expect(record.signals[0]!.samples[0]).toBeCloseTo(-0.2445, FLOAT32_DIGITS);
      await expectInitialValues(path);
    });

    it('keeps the clinical summary in the comments', async () => {
      const record = await readWfdbRecord(path, { leads: ['II'] });
      expect(record.comments).toContain('Reason for admission: Myocardial infarction');
    });

    it('picks leads from either file in the order asked for', async () => {
      const record = await readWfdbRecord(path, { leads: ['VZ', 'v5', 0] });
      expect(record.signals.map((s) => [s.name, s.index])).toEqual([
        ['vz', 14],
        ['v5', 10],
        ['i', 0],
      ]);
    });
  });

  describe('the misc records', () => {
    it('reads v102s, with gains per unit, NU signals and missing samples', async () => {
      const path = join(DATA_DIR, 'wfdb-misc/v102s');
      const record = await readWfdbRecord(path);
      expect(record.signals.map((s) => [s.name, s.units, s.gain])).toEqual([
        ['II', 'mV', 2281],
        ['V', 'mV', 1856],
        ['PLETH', 'NU', 1250],
        ['RESP', 'NU', 38880],
      ]);
      expect(record).toMatchObject({ sampleRateHz: 250, sampleCount: 75000 });
      expect(record.signals[2]!.samples.some(Number.isNaN)).toBe(true);
      await expectInitialValues(path);
    });

    it('reads test01_00s, whose lead names have spaces and last line no CR', async () => {
      const path = join(DATA_DIR, 'wfdb-misc/test01_00s');
      const record = await readWfdbRecord(path, { leads: ['ecg 4'] });
      expect(record).toMatchObject({ sampleRateHz: 500, sampleCount: 4000 });
      expect(record.signals[0]!.samples[0]).toBeCloseTo(-0.66, FLOAT32_DIGITS);
      await expectInitialValues(path);
    });
  });
});
