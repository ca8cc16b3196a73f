/*
 * Conv1D with kernel size 3, stride 1 and no dilation by Winograd's minimal filtering F(2, 3):
 * each pair of output steps takes 4 products per input and output channel instead of 6.
 *
 * With d0..d3 the four input steps under a pair, the input transform is u = (d0 - d2, d1 + d2,
 * d2 - d1, d1 - d3); the kernel, transformed once by the caller, is g = (w0, (w0 + w1 + w2) / 2,
 * (w0 - w1 + w2) / 2, w2) (winograd3_kernel). Then y0 = m0 + m1 + m2 and y1 = m1 - m2 - m3, where m_j = u_j g_j
 * summed over input channels: four matrix products, run by conv1d with kernel size 1.
 */
#include "vector-math.h"

void conv1d(const float *input, int beats, int in_steps, int in_channels, const float *kernel,
            const float *bias, int kernel_size, int stride, int dilation, float *output,
            int out_steps, int out_channels, int activation, float alpha);

INLINE void transform4(v128_t d0, v128_t d1, v128_t d2, v128_t d3, float *row, int plane) {
  wasm_v128_store(row, wasm_f32x4_sub(d0, d2));
  wasm_v128_store(row + plane, wasm_f32x4_add(d1, d2));
  wasm_v128_store(row + 2 * plane, wasm_f32x4_sub(d2, d1));
  wasm_v128_store(row + 3 * plane, wasm_f32x4_sub(d1, d3));
}

/* u[j][pair][channel] from the sequence; a step past its end (odd output counts) reads 0. */
static void transform_input(const float *x, int in_steps, int channels, int pairs, float *u) {
  const int plane = pairs * channels;
  for (int pair = 0; pair < pairs; pair++) {
    const float *d = x + 2 * pair * channels;
    int last = 2 * pair + 3 < in_steps;
    float *row = u + pair * channels;
    int i = 0;
    for (; last && i + 4 <= channels; i += 4) {
      transform4(wasm_v128_load(d + i), wasm_v128_load(d + channels + i),
                 wasm_v128_load(d + 2 * channels + i), wasm_v128_load(d + 3 * channels + i),
                 row + i, plane);
    }
    for (; i < channels; i++) {
      float d0 = d[i], d1 = d[channels + i], d2 = d[2 * channels + i];
      float d3 = last ? d[3 * channels + i] : 0.0f;
      row[i] = d0 - d2;
      row[plane + i] = d1 + d2;
      row[2 * plane + i] = d2 - d1;
      row[3 * plane + i] = d1 - d3;
    }
  }
}

INLINE v128_t load_or_zero(const float *bias, int channel) {
  return bias ? wasm_v128_load(bias + channel) : splat(0.0f);
}

/* y from m[j][pair][channel], with bias and activation. */
static void transform_output(const float *m, int pairs, int channels, const float *bias,
                             float *y, int out_steps, int activation, float alpha) {
  const int plane = pairs * channels;
  for (int pair = 0; pair < pairs; pair++) {
    const float *m0 = m + pair * channels;
    float *y0 = y + 2 * pair * channels;
    int second = 2 * pair + 1 < out_steps;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t a = wasm_v128_load(m0 + c), b = wasm_v128_load(m0 + plane + c);
      v128_t d = wasm_v128_load(m0 + 2 * plane + c), e = wasm_v128_load(m0 + 3 * plane + c);
      v128_t offset = load_or_zero(bias, c);
      v128_t first = wasm_f32x4_add(wasm_f32x4_add(a, b), wasm_f32x4_add(d, offset));
      wasm_v128_store(y0 + c, activate4(first, activation, alpha));
      if (!second) continue;
      v128_t next = wasm_f32x4_sub(wasm_f32x4_sub(b, d), wasm_f32x4_sub(e, offset));
      wasm_v128_store(y0 + channels + c, activate4(next, activation, alpha));
    }
    for (; c < channels; c++) {
      float offset = bias ? bias[c] : 0.0f;
      float b = m0[plane + c], d = m0[2 * plane + c];
      y0[c] = activate1(m0[c] + b + d + offset, activation, alpha);
      if (!second) continue;
      y0[channels + c] = activate1(b - d - m0[3 * plane + c] + offset, activation, alpha);
    }
  }
}

/*
 * For each of `beats` sequences of [out_steps + 2][in_channels], writes [out_steps][out_channels].
 * `kernel` is the transformed [4][in_channels][out_channels]; `scratch` holds
 * 4 * ceil(out_steps / 2) * (in_channels + out_channels) floats.
 */
EXPORT(conv1d_winograd3)
void conv1d_winograd3(const float *input, int beats, int in_channels, const float *kernel,
                      const float *bias, float *output, int out_steps, int out_channels,
                      int activation, float alpha, float *scratch) {
  const int in_steps = out_steps + 2;
  const int pairs = (out_steps + 1) / 2;
  float *u = scratch;
  float *m = scratch + 4 * pairs * in_channels;
  for (int beat = 0; beat < beats; beat++) {
    transform_input(input + beat * in_steps * in_channels, in_steps, in_channels, pairs, u);
    for (int j = 0; j < 4; j++) {
      conv1d(u + j * pairs * in_channels, 1, pairs, in_channels,
             kernel + j * in_channels * out_channels, 0, 1, 1, 1,
             m + j * pairs * out_channels, pairs, out_channels, ACTIVATION_LINEAR, 0.0f);
    }
    transform_output(m, pairs, out_channels, bias, output + beat * out_steps * out_channels,
                     out_steps, activation, alpha);
  }
}

/* The transformed kernel [4][in_channels][out_channels] of a [3][in_channels][out_channels] one. */
EXPORT(winograd3_kernel)
void winograd3_kernel(const float *kernel, int in_channels, int out_channels, float *transformed) {
  const int plane = in_channels * out_channels;
  for (int i = 0; i < plane; i++) {
    float w0 = kernel[i], w1 = kernel[plane + i], w2 = kernel[2 * plane + i];
    transformed[i] = w0;
    transformed[plane + i] = (w0 + w1 + w2) * 0.5f;
    transformed[2 * plane + i] = (w0 - w1 + w2) * 0.5f;
    transformed[3 * plane + i] = w2;
  }
}
