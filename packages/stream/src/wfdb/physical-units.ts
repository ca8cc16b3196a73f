/** @module Conversion of voltage units to millivolts, the unit every ECG function expects. */

/** Millivolts per unit, for the voltage units a header may name. */
const MILLIVOLTS_PER_UNIT: Record<string, number> = {
  V: 1000,
  mV: 1,
  uV: 1e-3,
  µV: 1e-3, // micro sign U+00B5
  μV: 1e-3, // Greek mu U+03BC
  nV: 1e-6,
};

/** The unit and scale factor that express values in `units` as mV, or as-is when not a voltage. */
export function toMillivolts(units: string): { units: string; scale: number } {
  const scale = MILLIVOLTS_PER_UNIT[units];
  return scale === undefined ? { units, scale: 1 } : { units: 'mV', scale };
}
