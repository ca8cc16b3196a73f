/*
 * The small steps of the SDK's own training step: activation derivatives taken from a layer's
 * output, cropping and spreading of sequences, and dropout.
 */
#include "vector-math.h"

/* f'(x) from y = f(x), for the activations whose derivative the output determines. */
INLINE v128_t derivative4(v128_t y, int activation, float alpha) {
  const v128_t one = splat(1.0f), zero = splat(0.0f);
  switch (activation) {
    case ACTIVATION_RELU:
      return wasm_v128_and(one, wasm_f32x4_gt(y, zero));
    case ACTIVATION_LEAKY_RELU:
      return wasm_v128_bitselect(one, splat(alpha), wasm_f32x4_gt(y, zero));
    case ACTIVATION_ELU:
      return wasm_v128_bitselect(one, wasm_f32x4_add(y, one), wasm_f32x4_ge(y, zero));
    case ACTIVATION_SELU: {
      /* scale for x > 0; scale alpha e^x = y + scale alpha below. */
      v128_t below = wasm_f32x4_add(y, splat(SELU_SCALE * SELU_ALPHA));
      return wasm_v128_bitselect(splat(SELU_SCALE), below, wasm_f32x4_gt(y, zero));
    }
    case ACTIVATION_SOFTPLUS: {
      /*
       * sigmoid(x) = 1 - exp(-y). Below y = 0.01 that subtraction cancels, and the series
       * y - y^2/2 + y^3/6 - y^4/24 is closer (its next term is below 1e-10 of it).
       */
      v128_t direct = wasm_f32x4_sub(one, exp4(wasm_f32x4_neg(y)));
      v128_t series = multiply_add(splat(1.0f / 6.0f), y, splat(-1.0f / 24.0f));
      series = multiply_add(splat(-0.5f), y, series);
      series = wasm_f32x4_mul(y, multiply_add(one, y, series));
      return wasm_v128_bitselect(series, direct, wasm_f32x4_lt(y, splat(0.01f)));
    }
    case ACTIVATION_TANH:
      return wasm_f32x4_sub(one, wasm_f32x4_mul(y, y));
    case ACTIVATION_SIGMOID:
      return wasm_f32x4_mul(y, wasm_f32x4_sub(one, y));
    default:
      return one;
  }
}

/*
 * gradient[i] *= f'(x[i]), read from output[i] = f(x[i]): relu, leaky relu (slope alpha >= 0),
 * elu, selu, softplus, tanh and sigmoid. Their backward passes in tfjs take the same values.
 */
EXPORT(activation_gradient)
void activation_gradient(float *gradient, const float *output, int count, int activation,
                         float alpha) {
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    v128_t slope = derivative4(wasm_v128_load(output + i), activation, alpha);
    wasm_v128_store(gradient + i, wasm_f32x4_mul(wasm_v128_load(gradient + i), slope));
  }
  for (; i < count; i++) {
    gradient[i] *= wasm_f32x4_extract_lane(derivative4(splat(output[i]), activation, alpha), 0);
  }
}

/* Copies each beat's [steps][channels] without its first `before` and last `after` steps. */
EXPORT(crop1d)
void crop1d(const float *input, int beats, int steps, int channels, int before, int after,
            float *output) {
  const int kept = (steps - before - after) * channels;
  for (int beat = 0; beat < beats; beat++) {
    const float *x = input + (beat * steps + before) * channels;
    float *y = output + beat * kept;
    for (int i = 0; i < kept; i++) y[i] = x[i];
  }
}

/*
 * Spreads each beat's [steps][channels] over [out_steps][channels]: step t goes to
 * before + t * stride, zeros everywhere else. A strided convolution's output gradient, spread
 * so, turns into its input gradient by a stride-1 convolution with the flipped kernel.
 */
EXPORT(spread1d)
void spread1d(const float *input, int beats, int steps, int channels, int stride, int before,
              int out_steps, float *output) {
  for (int beat = 0; beat < beats; beat++) {
    const float *x = input + beat * steps * channels;
    float *y = output + beat * out_steps * channels;
    for (int i = 0; i < out_steps * channels; i++) y[i] = 0.0f;
    for (int t = 0; t < steps; t++) {
      float *row = y + (before + t * stride) * channels;
      for (int c = 0; c < channels; c++) row[c] = x[t * channels + c];
    }
  }
}

/* SplitMix64: spreads a seed over the state, and steps a counter into well-mixed words. */
INLINE unsigned long long split_mix(unsigned long long *state) {
  unsigned long long z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/*
 * Inverted dropout of `count` values: each is kept with probability 1 - rate and scaled by
 * 1 / (1 - rate), or zeroed. `mask` gets the factor applied to each, for the backward pass.
 * The draws come from SplitMix64 seeded with seed_high:seed_low (uniforms of 24 bits).
 */
EXPORT(dropout)
void dropout(const float *input, int count, float rate, unsigned seed_low, unsigned seed_high,
             float *mask, float *output) {
  unsigned long long state = ((unsigned long long)seed_high << 32) | seed_low;
  const float scale = 1.0f / (1.0f - rate);
  for (int i = 0; i < count; i++) {
    float uniform = (float)(split_mix(&state) >> 40) * (1.0f / 16777216.0f);
    mask[i] = uniform >= rate ? scale : 0.0f;
    output[i] = input[i] * mask[i];
  }
}

/* values[i] *= factors[i]: the backward pass of dropout, with its mask. */
EXPORT(multiply_by)
void multiply_by(float *values, const float *factors, int count) {
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    v128_t product = wasm_f32x4_mul(wasm_v128_load(values + i), wasm_v128_load(factors + i));
    wasm_v128_store(values + i, product);
  }
  for (; i < count; i++) values[i] *= factors[i];
}
