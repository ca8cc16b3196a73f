/** @module Parsing one signal line of a WFDB header into a {@link WfdbSignalSpec}. */
import type { DataLocation } from '@edge-ecg/core';
import { dataProblem, quote } from './data-problem';
import { DEFAULT_WFDB_ADC_GAIN, DEFAULT_WFDB_UNITS, type WfdbSignalSpec } from './header-types';
import { decimalOrNaN, splitFields, wholeNumber, type FieldRule } from './header-fields';

const LINE_FORM =
  'A signal line reads "file format [gain [resolution [zero [initial [checksum [block ' +
  '[description]]]]]]]", such as "100.dat 212 200 11 1024 995 21537 0 MLII".';

/** `format[xSamplesPerFrame][:skew][+byteOffset]`. */
const FORMAT_FIELD = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/;

/** `gain[(baseline)][/units]`. */
const GAIN_FIELD = /^([^(/]+)(?:\(([^)]*)\))?(?:\/(\S+))?$/;

/** Index of the first field of the description. */
const DESCRIPTION_FIELD = 8;

const INTEGER_FIELDS: [keyof WfdbSignalSpec, string][] = [
  ['adcResolution', 'the ADC resolution in bits'],
  ['adcZero', 'the ADC zero'],
  ['initialValue', 'the initial value'],
  ['checksum', 'the checksum'],
  ['blockSize', 'the block size'],
];

/**
 * Parses a signal line.
 *
 * @throws DataError naming the line when a field is missing or malformed.
 */
export function parseSignalLine(
  text: string,
  at: Required<Pick<DataLocation, 'file' | 'line'>>,
): WfdbSignalSpec {
  const fields = splitFields(text);
  const formatText = fields[1]?.text;
  if (formatText === undefined) {
    throw dataProblem(at, 'a format after the file name', 'nothing', LINE_FORM);
  }
  const spec: WfdbSignalSpec = {
    line: at.line,
    fileName: fields[0]!.text,
    ...parseFormat(formatText, at),
    adcGain: DEFAULT_WFDB_ADC_GAIN,
    baseline: 0,
    units: DEFAULT_WFDB_UNITS,
    adcResolution: 0,
    adcZero: 0,
    initialValue: 0,
    blockSize: 0,
    description: '',
  };
  const gain = fields[2] === undefined ? undefined : parseGain(fields[2].text, at);
  readIntegerFields(spec, fields, at);
  if (fields[5] === undefined) spec.initialValue = spec.adcZero;
  if (gain !== undefined) Object.assign(spec, gain);
  spec.baseline = gain?.baseline ?? spec.adcZero;
  const description = fields[DESCRIPTION_FIELD];
  if (description !== undefined) spec.description = text.slice(description.start).trimEnd();
  return spec;
}

function parseFormat(text: string, at: DataLocation) {
  const match = FORMAT_FIELD.exec(text);
  if (match === null) {
    throw dataProblem(at, 'a format such as 212, 16x4, 212:3 or 16+512', quote(text), LINE_FORM);
  }
  const samplesPerFrame = match[2] === undefined ? 1 : Number(match[2]);
  if (samplesPerFrame < 1) {
    throw dataProblem(at, 'at least 1 sample per frame', quote(text), LINE_FORM);
  }
  return {
    format: Number(match[1]),
    samplesPerFrame,
    skew: Number(match[3] ?? 0),
    byteOffset: Number(match[4] ?? 0),
  };
}

interface GainField {
  adcGain: number;
  units: string;
  baseline?: number;
}

function parseGain(text: string, at: DataLocation): GainField {
  const match = GAIN_FIELD.exec(text);
  const gain = match === null ? NaN : decimalOrNaN(match[1]!);
  const baselineText = match?.[2];
  const baselineIsWhole = baselineText === undefined || /^[-+]?\d+$/.test(baselineText);
  if (!Number.isFinite(gain) || !baselineIsWhole) {
    throw dataProblem(
      at,
      'an ADC gain such as 200, 200/mV or 200(1024)/mV',
      quote(text),
      LINE_FORM,
    );
  }
  const field: GainField = {
    adcGain: gain === 0 ? DEFAULT_WFDB_ADC_GAIN : gain,
    units: match![3] ?? DEFAULT_WFDB_UNITS,
  };
  if (baselineText !== undefined) field.baseline = Number(baselineText);
  return field;
}

function readIntegerFields(spec: WfdbSignalSpec, fields: { text: string }[], at: DataLocation) {
  INTEGER_FIELDS.forEach(([key, name], offset) => {
    const field = fields[3 + offset];
    if (field === undefined) return;
    const rule: FieldRule = { name, advice: LINE_FORM };
    (spec as unknown as Record<string, number>)[key] = wholeNumber(field.text, at, rule);
  });
}
