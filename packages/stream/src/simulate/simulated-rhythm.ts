/**
 * @module The simulator's rhythm: sinus beats with heart-rate variability, and premature
 * ventricular contractions (PVCs) followed by a full compensatory pause.
 */
import {
  createGaussianRandom,
  createRandom,
  createRrSeries,
  kindWaves,
  NORMAL_WAVES,
  pvcWaves,
  scaleWaveAmplitudes,
  withStChange,
  type BeatSource,
  type GaussianSource,
  type RandomSource,
  type RrSeries,
  type ScheduledBeat,
  type WaveEvent,
} from '@edge-ecg/core';
import { PVC_COUPLING_RANGE, type ResolvedSimulateEcgOptions } from './simulate-options';

/** The annotation of a normal sinus beat (as in MIT-BIH). */
export const NORMAL_LABEL = 'N';

/** The annotation of a PVC (as in MIT-BIH). */
export const PVC_LABEL = 'V';

/** Each beat's gain varies by this fraction. */
export const BEAT_AMPLITUDE_JITTER = 0.03;

/**
 * Beats of the simulator. After a sinus beat a PVC may come early, at a fraction c of the sinus
 * RR; the sinus beat it hides is skipped, so the next beat falls two sinus RRs after the last
 * sinus beat (the PVC's RR pair sums to twice the sinus RR). Two PVCs never follow each other.
 */
export class SimulatedRhythm implements BeatSource {
  private readonly rrSeries: RrSeries;
  private readonly gaussian: GaussianSource;
  private readonly ectopy: RandomSource;
  private readonly sinusWaves: readonly WaveEvent[];
  private readonly sinusLabel: string;
  private readonly queue: ScheduledBeat[] = [];
  private nextSinusS: number;
  private lastBeatS: number;

  constructor(private readonly options: ResolvedSimulateEcgOptions) {
    const random = createRandom(`${options.seed}:rhythm`);
    this.gaussian = createGaussianRandom(random);
    this.ectopy = createRandom(`${options.seed}:ectopy`);
    this.rrSeries = createRrSeries({ ...options, random, gaussian: this.gaussian });
    this.sinusWaves = withStChange(NORMAL_WAVES, options.stChangeMv);
    this.sinusLabel = stLabel(options.stChangeMv);
    const meanRrS = 60 / options.heartRateBpm;
    this.nextSinusS = -random() * meanRrS;
    this.lastBeatS = this.nextSinusS - meanRrS;
  }

  nextBeat(): ScheduledBeat {
    if (this.queue.length === 0) this.planCycle();
    const beat = this.queue.shift()!;
    this.lastBeatS = beat.rPeakTimeS;
    return beat;
  }

  /** One sinus beat, and the PVC after it if one is drawn. */
  private planCycle(): void {
    const timeS = this.nextSinusS;
    const rrS = this.rrSeries(timeS);
    this.queue.push(this.beat(timeS, timeS - this.lastBeatS, ...this.sinusShape()));
    if (this.ectopy() >= this.options.pvcRate) {
      this.nextSinusS = timeS + rrS;
      return;
    }
    const [low, high] = PVC_COUPLING_RANGE;
    const couplingS = (low + (high - low) * this.ectopy()) * rrS;
    this.queue.push(this.beat(timeS + couplingS, couplingS, pvcWaves(NORMAL_WAVES), PVC_LABEL));
    this.nextSinusS = timeS + 2 * rrS;
  }

  private sinusShape(): [readonly WaveEvent[], string] {
    const { abnormalKind, abnormalRate } = this.options;
    if (abnormalKind === undefined || !(this.ectopy() < abnormalRate)) {
      return [this.sinusWaves, this.sinusLabel];
    }
    return [kindWaves(this.sinusWaves, abnormalKind), abnormalKind];
  }

  private beat(
    rPeakTimeS: number,
    rrBeforeS: number,
    waves: readonly WaveEvent[],
    label: string,
  ): ScheduledBeat {
    const gain = 1 + BEAT_AMPLITUDE_JITTER * this.gaussian();
    return { rPeakTimeS, rrBeforeS, waves: scaleWaveAmplitudes(waves, gain), label };
  }
}

function stLabel(stChangeMv: number): string {
  if (stChangeMv > 0) return 'st-elevation';
  return stChangeMv < 0 ? 'st-depression' : NORMAL_LABEL;
}
