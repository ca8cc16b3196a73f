import { DataError, UsageError } from '@edge-ecg/core';
import { parseWfdbHeader } from '../../src/wfdb/parse-header';

const MITDB_LIKE = [
  '100 2 360 650000',
  '100.dat 212 200 11 1024 995 -22131 0 MLII',
  '100.dat 212 200 11 1024 1011 20052 0 V5',
  '# 69 M 1085 1629 x1',
  '# Aldomet, Inderal',
  '',
].join('\r\n');

function signalLine(fields: string): ReturnType<typeof parseWfdbHeader>['signals'][number] {
  return parseWfdbHeader(`r 1 360 10\n${fields}\n`, { file: 'r.hea' }).signals[0]!;
}

function errorOf(text: string, file = 'r.hea'): unknown {
  try {
    parseWfdbHeader(text, { file });
  } catch (error) {
    return error;
  }
  throw new Error('expected parseWfdbHeader to throw');
}

describe('parseWfdbHeader', () => {
  describe('with an MIT-BIH header in CRLF lines', () => {
    const header = parseWfdbHeader(MITDB_LIKE, { file: '100.hea' });

    it('reads the record line', () => {
      expect(header).toMatchObject({
        file: '100.hea',
        recordName: '100',
        signalCount: 2,
        sampleRateHz: 360,
        sampleCount: 650000,
      });
      expect(header).not.toHaveProperty('counterFrequencyHz');
      expect(header).not.toHaveProperty('baseTime');
    });

    it('reads every field of each signal line', () => {
      expect(header.signals[0]).toEqual({
        line: 2,
        fileName: '100.dat',
        format: 212,
        samplesPerFrame: 1,
        skew: 0,
        byteOffset: 0,
        adcGain: 200,
        baseline: 1024,
        units: 'mV',
        adcResolution: 11,
        adcZero: 1024,
        initialValue: 995,
        checksum: -22131,
        blockSize: 0,
        description: 'MLII',
      });
      expect(header.signals[1]).toMatchObject({ line: 3, initialValue: 1011, description: 'V5' });
    });

    it('keeps the comment lines without the # and spaces', () => {
      expect(header.comments).toEqual(['69 M 1085 1629 x1', 'Aldomet, Inderal']);
    });
  });

  describe('with the optional record-line fields', () => {
    it('reads the counter frequency, base counter, base time and base date', () => {
      const header = parseWfdbHeader('r 0 360/1.5(100) 7200 12:30:00 25/12/2001');
      expect(header).toMatchObject({
        sampleRateHz: 360,
        counterFrequencyHz: 1.5,
        baseCounter: 100,
        sampleCount: 7200,
        baseTime: '12:30:00',
        baseDate: '25/12/2001',
        file: 'header.hea',
      });
    });

    it('assumes 250 Hz and an unknown length when they are left out', () => {
      const header = parseWfdbHeader('r 0');
      expect(header.sampleRateHz).toBe(250);
      expect(header).not.toHaveProperty('sampleCount');
    });

    it('treats a sample count of 0 as unknown', () => {
      expect(parseWfdbHeader('r 0 500 0')).not.toHaveProperty('sampleCount');
    });
  });

  describe('with each form of the gain field', () => {
    it('reads a bare gain, in mV at the ADC zero', () => {
      expect(signalLine('r.dat 16 400 16 12')).toMatchObject({
        adcGain: 400,
        units: 'mV',
        baseline: 12,
      });
    });

    it('reads gain/unit', () => {
      expect(signalLine('r.dat 212 2281/mV 0 0')).toMatchObject({ adcGain: 2281, units: 'mV' });
      expect(signalLine('r.dat 212 1250/NU')).toMatchObject({ adcGain: 1250, units: 'NU' });
      expect(signalLine('r.dat 16 0.5/uV')).toMatchObject({ adcGain: 0.5, units: 'uV' });
    });

    it('reads gain(baseline)/unit, with a baseline apart from the ADC zero', () => {
      expect(signalLine('r.dat 16 200(-12)/mV 16 7')).toMatchObject({
        adcGain: 200,
        baseline: -12,
        adcZero: 7,
      });
    });

    it('uses 200 adu/mV when the gain is missing or 0', () => {
      expect(signalLine('r.dat 16')).toMatchObject({ adcGain: 200, units: 'mV', baseline: 0 });
      expect(signalLine('r.dat 16 0/mV')).toMatchObject({ adcGain: 200, units: 'mV' });
    });
  });

  describe('with each form of the format field', () => {
    it('reads samples per frame, skew and byte offset', () => {
      expect(signalLine('r.dat 16x4:2+512')).toMatchObject({
        format: 16,
        samplesPerFrame: 4,
        skew: 2,
        byteOffset: 512,
      });
      expect(signalLine('r.dat 212:3')).toMatchObject({ samplesPerFrame: 1, skew: 3 });
      expect(signalLine('r.dat 16+24')).toMatchObject({ skew: 0, byteOffset: 24 });
    });
  });

  describe('with short and long signal lines', () => {
    it('keeps a description with spaces', () => {
      expect(signalLine('r.dat 16 100/mV 16 0 10 114 0 ECG lead  II ').description).toBe(
        'ECG lead  II',
      );
    });

    it('defaults the initial value to the ADC zero and leaves out a missing checksum', () => {
      const signal = signalLine('r.dat 16 200 16 5');
      expect(signal).toMatchObject({ adcZero: 5, initialValue: 5, description: '' });
      expect(signal).not.toHaveProperty('checksum');
    });
  });

  describe('with signals in several files', () => {
    it('keeps each signal with its file', () => {
      const header = parseWfdbHeader('s 3 1000 10\ns.dat 16 2000 16 0 0 0 0 i\ns.dat 16\ns.xyz 16');
      expect(header.signals.map((s) => s.fileName)).toEqual(['s.dat', 's.dat', 's.xyz']);
    });
  });

  describe('with comments and blank lines between signal lines', () => {
    it('skips them and counts lines from the top of the file', () => {
      const header = parseWfdbHeader('#top\nr 2 360\n\n  # a note\nr.dat 16\n#\nr.dat 16\n');
      expect(header.signals.map((s) => s.line)).toEqual([5, 7]);
      expect(header.comments).toEqual(['top', 'a note', '']);
    });
  });

  describe('with malformed lines', () => {
    const form =
      ' The record line reads "name signals [frequency [samples [time [date]]]]", such as ' +
      '"100 2 360 650000".';
    const signalForm =
      ' A signal line reads "file format [gain [resolution [zero [initial [checksum [block ' +
      '[description]]]]]]]", such as "100.dat 212 200 11 1024 995 21537 0 MLII".';
    const cases: [string, string, string][] = [
      [
        'an empty header',
        '\r\n# only a comment\r\n',
        'r.hea: expected a record line such as "100 2 360 650000", ' +
          'found no record line. ' +
          'Check that the path names a WFDB header (.hea) file.',
      ],
      [
        'no signal count',
        '101',
        'r.hea:1: expected the number of signals after the record name, found nothing.' + form,
      ],
      [
        'a word for the signal count',
        '101 two',
        'r.hea:1: expected the number of signals (a whole number of 0 or more), found "two".' +
          form,
      ],
      [
        'a negative frequency',
        '101 0 -360',
        'r.hea:1: expected a sampling frequency such as 360, 360/1.5 or 360/1.5(100), ' +
          'found "-360".' +
          form,
      ],
      [
        'a bad base counter',
        '101 0 360/2(x)',
        'r.hea:1: expected a sampling frequency such as 360, 360/1.5 or 360/1.5(100), ' +
          'found "360/2(x)".' +
          form,
      ],
      [
        'a negative sample count',
        '101 0 360 -5',
        'r.hea:1: expected the number of samples (a whole number of 0 or more), found "-5".' + form,
      ],
      [
        'too few signal lines',
        '101 2 360\n101.dat 212',
        'r.hea: expected 2 signal lines after the record line, found 1. ' +
          'Add the missing signal lines, ' +
          'or correct the number of signals in the record line.',
      ],
      [
        'too many signal lines',
        '101 1 360\n101.dat 212\n101.dat 212',
        'r.hea:3: expected 1 signal line after the record line, ' +
          'found another line, "101.dat 212". ' +
          'Correct the number of signals in the record line, ' +
          'or start this line with # to make it a comment.',
      ],
      [
        'no format',
        '101 1\n101.dat',
        'r.hea:2: expected a format after the file name, found nothing.' + signalForm,
      ],
      [
        'a bad format',
        '101 1\n101.dat 21x',
        'r.hea:2: expected a format such as 212, 16x4, 212:3 or 16+512, found "21x".' + signalForm,
      ],
      [
        '0 samples per frame',
        '101 1\n101.dat 16x0',
        'r.hea:2: expected at least 1 sample per frame, found "16x0".' + signalForm,
      ],
      [
        'a unit before the gain',
        '101 1\n101.dat 212 mV/200',
        'r.hea:2: expected an ADC gain such as 200, 200/mV or 200(1024)/mV, found "mV/200".' +
          signalForm,
      ],
      [
        'a bad baseline',
        '101 1\n101.dat 212 200(1.5)/mV',
        'r.hea:2: expected an ADC gain such as 200, 200/mV or 200(1024)/mV, found "200(1.5)/mV".' +
          signalForm,
      ],
      [
        'a fractional resolution',
        '101 1\n101.dat 212 200 1.5',
        'r.hea:2: expected the ADC resolution in bits (a whole number), found "1.5".' + signalForm,
      ],
      [
        'a bad checksum',
        '101 1\n101.dat 212 200 11 1024 0 12ab',
        'r.hea:2: expected the checksum (a whole number), found "12ab".' + signalForm,
      ],
    ];

    it.each(cases)('rejects %s with a DataError that says where', (_, text, message) => {
      const error = errorOf(text);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).message).toBe(message);
    });

    it('records the file and line in the error location', () => {
      expect((errorOf('r 1\nr.dat x') as DataError).location).toEqual({ file: 'r.hea', line: 2 });
    });
  });

  describe('with a multi-segment record', () => {
    it('throws a UsageError saying it is not supported yet', () => {
      const error = errorOf('multi/3 2 360 4000\nseg1 2000\nseg2 2000\nseg3 0', 'multi.hea');
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(
        'multi.hea:1: record "multi" has 3 segments, and multi-segment records are not ' +
          'supported yet. Read each segment as a record of its own.',
      );
    });
  });
});
