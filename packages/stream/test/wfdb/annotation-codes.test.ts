import {
  AAMI_CLASS_MNEMONICS,
  aamiClassOf,
  annotationCode,
  annotationSymbol,
  isBeatAnnotation,
} from '../../src/wfdb/annotation-codes';

describe('annotation codes', () => {
  describe('annotationSymbol', () => {
    it('gives the standard WFDB mnemonics', () => {
      const codes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 20, 21, 22, 23];
      expect(codes.map(annotationSymbol).join('')).toBe('NLRaVFJASEj/Q~|sT*D"=');
      const more = [24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41];
      expect(more.map(annotationSymbol).join('')).toBe('pB^t+u?![]en@xf()r');
    });

    it('names codes without a mnemonic by number', () => {
      expect([0, 15, 17, 45].map(annotationSymbol)).toEqual(['[0]', '[15]', '[17]', '[45]']);
    });
  });

  describe('annotationCode', () => {
    it('inverts annotationSymbol', () => {
      expect(annotationCode('V')).toBe(5);
      expect(annotationCode('(')).toBe(39);
      expect(annotationCode('Z')).toBeUndefined();
    });
  });

  describe('isBeatAnnotation', () => {
    it('accepts beat mnemonics and rejects rhythm, noise and wave marks', () => {
      expect([...'NLRaVFJASEj/QBenfr?'].every(isBeatAnnotation)).toBe(true);
      expect([...'~|+"=[]!xpt()sT*D^@u'].some(isBeatAnnotation)).toBe(false);
    });
  });

  describe('aamiClassOf', () => {
    it('maps the MIT-BIH beats to the five AAMI classes', () => {
      const mapped = Object.fromEntries([...'NLRejAaJSVEF/fQ'].map((s) => [s, aamiClassOf(s)]));
      expect(mapped).toEqual({
        N: 'N',
        L: 'N',
        R: 'N',
        e: 'N',
        j: 'N',
        A: 'S',
        a: 'S',
        J: 'S',
        S: 'S',
        V: 'V',
        E: 'V',
        F: 'F',
        '/': 'Q',
        f: 'Q',
        Q: 'Q',
      });
    });

    it('leaves non-beats and unmapped beats out', () => {
      expect(['+', '~', 'B', 'n', 'r', '?'].map(aamiClassOf)).toEqual(Array(6).fill(undefined));
    });

    it('lists only beat mnemonics in the class table', () => {
      expect(Object.values(AAMI_CLASS_MNEMONICS).flat().every(isBeatAnnotation)).toBe(true);
    });
  });
});
