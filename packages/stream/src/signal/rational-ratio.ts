/** @module The resampling ratio as a reduced fraction, found by continued fractions. */

/** An output-to-input rate ratio `up / down`, in lowest terms. */
export interface RationalRatio {
  up: number;
  down: number;
}

/** The largest numerator or denominator tried; it bounds the polyphase table's size. */
export const MAX_RATIO_TERM = 1000;

/**
 * The fraction closest to `outputRateHz / inputRateHz` whose terms stay within
 * {@link MAX_RATIO_TERM}. Integer rates always give the exact ratio (125 / 360 = 25 / 72); other
 * rates give the best approximation, within about 1e-6 relative.
 */
export function rationalRatio(outputRateHz: number, inputRateHz: number): RationalRatio {
  const target = outputRateHz / inputRateHz;
  let [previousUp, up] = [0, 1];
  let [previousDown, down] = [1, 0];
  let rest = target;
  let best: RationalRatio = { up: Math.max(1, Math.round(target)), down: 1 };
  for (let step = 0; step < 64; step++) {
    const whole = Math.floor(rest);
    [previousUp, up] = [up, whole * up + previousUp];
    [previousDown, down] = [down, whole * down + previousDown];
    if (up > MAX_RATIO_TERM || down > MAX_RATIO_TERM) break;
    best = { up, down };
    if (Math.abs(up / down - target) <= 1e-12 * target) break;
    rest = 1 / (rest - whole);
    if (!Number.isFinite(rest)) break;
  }
  return best;
}
