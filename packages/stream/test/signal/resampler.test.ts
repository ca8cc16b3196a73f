import { Resampler, rationalRatio } from '@edge-ecg/stream';
import { runChunked } from '../beats/synthetic-ecg';

function sine(frequencyHz: number, sampleRateHz: number, durationS: number): Float32Array {
  const out = new Float32Array(Math.round(durationS * sampleRateHz));
  for (let i = 0; i < out.length; i++)
    out[i] = Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz);
  return out;
}

function resampleAll(input: Float32Array, inputRateHz: number, chunkSize = input.length): number[] {
  const resampler = new Resampler({ inputRateHz });
  return runChunked(
    input,
    chunkSize,
    (c) => [...resampler.push(c)],
    () => [...resampler.flush()],
  );
}

/** The amplitude of the `frequencyHz` component, by least squares, away from the edges. */
function amplitudeAt(signal: number[], frequencyHz: number, sampleRateHz: number): number {
  let [ss, cc, sc, ys, yc] = [0, 0, 0, 0, 0];
  for (let k = 250; k < signal.length - 250; k++) {
    const s = Math.sin((2 * Math.PI * frequencyHz * k) / sampleRateHz);
    const c = Math.cos((2 * Math.PI * frequencyHz * k) / sampleRateHz);
    [ss, cc, sc, ys, yc] = [
      ss + s * s,
      cc + c * c,
      sc + s * c,
      ys + signal[k]! * s,
      yc + signal[k]! * c,
    ];
  }
  const det = ss * cc - sc * sc;
  return Math.hypot((ys * cc - yc * sc) / det, (yc * ss - ys * sc) / det);
}

describe('rationalRatio', () => {
  describe('with integer rates', () => {
    it('gives the exact reduced fraction', () => {
      expect(rationalRatio(125, 360)).toEqual({ up: 25, down: 72 });
      expect(rationalRatio(125, 1000)).toEqual({ up: 1, down: 8 });
      expect(rationalRatio(125, 128.5)).toEqual({ up: 250, down: 257 });
    });
  });
});

describe('Resampler', () => {
  describe('from 360 Hz to 125 Hz', () => {
    const input = sine(10, 360, 20);

    it('gives bit-identical output for any chunk size', () => {
      const whole = resampleAll(input, 360);
      for (const size of [1, 7, 360, 1000]) expect(resampleAll(input, 360, size)).toEqual(whole);
    });

    it('passes a 10 Hz sine with under 1 % amplitude error', () => {
      expect(Math.abs(amplitudeAt(resampleAll(input, 360), 10, 125) - 1)).toBeLessThan(0.01);
    });

    it('passes a 40 Hz sine with under 1 % amplitude error', () => {
      const out = resampleAll(sine(40, 360, 20), 360);
      expect(Math.abs(amplitudeAt(out, 40, 125) - 1)).toBeLessThan(0.01);
    });

    it('attenuates sines above the new Nyquist frequency by more than 40 dB', () => {
      for (const frequencyHz of [63, 80, 150]) {
        const out = resampleAll(sine(frequencyHz, 360, 20), 360);
        const peak = Math.max(...out.slice(100, -100).map(Math.abs));
        expect(20 * Math.log10(peak)).toBeLessThan(-40);
      }
    });

    it('keeps a constant signal constant, edges included', () => {
      const out = resampleAll(new Float32Array(3600).fill(-0.3), 360);
      for (const value of out) expect(value).toBeCloseTo(-0.3, 6);
    });
  });

  describe('output length and latency', () => {
    it('emits floor((n - 1) * up / down) + 1 samples for a stream of n, after flush', () => {
      for (const n of [1, 2, 72, 73, 1000, 3601]) {
        expect(resampleAll(new Float32Array(n), 360)).toHaveLength(
          Math.floor(((n - 1) * 25) / 72) + 1,
        );
      }
    });

    it('emits output k once the input has run latencyInputSamples past its time', () => {
      const resampler = new Resampler({ inputRateHz: 360 });
      const lag = resampler.latencyInputSamples;
      expect(resampler.push(new Float32Array(lag))).toHaveLength(0);
      expect(resampler.push(new Float32Array(1))).toHaveLength(1);
      expect(resampler.push(new Float32Array(72))).toHaveLength(25);
      expect(resampler.emittedCountFor(lag + 73)).toBe(26);
    });

    it('places output k at input time k / 125 s (no delay in the indices)', () => {
      const input = new Float32Array(3600);
      input.fill(1, 1800);
      const out = resampleAll(input, 360);
      expect(out[624]!).toBeLessThan(0.5);
      expect(out[626]!).toBeGreaterThan(0.5);
    });

    it('passes 125 Hz through unchanged, with no latency', () => {
      const input = sine(10, 125, 2);
      const resampler = new Resampler({ inputRateHz: 125 });
      expect(resampler.latencyInputSamples).toBe(0);
      expect(Array.from(resampler.push(input))).toEqual(Array.from(input));
    });
  });

  describe('with NaN in the input', () => {
    it('keeps NaN within latencyInputSamples of the NaN and nowhere else', () => {
      const input = sine(5, 360, 10);
      input[1800] = NaN;
      const out = resampleAll(input, 360);
      const nanAt = out.flatMap((v, k) => (Number.isNaN(v) ? [k] : []));
      const reach = (new Resampler({ inputRateHz: 360 }).latencyInputSamples * 125) / 360;
      expect(nanAt.length).toBeGreaterThan(0);
      for (const k of nanAt) expect(Math.abs(k - 625)).toBeLessThanOrEqual(Math.ceil(reach));
    });
  });

  describe('with a bad rate', () => {
    it('throws a UsageError naming the option', () => {
      expect(() => new Resampler({ inputRateHz: 0 })).toThrow(
        'Resampler: inputRateHz must be a positive number of samples per second, received 0.',
      );
    });
  });
});
