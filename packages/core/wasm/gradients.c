/*
 * Training gradients of the 1-D layers that tfjs-backend-wasm runs slowly or not at all: the
 * filter gradient of a convolution and the gradients of max, min and average pooling.
 */
#include "vector-math.h"

typedef struct {
  const float *x;
  int in_steps;
  int in_channels;
  const float *dy;
  int out_steps;
  int out_channels;
  int stride;
  int pad_before;
  float *dw;
} filter_gradient;

/* The output steps whose input step for `tap` lies inside the sequence: [*first, *last). */
static void tap_range(const filter_gradient *g, int tap, int *first, int *last) {
  int offset = tap - g->pad_before;
  int lo = offset >= 0 ? 0 : (-offset + g->stride - 1) / g->stride;
  int hi = (g->in_steps - 1 - offset) / g->stride + 1;
  if (g->in_steps - 1 - offset < 0) hi = 0;
  *first = lo;
  *last = hi < g->out_steps ? hi : g->out_steps;
}

/* dw[tap][i..i+inputs][o..o+4 vectors] += one beat's products, kept in registers. */
INLINE void gradient_tile(const filter_gradient *g, int tap, int i, int o, int inputs,
                          int vectors) {
  int first, last;
  tap_range(g, tap, &first, &last);
  float *dw = g->dw + (tap * g->in_channels + i) * g->out_channels + o;
  v128_t sum[4][2];
  for (int r = 0; r < inputs; r++) {
    for (int v = 0; v < vectors; v++) sum[r][v] = wasm_v128_load(dw + r * g->out_channels + 4 * v);
  }
  const float *x = g->x + ((first * g->stride) + tap - g->pad_before) * g->in_channels + i;
  const float *dy = g->dy + first * g->out_channels + o;
  for (int t = first; t < last; t++) {
    v128_t grad[2];
    for (int v = 0; v < vectors; v++) grad[v] = wasm_v128_load(dy + 4 * v);
    for (int r = 0; r < inputs; r++) {
      v128_t value = wasm_v128_load32_splat(x + r);
      for (int v = 0; v < vectors; v++) sum[r][v] = multiply_add(sum[r][v], value, grad[v]);
    }
    x += g->stride * g->in_channels;
    dy += g->out_channels;
  }
  for (int r = 0; r < inputs; r++) {
    for (int v = 0; v < vectors; v++) wasm_v128_store(dw + r * g->out_channels + 4 * v, sum[r][v]);
  }
}

static void gradient_scalar(const filter_gradient *g, int tap, int i, int o) {
  int first, last;
  tap_range(g, tap, &first, &last);
  float sum = 0.0f;
  for (int t = first; t < last; t++) {
    int step = t * g->stride + tap - g->pad_before;
    sum += g->x[step * g->in_channels + i] * g->dy[t * g->out_channels + o];
  }
  g->dw[(tap * g->in_channels + i) * g->out_channels + o] += sum;
}

INLINE void gradient_rows(const filter_gradient *g, int tap, int i, int inputs) {
  int o = 0;
  for (; o + 8 <= g->out_channels; o += 8) gradient_tile(g, tap, i, o, inputs, 2);
  for (; o + 4 <= g->out_channels; o += 4) gradient_tile(g, tap, i, o, inputs, 1);
  for (; o < g->out_channels; o++) {
    for (int r = 0; r < inputs; r++) gradient_scalar(g, tap, i + r, o);
  }
}

/*
 * dw[tap][in][out] = sum over beats and output steps t of x[t * stride + tap - pad_before][in]
 * dy[t][out], inputs outside the sequence counting as zero. Beat by beat, so that one beat's
 * x and dy stay in cache while every tile of dw passes over them.
 */
EXPORT(conv1d_filter_gradient)
void conv1d_filter_gradient(const float *x, int beats, int in_steps, int in_channels,
                            const float *dy, int out_steps, int out_channels, int kernel_size,
                            int stride, int pad_before, float *dw) {
  filter_gradient g = {x, in_steps, in_channels, dy, out_steps, out_channels, stride, pad_before,
                       dw};
  for (int i = 0; i < kernel_size * in_channels * out_channels; i++) dw[i] = 0.0f;
  for (int beat = 0; beat < beats; beat++) {
    for (int tap = 0; tap < kernel_size; tap++) {
      int i = 0;
      for (; i + 4 <= in_channels; i += 4) gradient_rows(&g, tap, i, 4);
      for (; i < in_channels; i++) gradient_rows(&g, tap, i, 1);
    }
    g.x += in_steps * in_channels;
    g.dy += out_steps * out_channels;
  }
}

/* Adds dy[channel..+4] to dx at the step each lane chose. */
INLINE void scatter4(float *dx, int channels, int channel, v128_t steps, const float *dy) {
  dx[wasm_i32x4_extract_lane(steps, 0) * channels + channel] += dy[channel];
  dx[wasm_i32x4_extract_lane(steps, 1) * channels + channel + 1] += dy[channel + 1];
  dx[wasm_i32x4_extract_lane(steps, 2) * channels + channel + 2] += dy[channel + 2];
  dx[wasm_i32x4_extract_lane(steps, 3) * channels + channel + 3] += dy[channel + 3];
}

/* Whether a lane's value replaces the chosen one: strictly larger (max) or smaller (min). */
INLINE v128_t replaces(v128_t value, v128_t chosen, int kind) {
  return kind == POOLING_MIN ? wasm_f32x4_lt(value, chosen) : wasm_f32x4_gt(value, chosen);
}

/* One window's gradient to its first largest (or smallest) input, four channels at a time. */
static void route_window(const float *x, int channels, int first, int last, const float *dy,
                         float *dx, int kind) {
  int c = 0;
  for (; c + 4 <= channels; c += 4) {
    v128_t chosen = wasm_v128_load(x + first * channels + c);
    v128_t at = wasm_i32x4_splat(first);
    for (int step = first + 1; step < last; step++) {
      v128_t value = wasm_v128_load(x + step * channels + c);
      v128_t better = replaces(value, chosen, kind);
      chosen = wasm_v128_bitselect(value, chosen, better);
      at = wasm_v128_bitselect(wasm_i32x4_splat(step), at, better);
    }
    scatter4(dx, channels, c, at, dy);
  }
  for (; c < channels; c++) {
    int chosen = first;
    for (int step = first + 1; step < last; step++) {
      float value = x[step * channels + c], best = x[chosen * channels + c];
      if (kind == POOLING_MIN ? value < best : value > best) chosen = step;
    }
    dx[chosen * channels + c] += dy[c];
  }
}

/* An average window's gradient: each input inside it gets an equal share. */
static void spread_window(int channels, int first, int last, const float *dy, float *dx) {
  const float share = 1.0f / (float)(last - first);
  for (int step = first; step < last; step++) {
    for (int c = 0; c < channels; c++) dx[step * channels + c] += dy[c] * share;
  }
}

/*
 * dx of 1-D pooling of `kind`. Windows are clipped to the sequence, as the forward pass clips
 * them. Max and min send each output's gradient to the first extreme input of its window, as
 * tfjs's cpu backend routes it; average shares it among the window's inputs.
 */
EXPORT(pool1d_gradient)
void pool1d_gradient(const float *x, int beats, int in_steps, int channels, const float *dy,
                     int out_steps, int pool_size, int stride, int pad_before, int kind,
                     float *dx) {
  for (int i = 0; i < beats * in_steps * channels; i++) dx[i] = 0.0f;
  for (int beat = 0; beat < beats; beat++) {
    for (int t = 0; t < out_steps; t++) {
      int first = t * stride - pad_before;
      int last = first + pool_size < in_steps ? first + pool_size : in_steps;
      first = first < 0 ? 0 : first;
      if (first >= last) continue;
      if (kind == POOLING_AVERAGE) {
        spread_window(channels, first, last, dy + t * channels, dx);
      } else {
        route_window(x, channels, first, last, dy + t * channels, dx, kind);
      }
    }
    x += in_steps * channels;
    dy += out_steps * channels;
    dx += in_steps * channels;
  }
}
