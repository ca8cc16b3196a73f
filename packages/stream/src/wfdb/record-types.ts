/** @module The decoded form of a WFDB record: its signals in physical units. */

/** A record's signals, decoded and converted to physical units. */
export interface WfdbRecord {
  /** The record name from the header (such as `101`). */
  name: string;
  /** Frames per second; a signal with several samples per frame has a higher own rate. */
  sampleRateHz: number;
  /** Frames decoded per signal. */
  sampleCount: number;
  /** The selected signals, in the order asked for (header order by default). */
  signals: WfdbSignal[];
  /** The header's comment lines. */
  comments: string[];
}

/** One decoded signal. */
export interface WfdbSignal {
  /** The signal's description in the header, usually the lead name; `signal N` when blank. */
  name: string;
  /** The signal's 0-based position in the header. */
  index: number;
  /**
   * The unit of `samples`: `mV` for any voltage (V, mV, uV, µV, nV are converted), otherwise
   * the header's unit as written (such as `NU` or `mmHg`).
   */
  units: string;
  /** ADC units per unit of `samples`. */
  gain: number;
  /** The ADC value of 0 physical units. */
  baseline: number;
  /** Samples of this signal per frame; its rate is `samplesPerFrame` times the frame rate. */
  samplesPerFrame: number;
  /** This signal's own sampling rate: the record's frame rate times `samplesPerFrame`. */
  sampleRateHz: number;
  /** `(adu - baseline) / gain` in `units`; NaN where the record marks a sample missing. */
  samples: Float32Array;
}
