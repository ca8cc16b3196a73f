/**
 * @module The SDK's own WebAssembly SIMD forward-pass kernels: compiling and instantiating them.
 *
 * The C sources are in `packages/core/wasm/`; `npm run build:wasm` compiles them with clang
 * and embeds the binary in `forward-wasm.ts`, so neither users nor CI need a C toolchain.
 */
import { FORWARD_WASM_BASE64 } from './forward-wasm';

/** A byte offset into a forward instance's memory where floats start. */
export type Pointer = number;

/** The kernels the module exports; see the C sources for each one's contract. */
export interface ForwardKernels {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  conv1d(
    input: Pointer,
    beats: number,
    inSteps: number,
    inChannels: number,
    kernel: Pointer,
    bias: Pointer,
    kernelSize: number,
    stride: number,
    dilation: number,
    output: Pointer,
    outSteps: number,
    outChannels: number,
    activation: number,
    alpha: number,
  ): void;
  conv1d_winograd3(
    input: Pointer,
    beats: number,
    inChannels: number,
    kernel: Pointer,
    bias: Pointer,
    output: Pointer,
    outSteps: number,
    outChannels: number,
    activation: number,
    alpha: number,
    scratch: Pointer,
  ): void;
  winograd3_kernel(
    kernel: Pointer,
    inChannels: number,
    outChannels: number,
    transformed: Pointer,
  ): void;
  conv1d_filter_gradient(
    x: Pointer,
    beats: number,
    inSteps: number,
    inChannels: number,
    dy: Pointer,
    outSteps: number,
    outChannels: number,
    kernelSize: number,
    stride: number,
    padBefore: number,
    dw: Pointer,
  ): void;
  pool1d_gradient(
    x: Pointer,
    beats: number,
    inSteps: number,
    channels: number,
    dy: Pointer,
    outSteps: number,
    poolSize: number,
    stride: number,
    padBefore: number,
    kind: number,
    dx: Pointer,
  ): void;
  activation_gradient(
    gradient: Pointer,
    output: Pointer,
    count: number,
    activation: number,
    alpha: number,
  ): void;
  spread1d(
    input: Pointer,
    beats: number,
    steps: number,
    channels: number,
    stride: number,
    before: number,
    outSteps: number,
    output: Pointer,
  ): void;
  dropout(
    input: Pointer,
    count: number,
    rate: number,
    seedLow: number,
    seedHigh: number,
    mask: Pointer,
    output: Pointer,
  ): void;
  multiply_by(values: Pointer, factors: Pointer, count: number): void;
  crop1d(
    input: Pointer,
    beats: number,
    steps: number,
    channels: number,
    before: number,
    after: number,
    output: Pointer,
  ): void;
  lstm_train_forward(
    x: Pointer,
    beats: number,
    steps: number,
    inputs: number,
    kernel: Pointer,
    recurrent: Pointer,
    bias: Pointer,
    units: number,
    gate: number,
    returnSequences: number,
    output: Pointer,
    gates: Pointer,
    cells: Pointer,
    tanhCells: Pointer,
    hidden: Pointer,
  ): void;
  lstm_train_backward(
    dy: Pointer,
    x: Pointer,
    beats: number,
    steps: number,
    inputs: number,
    kernel: Pointer,
    recurrent: Pointer,
    gates: Pointer,
    cells: Pointer,
    tanhCells: Pointer,
    hidden: Pointer,
    units: number,
    gate: number,
    returnSequences: number,
    dx: Pointer,
    dkernel: Pointer,
    drecurrent: Pointer,
    dbias: Pointer,
    scratch: Pointer,
  ): void;
  pool1d(
    input: Pointer,
    beats: number,
    inSteps: number,
    channels: number,
    output: Pointer,
    outSteps: number,
    poolSize: number,
    stride: number,
    padBefore: number,
    kind: number,
  ): void;
  global_pool1d(
    input: Pointer,
    beats: number,
    steps: number,
    channels: number,
    output: Pointer,
    kind: number,
  ): void;
  lstm(
    input: Pointer,
    beats: number,
    steps: number,
    inChannels: number,
    kernel: Pointer,
    recurrent: Pointer,
    bias: Pointer,
    units: number,
    activation: number,
    recurrentActivation: number,
    reverse: number,
    returnSequences: number,
    output: Pointer,
    outStride: number,
    outOffset: number,
    scratch: Pointer,
  ): void;
  pad1d(
    input: Pointer,
    beats: number,
    steps: number,
    channels: number,
    before: number,
    after: number,
    output: Pointer,
  ): void;
  activate(values: Pointer, count: number, activation: number, alpha: number): void;
  affine(values: Pointer, rows: number, channels: number, scale: Pointer, shift: Pointer): void;
  softmax(values: Pointer, rows: number, columns: number): void;
  sum_rows(values: Pointer, rows: number, columns: number, out: Pointer): void;
  adam_update(
    value: Pointer,
    gradient: Pointer,
    m: Pointer,
    v: Pointer,
    count: number,
    learningRate: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    epsilon: number,
  ): void;
}

let compiled: Promise<WebAssembly.Module> | undefined;
let ready: WebAssembly.Module | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiles the module once (asynchronously, as browsers require for main-thread code). */
export async function compileForwardModule(): Promise<void> {
  compiled ??= WebAssembly.compile(decodeBase64(FORWARD_WASM_BASE64));
  ready = await compiled;
}

/** A fresh instance with its own memory, or undefined before {@link compileForwardModule}. */
export function instantiateForward(): ForwardKernels | undefined {
  if (ready === undefined) return undefined;
  return new WebAssembly.Instance(ready, {}).exports as unknown as ForwardKernels;
}
