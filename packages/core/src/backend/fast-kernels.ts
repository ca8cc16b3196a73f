/**
 * @module Switches between tfjs-backend-wasm's own kernels and the SDK's faster ones.
 *
 * The fast set replaces wasm's Conv2DBackpropInput and MaxPoolGrad, runs 1-D convolutions,
 * their filter gradients, max-pooling gradients and bias gradients (sums over leading axes) on
 * the SDK's own WASM SIMD kernels, shares Identity's storage instead of copying it, and runs
 * tfjs-layers' LSTM as fused sequence kernels. The reference set is plain tfjs-backend-wasm 4.22
 * plus what training needs in any case (see `register-training-support`).
 */
import {
  Conv2D,
  getKernel,
  Identity,
  Sum,
  type KernelConfig,
  registerKernel,
  unregisterKernel,
} from '@tensorflow/tfjs-core';
import { conv1dFilterGradientConfig } from './kernels/conv1d-filter-gradient';
import { conv1dForwardConfig } from './kernels/conv1d-forward';
import { conv2DBackpropInputConfig } from './kernels/conv2d-backprop-input';
import { fusedLstmBackwardConfig } from './kernels/lstm-backward';
import { fusedLstmForwardConfig } from './kernels/lstm-forward';
import { maxPoolGradConfig } from './kernels/max-pool-grad';
import { sharedIdentityConfig } from './kernels/shared-identity';
import { sumLeadingAxesConfig } from './kernels/sum-leading-axes';
import { useFusedLstm } from './lstm-fast-path';

/** Whether {@link setFastKernels} turns the fast kernels on when not told. */
export const DEFAULT_FAST_KERNELS = true;

/** Replacements of a kernel, or makers of one around the kernel it replaces. */
type Replacement =
  KernelConfig | { kernelName: string; wrap: (original: KernelConfig) => KernelConfig };

const REPLACEMENTS: readonly Replacement[] = [
  conv2DBackpropInputConfig,
  conv1dFilterGradientConfig,
  maxPoolGradConfig,
  { kernelName: Conv2D, wrap: conv1dForwardConfig },
  { kernelName: Sum, wrap: sumLeadingAxesConfig },
  { kernelName: Identity, wrap: sharedIdentityConfig },
];

const wrapped = new Map<string, KernelConfig>();

function replacementOf(replacement: Replacement, original: KernelConfig | undefined) {
  if (!('wrap' in replacement)) return replacement;
  if (original === undefined) return undefined;
  const known = wrapped.get(replacement.kernelName) ?? replacement.wrap(original);
  wrapped.set(replacement.kernelName, known);
  return known;
}

/** wasm's own kernels, taken the first time they are replaced. */
const originals = new Map<string, KernelConfig | undefined>();
let fusedKernelsRegistered = false;
let fast: boolean | undefined;

function swapIn(config: KernelConfig | undefined, name: string): void {
  if (getKernel(name, 'wasm') != null) unregisterKernel(name, 'wasm');
  if (config !== undefined) registerKernel(config);
}

function registerFusedKernels(): void {
  if (fusedKernelsRegistered) return;
  for (const config of [fusedLstmForwardConfig, fusedLstmBackwardConfig]) {
    swapIn(config, config.kernelName);
  }
  fusedKernelsRegistered = true;
}

/**
 * Uses the SDK's fast wasm kernels (`true`) or tfjs-backend-wasm's own (`false`). Both give
 * the same results up to float32 rounding; the tests hold them to each other.
 */
export function setFastKernels(on: boolean = DEFAULT_FAST_KERNELS): void {
  if (on === fast) return;
  registerFusedKernels();
  for (const replacement of REPLACEMENTS) {
    const name = replacement.kernelName;
    if (!originals.has(name)) originals.set(name, getKernel(name, 'wasm'));
    const original = originals.get(name);
    swapIn(on ? replacementOf(replacement, original) : original, name);
  }
  useFusedLstm(on);
  fast = on;
}

/** Whether the fast kernels are on. */
export function fastKernelsOn(): boolean {
  return fast === true;
}
