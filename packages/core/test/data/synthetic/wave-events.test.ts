import {
  changeWaves,
  findWave,
  NORMAL_WAVES,
  waveTiming,
  type WaveEvent,
} from '../../../src/data/synthetic/wave-events';

const wave = (name: string): WaveEvent => NORMAL_WAVES.find((w) => w.name === name)!;

describe('waveTiming', () => {
  describe('at 60 bpm (RR = 1 s)', () => {
    it('turns one radian into 1/(2π) s', () => {
      const timing = waveTiming(wave('T'), 1);
      expect(timing.offsetS).toBeCloseTo(0.25, 12);
      expect(timing.widthS).toBeCloseTo(0.4 / (2 * Math.PI), 12);
    });
  });

  describe('at a shorter RR interval', () => {
    it('moves the T wave in with the square root of RR, shortening the QT interval', () => {
      expect(waveTiming(wave('T'), 0.25).offsetS).toBeCloseTo(0.125, 12);
      expect(waveTiming(wave('T'), 0.25).widthS).toBeCloseTo(0.2 / (2 * Math.PI), 12);
    });

    it('moves the P wave with the fourth root of RR', () => {
      expect(waveTiming(wave('P'), 0.0625).offsetS).toBeCloseTo(-1 / 12, 12);
    });

    it('keeps the QRS complex fixed in time', () => {
      expect(waveTiming(wave('S'), 0.3)).toEqual(waveTiming(wave('S'), 1));
      expect(waveTiming(wave('R'), 0.3).offsetS).toBe(0);
    });
  });
});

describe('changeWaves', () => {
  describe('with a change for one wave', () => {
    it('multiplies that wave and keeps the others', () => {
      const changed = changeWaves(NORMAL_WAVES, { T: { amplitude: -1, width: 2 } });
      expect(findWave(changed, 'T')).toEqual({
        ...wave('T'),
        amplitudeMv: -wave('T').amplitudeMv,
        widthRad: 2 * wave('T').widthRad,
      });
      expect(findWave(changed, 'R')).toBe(wave('R'));
    });
  });
});
