/** @module Decoding a record's signal files into physical-unit signals. */
import { dataProblem } from './data-problem';
import type { WfdbHeader, WfdbSignalSpec } from './header-types';
import { toMillivolts } from './physical-units';
import type { WfdbRecord, WfdbSignal } from './record-types';
import { decodeSamples, invalidSampleValue, sampleCapacity } from './sample-formats';
import { resolveLeads, signalName, type LeadSelector } from './select-leads';
import { layoutSignalFiles, type FrameMember, type SignalFileLayout } from './signal-file-layout';

/** Options of {@link decodeWfdbSignals}. */
export interface DecodeWfdbSignalsOptions {
  /** The leads to decode, by name or index, in the order wanted. @defaultValue all signals */
  leads?: readonly LeadSelector[];
}

/** Signal file contents, keyed by the file name as the header writes it (such as `101.dat`). */
export type WfdbSignalFiles = ReadonlyMap<string, Uint8Array>;

/**
 * Decodes the selected signals of a record and converts them to physical units. Only the files
 * that hold a selected signal are read. Signals with several samples per frame keep them all,
 * at their own higher rate (see {@link WfdbSignal.sampleRateHz}).
 *
 * @throws UsageError when a lead matches no signal.
 * @throws DataError when a file is missing or too short, a format is not supported, or a
 *   signal's samples do not add up to the header's checksum.
 */
export function decodeWfdbSignals(
  header: WfdbHeader,
  files: WfdbSignalFiles,
  options: DecodeWfdbSignalsOptions = {},
): WfdbRecord {
  const selected = resolveLeads(header, options.leads);
  const layouts = layoutSignalFiles(header).filter((layout) =>
    layout.members.some((member) => selected.includes(member.index)),
  );
  const bytesOf = new Map(layouts.map((layout) => [layout, fileBytes(header, files, layout)]));
  const frameCount = header.sampleCount ?? minFrameCount(bytesOf);
  const decoded = new Map(
    layouts.map((layout) => [layout, decodeFile(header, layout, bytesOf.get(layout)!, frameCount)]),
  );
  const signals = selected.map((index) => {
    const layout = layouts.find((candidate) => memberOf(candidate, index) !== undefined)!;
    return decodeSignal(header, layout, memberOf(layout, index)!, decoded.get(layout)!, frameCount);
  });
  const { recordName: name, sampleRateHz, comments } = header;
  return { name, sampleRateHz, sampleCount: frameCount, signals, comments: [...comments] };
}

function memberOf(layout: SignalFileLayout, index: number): FrameMember | undefined {
  return layout.members.find((member) => member.index === index);
}

function fileBytes(header: WfdbHeader, files: WfdbSignalFiles, layout: SignalFileLayout) {
  const bytes = files.get(layout.fileName);
  if (bytes !== undefined) return bytes.subarray(Math.min(layout.byteOffset, bytes.length));
  const line = header.signals[layout.members[0]!.index]!.line;
  throw dataProblem(
    { file: layout.fileName },
    `the signal file named on ${header.file}:${line}`,
    'no file of that name among the files given',
    'Pass the bytes of every signal file, keyed by its name as the header writes it.',
  );
}

function minFrameCount(bytesOf: Map<SignalFileLayout, Uint8Array>): number {
  const counts = [...bytesOf].map(([layout, bytes]) =>
    Math.floor(sampleCapacity(layout.format, bytes.length) / layout.frameSize),
  );
  return counts.length === 0 ? 0 : Math.min(...counts);
}

function decodeFile(
  header: WfdbHeader,
  layout: SignalFileLayout,
  bytes: Uint8Array,
  frameCount: number,
): Int32Array {
  const needed = frameCount * layout.frameSize;
  const available = sampleCapacity(layout.format, bytes.length);
  if (available < needed) {
    throw dataProblem(
      { file: layout.fileName },
      `${frameCount} frames of ${layout.frameSize} samples, as ${header.file} says`,
      `${bytes.length} bytes after the byte offset, which hold ${available} samples`,
      'The file may be truncated or belong to another record; download it again.',
    );
  }
  return decodeSamples(layout.format, bytes, needed);
}

function decodeSignal(
  header: WfdbHeader,
  layout: SignalFileLayout,
  member: FrameMember,
  stream: Int32Array,
  frameCount: number,
): WfdbSignal {
  const spec = header.signals[member.index]!;
  const adu = signalColumn(stream, layout.frameSize, member, frameCount);
  if (header.sampleCount !== undefined) verifyChecksum(header, spec, member.index, adu);
  const { units, scale } = toMillivolts(spec.units);
  const invalid = invalidSampleValue(layout.format);
  const skewSamples = spec.skew * member.samplesPerFrame;
  const samples = new Float32Array(adu.length);
  for (let i = 0; i < samples.length; i++) {
    const value = i + skewSamples < adu.length ? adu[i + skewSamples]! : invalid;
    samples[i] = value === invalid ? NaN : ((value - spec.baseline) / spec.adcGain) * scale;
  }
  return {
    name: signalName(header, member.index),
    index: member.index,
    units,
    gain: spec.adcGain / scale,
    baseline: spec.baseline,
    samplesPerFrame: member.samplesPerFrame,
    sampleRateHz: header.sampleRateHz * member.samplesPerFrame,
    samples,
  };
}

/** The ADC values of one signal, pulled out of its file's interleaved frames. */
function signalColumn(
  stream: Int32Array,
  frameSize: number,
  member: FrameMember,
  frameCount: number,
): Int32Array {
  const { offsetInFrame, samplesPerFrame } = member;
  const column = new Int32Array(frameCount * samplesPerFrame);
  for (let frame = 0; frame < frameCount; frame++) {
    const from = frame * frameSize + offsetInFrame;
    column.set(stream.subarray(from, from + samplesPerFrame), frame * samplesPerFrame);
  }
  return column;
}

function verifyChecksum(header: WfdbHeader, spec: WfdbSignalSpec, index: number, adu: Int32Array) {
  if (spec.checksum === undefined) return;
  let sum = 0;
  for (let i = 0; i < adu.length; i++) sum = (sum + adu[i]!) & 0xffff;
  if (sum === (spec.checksum & 0xffff)) return;
  throw dataProblem(
    { file: header.file, line: spec.line },
    `the samples of signal ${index} (${signalName(header, index)}) in ${spec.fileName} ` +
      `to add up to the checksum ${spec.checksum}`,
    `${(sum << 16) >> 16} (the sum modulo 65536)`,
    'The signal file may be damaged or belong to another record; download it again.',
  );
}
