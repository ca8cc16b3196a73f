/*
 * Max, average and min pooling over windows of steps, and their global forms.
 *
 * Windows may hang over either end ('same' padding): only the steps inside count, so a max
 * ignores the padding and an average divides by the steps it covers, as tfjs does.
 */
#include "vector-math.h"

INLINE v128_t pool_combine(v128_t a, v128_t b, int kind) {
  if (kind == POOLING_MAX) return wasm_f32x4_pmax(a, b);
  if (kind == POOLING_MIN) return wasm_f32x4_pmin(a, b);
  return wasm_f32x4_add(a, b);
}

INLINE float pool_combine1(float a, float b, int kind) {
  if (kind == POOLING_MAX) return a > b ? a : b;
  if (kind == POOLING_MIN) return a < b ? a : b;
  return a + b;
}

/* Reduces steps [first, last) of one sequence into `output`, channel by channel. */
static void pool_window(const float *input, int channels, int first, int last, float *output,
                        int kind) {
  float scale = kind == POOLING_AVERAGE ? 1.0f / (float)(last - first) : 1.0f;
  int channel = 0;
  for (; channel + 4 <= channels; channel += 4) {
    v128_t value = wasm_v128_load(input + first * channels + channel);
    for (int step = first + 1; step < last; step++) {
      value = pool_combine(value, wasm_v128_load(input + step * channels + channel), kind);
    }
    wasm_v128_store(output + channel, wasm_f32x4_mul(value, splat(scale)));
  }
  for (; channel < channels; channel++) {
    float value = input[first * channels + channel];
    for (int step = first + 1; step < last; step++) {
      value = pool_combine1(value, input[step * channels + channel], kind);
    }
    output[channel] = value * scale;
  }
}

/* A max or min over a window wholly inside the sequence, channels in fours (no scale). */
INLINE void extreme_window(const float *x, int channels, int pool_size, float *output, int kind) {
  for (int channel = 0; channel < channels; channel += 4) {
    v128_t value = wasm_v128_load(x + channel);
    for (int step = 1; step < pool_size; step++) {
      value = pool_combine(value, wasm_v128_load(x + step * channels + channel), kind);
    }
    wasm_v128_store(output + channel, value);
  }
}

/* Max or min pooling of whole windows over channels in fours: the recipe's case, unbranched. */
INLINE void extreme_pool(const float *input, int beats, int in_steps, int channels,
                         float *output, int out_steps, int pool_size, int stride, int kind) {
  for (int beat = 0; beat < beats; beat++) {
    for (int t = 0; t < out_steps; t++) {
      extreme_window(input + t * stride * channels, channels, pool_size,
                     output + t * channels, kind);
    }
    input += in_steps * channels;
    output += out_steps * channels;
  }
}

/* Window t covers steps [t * stride - pad_before, + pool_size), clipped to the sequence. */
EXPORT(pool1d)
void pool1d(const float *input, int beats, int in_steps, int channels, float *output,
            int out_steps, int pool_size, int stride, int pad_before, int kind) {
  int whole = pad_before == 0 && (out_steps - 1) * stride + pool_size <= in_steps;
  if (whole && channels % 4 == 0 && kind != POOLING_AVERAGE) {
    if (kind == POOLING_MAX) {
      extreme_pool(input, beats, in_steps, channels, output, out_steps, pool_size, stride,
                   POOLING_MAX);
    } else {
      extreme_pool(input, beats, in_steps, channels, output, out_steps, pool_size, stride,
                   POOLING_MIN);
    }
    return;
  }
  for (int beat = 0; beat < beats; beat++) {
    for (int t = 0; t < out_steps; t++) {
      int first = t * stride - pad_before;
      int last = first + pool_size;
      pool_window(input, channels, first < 0 ? 0 : first, last > in_steps ? in_steps : last,
                  output + t * channels, kind);
    }
    input += in_steps * channels;
    output += out_steps * channels;
  }
}

/* Global pooling: one window of every step. */
EXPORT(global_pool1d)
void global_pool1d(const float *input, int beats, int steps, int channels, float *output,
                   int kind) {
  for (int beat = 0; beat < beats; beat++) {
    pool_window(input + beat * steps * channels, channels, 0, steps, output + beat * channels,
                kind);
  }
}
