import {
  abnormalWaves,
  kindWaves,
  pvcWaves,
  withStChange,
} from '../../../src/data/synthetic/beat-kinds';
import { findWave, NORMAL_WAVES, type WaveEvent } from '../../../src/data/synthetic/wave-events';

const amplitude = (waves: readonly WaveEvent[], name: 'P' | 'Q' | 'R' | 'S' | 'T' | 'ST') =>
  findWave(waves, name)?.amplitudeMv;
const width = (waves: readonly WaveEvent[], name: 'Q' | 'R' | 'S') =>
  findWave(waves, name)!.widthRad;

describe('withStChange', () => {
  describe('with a positive shift', () => {
    it('adds one ST event of that height between S and T', () => {
      const waves = withStChange(withStChange(NORMAL_WAVES, 0.1), 0.2);
      const st = waves.filter((w) => w.name === 'ST');
      expect(st).toHaveLength(1);
      expect(st[0]!.amplitudeMv).toBe(0.2);
      expect(st[0]!.angleRad).toBeGreaterThan(findWave(NORMAL_WAVES, 'S')!.angleRad);
      expect(st[0]!.angleRad).toBeLessThan(findWave(NORMAL_WAVES, 'T')!.angleRad);
    });
  });

  describe('with no shift', () => {
    it('returns the waves unchanged', () => {
      expect(withStChange(NORMAL_WAVES, 0)).toEqual(NORMAL_WAVES);
    });
  });
});

describe('abnormalWaves', () => {
  describe.each([0, 1])('at severity %d', (severity) => {
    it('raises the ST segment by 0.08 to 0.35 mV for st-elevation', () => {
      const st = amplitude(abnormalWaves(NORMAL_WAVES, 'st-elevation', severity), 'ST')!;
      expect(st).toBeCloseTo(severity === 0 ? 0.08 : 0.35, 12);
    });

    it('turns the T wave negative for t-inversion', () => {
      expect(amplitude(abnormalWaves(NORMAL_WAVES, 't-inversion', severity), 'T')).toBeLessThan(0);
    });

    it('makes Q at least a quarter of R deep and wider for pathological-q', () => {
      const waves = abnormalWaves(NORMAL_WAVES, 'pathological-q', severity);
      expect(-amplitude(waves, 'Q')!).toBeGreaterThanOrEqual(0.25 * amplitude(NORMAL_WAVES, 'R')!);
      expect(width(waves, 'Q')).toBeGreaterThan(1.5 * width(NORMAL_WAVES, 'Q'));
    });

    it('widens Q, R and S by half or more for wide-qrs', () => {
      const waves = abnormalWaves(NORMAL_WAVES, 'wide-qrs', severity);
      for (const name of ['Q', 'R', 'S'] as const) {
        expect(width(waves, name)).toBeGreaterThanOrEqual(1.5 * width(NORMAL_WAVES, name));
      }
    });
  });
});

describe('pvcWaves', () => {
  it('has no P wave, a wider R and a T opposite to R', () => {
    const waves = pvcWaves(NORMAL_WAVES);
    expect(findWave(waves, 'P')).toBeUndefined();
    expect(width(waves, 'R')).toBeGreaterThan(1.5 * width(NORMAL_WAVES, 'R'));
    expect(Math.sign(amplitude(waves, 'T')!)).toBe(-Math.sign(amplitude(waves, 'R')!));
  });
});

describe('kindWaves', () => {
  it('returns the normal waves for normal and the PVC shape for pvc', () => {
    expect(kindWaves(NORMAL_WAVES, 'normal')).toEqual(NORMAL_WAVES);
    expect(kindWaves(NORMAL_WAVES, 'pvc')).toEqual(pvcWaves(NORMAL_WAVES));
  });

  it('lowers the ST segment for st-depression', () => {
    expect(amplitude(kindWaves(NORMAL_WAVES, 'st-depression'), 'ST')).toBeLessThan(0);
  });
});
