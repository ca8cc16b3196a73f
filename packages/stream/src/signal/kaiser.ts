/** @module Kaiser-windowed sinc low-pass design, the prototype of the polyphase resampler. */

/** The modified Bessel function of the first kind, order zero, by its power series. */
export function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200 && term > sum * 1e-17; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
  }
  return sum;
}

/** The Kaiser beta that gives a stopband attenuation of `attenuationDb` (Kaiser's formula). */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) {
    return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  }
  return 0;
}

/**
 * The number of taps either side of the centre a Kaiser low-pass needs for the attenuation and
 * transition width given (the width as a fraction of the sampling rate).
 */
export function kaiserHalfLength(attenuationDb: number, transitionWidth: number): number {
  const taps = (attenuationDb - 7.95) / (14.36 * transitionWidth);
  return Math.max(2, Math.ceil(taps / 2));
}

/**
 * The Kaiser-windowed sinc kernel at offset `t` (in input samples) from the centre.
 *
 * @param cutoff the -6 dB cutoff as a fraction of the input sampling rate (0 to 0.5).
 * @param halfLength the kernel is zero for |t| >= halfLength.
 */
export function kaiserSinc(t: number, cutoff: number, halfLength: number, beta: number): number {
  const ratio = t / halfLength;
  if (Math.abs(ratio) >= 1) return 0;
  const window = besselI0(beta * Math.sqrt(1 - ratio * ratio)) / besselI0(beta);
  const x = 2 * cutoff * t;
  const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  return 2 * cutoff * sinc * window;
}
