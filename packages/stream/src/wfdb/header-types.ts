/** @module The parsed form of a WFDB header (`.hea`) file: the record line and signal lines. */

/** The sampling frequency WFDB assumes when a header gives none. */
export const DEFAULT_WFDB_SAMPLE_RATE_HZ = 250;

/** The ADC gain WFDB assumes when a signal line gives none, or gives 0, in adu per mV. */
export const DEFAULT_WFDB_ADC_GAIN = 200;

/** The physical unit WFDB assumes when a signal line gives none. */
export const DEFAULT_WFDB_UNITS = 'mV';

/** A WFDB record header: what is recorded, how fast, and where its signals are stored. */
export interface WfdbHeader {
  /** The file the header came from, as used in error messages (such as `101.hea`). */
  file: string;
  /** The record name from the record line (such as `101`). */
  recordName: string;
  /** Number of signals, equal to `signals.length`. */
  signalCount: number;
  /** Frames per second (each signal has `samplesPerFrame` samples per frame). */
  sampleRateHz: number;
  /** The counter frequency, when the record line gives one (`360/1.5`). */
  counterFrequencyHz?: number;
  /** The counter value of sample 0, when the record line gives one (`360/1.5(100)`). */
  baseCounter?: number;
  /** Frames per signal; absent when the header leaves it out or gives 0 (unknown). */
  sampleCount?: number;
  /** The time of day of sample 0, as written (`HH:MM:SS`), when given. */
  baseTime?: string;
  /** The date of sample 0, as written (`DD/MM/YYYY`), when given. */
  baseDate?: string;
  /** One entry per signal line, in header order. */
  signals: WfdbSignalSpec[];
  /** The text of every `#` comment line, without the `#` and surrounding spaces. */
  comments: string[];
}

/** One signal line of a header. */
export interface WfdbSignalSpec {
  /** The 1-based header line this signal was read from, for error messages. */
  line: number;
  /** The signal file, relative to the header's folder (such as `101.dat`). */
  fileName: string;
  /** The storage format number (16, 212, 310, ...). */
  format: number;
  /** Samples of this signal in each frame. @defaultValue 1 */
  samplesPerFrame: number;
  /** Frames by which this signal lags the others in its file. @defaultValue 0 */
  skew: number;
  /** Bytes to skip at the start of the signal file before the first frame. @defaultValue 0 */
  byteOffset: number;
  /** ADC units per physical unit. @defaultValue DEFAULT_WFDB_ADC_GAIN */
  adcGain: number;
  /** The ADC value of 0 physical units. @defaultValue adcZero */
  baseline: number;
  /** The physical unit of `adcGain`, as written. @defaultValue DEFAULT_WFDB_UNITS */
  units: string;
  /** ADC resolution in bits; 0 when not given. */
  adcResolution: number;
  /** The ADC value at the middle of its range. @defaultValue 0 */
  adcZero: number;
  /** The value of sample 0, used by difference formats. @defaultValue adcZero */
  initialValue: number;
  /** The 16-bit sum of all samples of this signal, when given. */
  checksum?: number;
  /** The block size in bytes, for devices that read whole blocks; 0 for ordinary files. */
  blockSize: number;
  /** The signal's description, usually its lead name (`MLII`, `ECG 1`); '' when not given. */
  description: string;
}
