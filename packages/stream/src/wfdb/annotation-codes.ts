/**
 * @module The WFDB annotation codes: code numbers, their one-character mnemonics, which of them
 * mark beats, and the AAMI EC57 beat classes.
 */

/** The mnemonic of each annotation code WFDB defines (codes 1-41). */
const MNEMONICS: Record<number, string> = {
  1: 'N', // normal beat
  2: 'L', // left bundle branch block beat
  3: 'R', // right bundle branch block beat
  4: 'a', // aberrated atrial premature beat
  5: 'V', // premature ventricular contraction
  6: 'F', // fusion of ventricular and normal beat
  7: 'J', // nodal (junctional) premature beat
  8: 'A', // atrial premature beat
  9: 'S', // supraventricular premature or ectopic beat
  10: 'E', // ventricular escape beat
  11: 'j', // nodal (junctional) escape beat
  12: '/', // paced beat
  13: 'Q', // unclassifiable beat
  14: '~', // change in signal quality
  16: '|', // isolated QRS-like artifact
  18: 's', // ST segment change
  19: 'T', // T-wave change
  20: '*', // systole
  21: 'D', // diastole
  22: '"', // comment annotation
  23: '=', // measurement annotation
  24: 'p', // P-wave peak
  25: 'B', // bundle branch block beat (unspecified)
  26: '^', // non-conducted pacer spike
  27: 't', // T-wave peak
  28: '+', // rhythm change
  29: 'u', // U-wave peak
  30: '?', // beat not classified during learning
  31: '!', // ventricular flutter wave
  32: '[', // start of ventricular flutter or fibrillation
  33: ']', // end of ventricular flutter or fibrillation
  34: 'e', // atrial escape beat
  35: 'n', // supraventricular escape beat
  36: '@', // link to external data
  37: 'x', // non-conducted P-wave (blocked atrial premature beat)
  38: 'f', // fusion of paced and normal beat
  39: '(', // waveform onset
  40: ')', // waveform end
  41: 'r', // R-on-T premature ventricular contraction
};

const CODES_BY_MNEMONIC = new Map(Object.entries(MNEMONICS).map(([code, m]) => [m, Number(code)]));

/** The mnemonics of the codes WFDB counts as beats (QRS complexes). */
const BEAT_MNEMONICS = new Set('NLRaVFJASEj/QBenfr?');

/** The AAMI EC57 beat classes. */
export type AamiClass = 'N' | 'S' | 'V' | 'F' | 'Q';

/** The AAMI classes in their usual order. */
export const AAMI_CLASSES: readonly AamiClass[] = ['N', 'S', 'V', 'F', 'Q'];

/** The MIT-BIH beat mnemonics of each AAMI class, as used in the literature. */
export const AAMI_CLASS_MNEMONICS: Readonly<Record<AamiClass, readonly string[]>> = {
  N: ['N', 'L', 'R', 'e', 'j'],
  S: ['A', 'a', 'J', 'S'],
  V: ['V', 'E'],
  F: ['F'],
  Q: ['/', 'f', 'Q'],
};

const AAMI_BY_MNEMONIC = new Map(
  AAMI_CLASSES.flatMap((aami) => AAMI_CLASS_MNEMONICS[aami].map((m) => [m, aami] as const)),
);

/** The mnemonic of a code; codes without one (0, 15, 17, 42 and up) read as `[code]`. */
export function annotationSymbol(code: number): string {
  return MNEMONICS[code] ?? `[${code}]`;
}

/** The code of a mnemonic such as `V`, or undefined when WFDB defines no such mnemonic. */
export function annotationCode(symbol: string): number | undefined {
  return CODES_BY_MNEMONIC.get(symbol);
}

/** Whether a mnemonic marks a beat (N, L, R, a, V, F, J, A, S, E, j, /, Q, B, e, n, f, r, ?). */
export function isBeatAnnotation(symbol: string): boolean {
  return BEAT_MNEMONICS.has(symbol);
}

/**
 * The AAMI class of a beat mnemonic, or undefined for non-beat marks and for the beats the map
 * leaves out (B, n, r, ?).
 */
export function aamiClassOf(symbol: string): AamiClass | undefined {
  return AAMI_BY_MNEMONIC.get(symbol);
}
