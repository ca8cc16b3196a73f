import { matchBeats } from '@edge-ecg/stream';

describe('matchBeats', () => {
  describe('with detections near reference beats', () => {
    it('pairs each detection with the nearest free reference beat within the tolerance', () => {
      const match = matchBeats([100, 390, 700], [98, 400, 690, 1000], 20);
      expect(Array.from(match.referenceOfDetection)).toEqual([0, 1, 2]);
      expect(Array.from(match.referenceMatched)).toEqual([1, 1, 1, 0]);
      expect(match).toMatchObject({ unmatchedDetections: 0, unmatchedReferences: 1 });
    });
  });

  describe('with two detections near one reference beat', () => {
    it('gives it to the nearer one and counts the other unmatched', () => {
      const match = matchBeats([95, 104], [100], 20);
      expect(Array.from(match.referenceOfDetection)).toEqual([-1, 0]);
      expect(match).toMatchObject({ unmatchedDetections: 1, unmatchedReferences: 0 });
    });
  });

  describe('with a detection just outside the tolerance', () => {
    it('matches nothing', () => {
      const match = matchBeats([121], [100], 20);
      expect(match).toMatchObject({ unmatchedDetections: 1, unmatchedReferences: 1 });
    });
  });
});
