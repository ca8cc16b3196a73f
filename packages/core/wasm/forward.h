/*
 * The forward pass kernels of edge-ecg's WASM SIMD module: shared declarations.
 *
 * Tensors are float arrays in the layout tfjs-layers uses: a beat's activations are
 * [steps][channels], a conv kernel [kernelSize][inChannels][outChannels], a dense kernel
 * [inputs][outputs]. Pointers are offsets into the module's own memory, managed from JavaScript.
 */
#ifndef EDGE_ECG_FORWARD_H
#define EDGE_ECG_FORWARD_H

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))
#define INLINE static inline __attribute__((always_inline))

/* Activation codes; JavaScript's list in forward-ops.ts must match. */
enum activation {
  ACTIVATION_LINEAR = 0,
  ACTIVATION_RELU = 1,
  ACTIVATION_LEAKY_RELU = 2,
  ACTIVATION_ELU = 3,
  ACTIVATION_SELU = 4,
  ACTIVATION_TANH = 5,
  ACTIVATION_SIGMOID = 6,
  ACTIVATION_HARD_SIGMOID = 7,
  ACTIVATION_SOFTPLUS = 8,
};

/* Pooling codes; JavaScript's list must match. */
enum pooling { POOLING_MAX = 0, POOLING_AVERAGE = 1, POOLING_MIN = 2 };

#endif
