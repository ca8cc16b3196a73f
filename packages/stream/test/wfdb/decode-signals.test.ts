import { DataError, UsageError } from '@edge-ecg/core';
import { decodeWfdbSignals } from '../../src/wfdb/decode-signals';
import { parseWfdbHeader } from '../../src/wfdb/parse-header';
import { checksum, encodeSamples, interleave } from './wfdb-encoders';

/** Float32 storage of physical values: within a relative 1e-6 of the exact quotient. */
const FLOAT32_DIGITS = 6;

const MLII = [1024, 1124, 824, -2048, 2047];
const V1 = [1000, 1000, 1200, 0, 1024];

function twoLeadRecord(extra = '') {
  const header = parseWfdbHeader(
    `r 2 360 5\r\nr.dat 212 200 11 1024 0 ${checksum(MLII)} 0 MLII\r\n` +
      `r.dat 212 200 11 1024 0 ${checksum(V1)} 0 V1${extra}\r\n`,
    { file: 'r.hea' },
  );
  return {
    header,
    files: new Map([['r.dat', encodeSamples(212, interleave([MLII, V1], [1, 1]))]]),
  };
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('decodeWfdbSignals', () => {
  describe('with two format-212 signals in one file', () => {
    const { header, files } = twoLeadRecord();
    const record = decodeWfdbSignals(header, files);

    it('converts each signal to mV as (adu - baseline) / gain', () => {
      expect(Array.from(record.signals[0]!.samples.subarray(0, 3))).toEqual([0, 0.5, -1]);
      expect(record.signals[1]!.samples[2]).toBeCloseTo(0.88, FLOAT32_DIGITS);
    });

    it('turns the invalid value -2048 into NaN', () => {
      expect(record.signals[0]!.samples[3]).toBeNaN();
      expect(record.signals[0]!.samples[4]).toBeCloseTo(5.115, FLOAT32_DIGITS);
    });

    it('describes the record and each signal', () => {
      expect(record).toMatchObject({ name: 'r', sampleRateHz: 360, sampleCount: 5, comments: [] });
      const { samples, ...rest } = record.signals[1]!;
      expect(samples).toHaveLength(5);
      expect(rest).toEqual({
        name: 'V1',
        index: 1,
        units: 'mV',
        gain: 200,
        baseline: 1024,
        samplesPerFrame: 1,
        sampleRateHz: 360,
      });
    });
  });

  describe('with leads picked by name or index', () => {
    const { header, files } = twoLeadRecord();

    it('matches names in any case and keeps the order asked for', () => {
      const record = decodeWfdbSignals(header, files, { leads: ['v1', 'mlii'] });
      expect(record.signals.map((s) => s.name)).toEqual(['V1', 'MLII']);
      expect(decodeWfdbSignals(header, files, { leads: [1] }).signals[0]!.name).toBe('V1');
    });

    it('throws a UsageError listing the leads for an unknown name', () => {
      const error = errorOf(() => decodeWfdbSignals(header, files, { leads: ['V5'] }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'Lead "V5" is not in record "r", whose signals are MLII, V1. Pass one of these names ' +
          '(in any case) or an index from 0 to 1.',
      );
    });

    it('throws a UsageError for an index past the last signal', () => {
      expect(() => decodeWfdbSignals(header, files, { leads: [2] })).toThrow(
        new UsageError(
          'Lead index 2 is not in record "r", whose signals are MLII, V1. Pass one of these ' +
            'names (in any case) or an index from 0 to 1.',
        ),
      );
    });
  });

  describe('with signals in two files', () => {
    const header = parseWfdbHeader(
      's 3 1000 2\ns.dat 16 2000 16 0 0 -30768 0 i\ns.dat 16 2000\ns.xyz 16 2/uV 16 0 0 -500 0 vx',
    );
    const dat = encodeSamples(
      16,
      interleave(
        [
          [2000, -32768],
          [0, 4000],
        ],
        [1, 1],
      ),
    );
    const xyz = encodeSamples(16, [500, -1000]);

    it('reads each signal from its own file, with µV signals in mV', () => {
      const record = decodeWfdbSignals(
        header,
        new Map([
          ['s.dat', dat],
          ['s.xyz', xyz],
        ]),
      );
      expect(record.signals.slice(0, 2).map((s) => Array.from(s.samples))).toEqual([
        [1, NaN],
        [0, 2],
      ]);
      const vx = record.signals[2]!;
      expect(vx).toMatchObject({ units: 'mV', gain: 2000 });
      expect(vx.samples[0]).toBeCloseTo(0.25, FLOAT32_DIGITS);
      expect(vx.samples[1]).toBeCloseTo(-0.5, FLOAT32_DIGITS);
    });

    it('needs only the files of the selected leads', () => {
      const record = decodeWfdbSignals(header, new Map([['s.xyz', xyz]]), { leads: ['VX'] });
      expect(record.signals).toHaveLength(1);
    });

    it('throws a DataError naming a missing file', () => {
      const error = errorOf(() => decodeWfdbSignals(header, new Map([['s.dat', dat]])));
      expect(error).toBeInstanceOf(DataError);
      expect(error.message).toBe(
        's.xyz: expected the signal file named on header.hea:4, found no file of that name ' +
          'among the files given. Pass the bytes of every signal file, keyed by its name as the ' +
          'header writes it.',
      );
    });
  });

  describe('with several samples per frame', () => {
    const header = parseWfdbHeader('m 2 100 3\nm.dat 16x2 1\nm.dat 16 1');
    const fast = [1, 2, 3, 4, 5, 6];
    const slow = [10, 20, 30];
    const files = new Map([['m.dat', encodeSamples(16, interleave([fast, slow], [2, 1]))]]);

    it('keeps every sample, at the signal’s own higher rate', () => {
      const [first, second] = decodeWfdbSignals(header, files).signals;
      expect(Array.from(first!.samples)).toEqual(fast);
      expect(first).toMatchObject({ samplesPerFrame: 2, sampleRateHz: 200 });
      expect(Array.from(second!.samples)).toEqual(slow);
      expect(second!.sampleRateHz).toBe(100);
    });
  });

  describe('with a skewed signal and a byte offset', () => {
    const header = parseWfdbHeader('k 2 100 3\nk.dat 16+4 1\nk.dat 16:1 1');
    const stream = encodeSamples(
      16,
      interleave(
        [
          [1, 2, 3],
          [10, 20, 30],
        ],
        [1, 1],
      ),
    );
    const withPrefix = new Uint8Array(4 + stream.length);
    withPrefix.set(stream, 4);

    it('skips the offset and reads the skewed signal frames later, NaN past the end', () => {
      const [, skewed] = decodeWfdbSignals(header, new Map([['k.dat', withPrefix]])).signals;
      expect(Array.from(skewed!.samples)).toEqual([20, 30, NaN]);
    });
  });

  describe('with each format', () => {
    it.each([
      [16, 1000],
      [80, 100],
      [310, 300],
      [311, 300],
      [212, 1000],
    ])('decodes format %i', (format, peak) => {
      const values = [0, peak, -peak, 7, -7, 1, 2];
      const header = parseWfdbHeader(
        `f 1 250 7\nf.dat ${format} 100(7)/mV 0 0 0 ${checksum(values)}`,
      );
      const files = new Map([['f.dat', encodeSamples(format, values)]]);
      const samples = decodeWfdbSignals(header, files).signals[0]!.samples;
      const expected = values.map((v) => (v - 7) / 100);
      expected.forEach((value, i) => expect(samples[i]).toBeCloseTo(value, FLOAT32_DIGITS));
    });
  });

  describe('with no sample count in the header', () => {
    it('reads every whole frame the file holds', () => {
      const header = parseWfdbHeader('u 2 360\nu.dat 16\nu.dat 16');
      const bytes = encodeSamples(16, [1, 2, 3, 4, 5]);
      expect(decodeWfdbSignals(header, new Map([['u.dat', bytes]])).sampleCount).toBe(2);
    });
  });

  describe('with bad signal data', () => {
    it('throws a DataError for a truncated file', () => {
      const { header, files } = twoLeadRecord();
      const short = new Map([['r.dat', files.get('r.dat')!.subarray(0, 10)]]);
      expect(errorOf(() => decodeWfdbSignals(header, short)).message).toBe(
        'r.dat: expected 5 frames of 2 samples, as r.hea says, found 10 bytes after the byte ' +
          'offset, which hold 6 samples. The file may be truncated or belong to another ' +
          'record; download it again.',
      );
    });

    it('throws a DataError for a checksum mismatch', () => {
      const header = parseWfdbHeader('c 1 360 2\nc.dat 16 200 16 0 0 99 0 II', { file: 'c.hea' });
      const error = errorOf(() =>
        decodeWfdbSignals(header, new Map([['c.dat', encodeSamples(16, [100, -2])]])),
      );
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).location).toEqual({ file: 'c.hea', line: 2 });
      expect(error.message).toBe(
        'c.hea:2: expected the samples of signal 0 (II) in c.dat to add up to the checksum 99, ' +
          'found 98 (the sum modulo 65536). The signal file may be damaged or belong to another ' +
          'record; download it again.',
      );
    });

    it('throws a DataError for an unsupported format', () => {
      const header = parseWfdbHeader('d 1 360 2\nd.dat 8 200', { file: 'd.hea' });
      expect(errorOf(() => decodeWfdbSignals(header, new Map())).message).toBe(
        'd.hea:2: expected a signal format this reader decodes (16, 24, 32, 61, 80, 160, 212, ' +
          "310, 311), found format 8. Convert the record to format 16 with WFDB's xform tool, " +
          'or open an issue for the format.',
      );
    });

    it('throws a DataError for two formats in one file', () => {
      const header = parseWfdbHeader('d 2 360 2\nd.dat 16\nd.dat 212', { file: 'd.hea' });
      expect(errorOf(() => decodeWfdbSignals(header, new Map())).message).toBe(
        'd.hea:3: expected format 16, like the earlier signals stored in d.dat, found format ' +
          '212. All signals stored in one file share its format; correct the header.',
      );
    });
  });
});
