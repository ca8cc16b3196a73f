/**
 * Real annotations: counts of MIT-BIH records checked two ways, from the beat test and from the
 * AAMI classes, against the counts PhysioNet publishes for these records.
 */
import { join } from 'node:path';
import { aamiClassOf, AAMI_CLASSES, isBeatAnnotation } from '../../src/wfdb/annotation-codes';
import { readWfdbAnnotations } from '../../src/wfdb/read-annotations-node';
import type { WfdbAnnotation } from '../../src/wfdb/parse-annotations';
import { DATA_DIR, MITDB_RECORDS } from './data-dir';

const RECORD_SAMPLES = 650000;

function read(name: string): Promise<WfdbAnnotation[]> {
  return readWfdbAnnotations(join(DATA_DIR, 'mitdb', `${name}.atr`));
}

function countBy(annotations: WfdbAnnotation[], key: (a: WfdbAnnotation) => string | undefined) {
  const counts: Record<string, number> = {};
  for (const a of annotations) {
    const k = key(a);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

describe('readWfdbAnnotations on MIT-BIH records', () => {
  describe('record 101', () => {
    it('has 1865 beats: 1860 N, 3 A and 2 Q', async () => {
      const annotations = await read('101');
      expect(annotations.filter((a) => isBeatAnnotation(a.symbol))).toHaveLength(1865);
      expect(countBy(annotations, (a) => aamiClassOf(a.symbol))).toEqual({ N: 1860, S: 3, Q: 2 });
    });

    it('opens with the rhythm annotation "(N"', async () => {
      const [first] = await read('101');
      expect(first).toMatchObject({ sample: 7, symbol: '+', aux: '(N' });
    });
  });

  describe('record 208', () => {
    it('has many V and F beats: 992 V and 373 F among 2955', async () => {
      const annotations = await read('208');
      const symbols = countBy(annotations, (a) => a.symbol);
      expect(symbols).toMatchObject({ N: 1586, V: 992, F: 373, S: 2, Q: 2 });
      expect(annotations.filter((a) => isBeatAnnotation(a.symbol))).toHaveLength(2955);
    });

    it('marks its ventricular trigeminy with "(T"', async () => {
      const rhythms = new Set((await read('208')).map((a) => a.aux).filter(Boolean));
      expect([...rhythms].sort()).toEqual(['(N', '(T']);
    });
  });

  describe('the paced record 107', () => {
    it('has 2078 paced beats and 59 V', async () => {
      expect(countBy(await read('107'), (a) => a.symbol)).toMatchObject({ '/': 2078, V: 59 });
    });
  });

  describe('every record', () => {
    it.each(MITDB_RECORDS)(
      '%s: annotations in order, and every beat in one AAMI class',
      async (name) => {
        const annotations = await read(name);
        const samples = annotations.map((a) => a.sample);
        expect(samples.every((s, i) => i === 0 || s >= samples[i - 1]!)).toBe(true);
        expect(samples[samples.length - 1]).toBeLessThan(RECORD_SAMPLES);
        const beats = annotations.filter((a) => isBeatAnnotation(a.symbol)).length;
        const byClass = countBy(annotations, (a) => aamiClassOf(a.symbol));
        expect(AAMI_CLASSES.reduce((sum, c) => sum + (byClass[c] ?? 0), 0)).toBe(beats);
      },
    );
  });
});
