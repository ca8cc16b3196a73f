/*
 * Conv1D over 'valid' positions (JavaScript pads first), fused with bias and activation.
 *
 * Each tile computes up to 4 output steps by 8 output channels in registers: per kernel tap
 * and input channel it loads two weight vectors once and reuses them for every step.
 */
#include "vector-math.h"

typedef struct {
  const float *input;
  int in_channels;
  int stride;
  int dilation;
  const float *kernel;
  int kernel_size;
  const float *bias;
  float *output;
  int out_channels;
  int activation;
  float alpha;
} conv;

INLINE void conv_tile(const conv *c, int step, int channel, int steps, int vectors) {
  v128_t sum[4][2];
  for (int v = 0; v < vectors; v++) {
    v128_t b = c->bias ? wasm_v128_load(c->bias + channel + 4 * v) : splat(0.0f);
    for (int s = 0; s < steps; s++) sum[s][v] = b;
  }
  const int row_stride = c->stride * c->in_channels;
  for (int tap = 0; tap < c->kernel_size; tap++) {
    const float *x = c->input + (step * c->stride + tap * c->dilation) * c->in_channels;
    const float *w = c->kernel + tap * c->in_channels * c->out_channels + channel;
    for (int i = 0; i < c->in_channels; i++, x++, w += c->out_channels) {
      v128_t weight[2];
      for (int v = 0; v < vectors; v++) weight[v] = wasm_v128_load(w + 4 * v);
      for (int s = 0; s < steps; s++) {
        v128_t value = wasm_v128_load32_splat(x + s * row_stride);
        for (int v = 0; v < vectors; v++) sum[s][v] = multiply_add(sum[s][v], value, weight[v]);
      }
    }
  }
  for (int s = 0; s < steps; s++) {
    float *y = c->output + (step + s) * c->out_channels + channel;
    for (int v = 0; v < vectors; v++) {
      wasm_v128_store(y + 4 * v, activate4(sum[s][v], c->activation, c->alpha));
    }
  }
}

/* One output value, for channel counts that are not a multiple of 4. */
static void conv_single(const conv *c, int step, int channel) {
  float sum = c->bias ? c->bias[channel] : 0.0f;
  for (int tap = 0; tap < c->kernel_size; tap++) {
    const float *x = c->input + (step * c->stride + tap * c->dilation) * c->in_channels;
    const float *w = c->kernel + tap * c->in_channels * c->out_channels + channel;
    for (int i = 0; i < c->in_channels; i++) sum += x[i] * w[i * c->out_channels];
  }
  c->output[step * c->out_channels + channel] = activate1(sum, c->activation, c->alpha);
}

INLINE void conv_steps(const conv *c, int step, int steps) {
  int channel = 0;
  for (; channel + 8 <= c->out_channels; channel += 8) conv_tile(c, step, channel, steps, 2);
  for (; channel + 4 <= c->out_channels; channel += 4) conv_tile(c, step, channel, steps, 1);
  for (; channel < c->out_channels; channel++) {
    for (int s = 0; s < steps; s++) conv_single(c, step + s, channel);
  }
}

static void conv_sequence(const conv *c, int out_steps) {
  int step = 0;
  for (; step + 4 <= out_steps; step += 4) conv_steps(c, step, 4);
  for (; step < out_steps; step++) conv_steps(c, step, 1);
}

/*
 * One input channel, stride 1, no dilation, 3 taps (a network's first layer on one lead): the
 * kernel of 8 output channels stays in registers while the steps pass.
 */
INLINE void single_input_channels(const conv *c, int channel, int out_steps) {
  v128_t w[3][2], b[2];
  for (int v = 0; v < 2; v++) {
    for (int tap = 0; tap < 3; tap++) {
      w[tap][v] = wasm_v128_load(c->kernel + tap * c->out_channels + channel + 4 * v);
    }
    b[v] = c->bias ? wasm_v128_load(c->bias + channel + 4 * v) : splat(0.0f);
  }
  for (int step = 0; step < out_steps; step++) {
    v128_t x0 = wasm_v128_load32_splat(c->input + step);
    v128_t x1 = wasm_v128_load32_splat(c->input + step + 1);
    v128_t x2 = wasm_v128_load32_splat(c->input + step + 2);
    float *y = c->output + step * c->out_channels + channel;
    for (int v = 0; v < 2; v++) {
      v128_t sum = multiply_add(multiply_add(multiply_add(b[v], x0, w[0][v]), x1, w[1][v]), x2,
                                w[2][v]);
      wasm_v128_store(y + 4 * v, activate4(sum, c->activation, c->alpha));
    }
  }
}

static int single_input_applies(const conv *c) {
  return c->in_channels == 1 && c->kernel_size == 3 && c->stride == 1 && c->dilation == 1 &&
         c->out_channels % 8 == 0;
}

static void single_input_sequence(const conv *c, int out_steps) {
  for (int channel = 0; channel < c->out_channels; channel += 8) {
    single_input_channels(c, channel, out_steps);
  }
}

/*
 * For each of `beats` sequences of [in_steps][in_channels], writes [out_steps][out_channels].
 * A dense layer is the same with in_steps = out_steps = rows, kernel_size 1, stride 1.
 */
EXPORT(conv1d)
void conv1d(const float *input, int beats, int in_steps, int in_channels, const float *kernel,
            const float *bias, int kernel_size, int stride, int dilation, float *output,
            int out_steps, int out_channels, int activation, float alpha) {
  conv c = {input, in_channels, stride, dilation, kernel, kernel_size, bias, output,
            out_channels, activation, alpha};
  const int single = single_input_applies(&c);
  for (int beat = 0; beat < beats; beat++) {
    if (single) {
      single_input_sequence(&c, out_steps);
    } else {
      conv_sequence(&c, out_steps);
    }
    c.input += in_steps * in_channels;
    c.output += out_steps * out_channels;
  }
}
