/*
 * The small steps between layers: zero padding of sequences, an activation in place, a
 * per-channel affine map (inference batch normalization), softmax over rows, column sums,
 * and the Adam update.
 */
#include "vector-math.h"

/* Copies each beat's [steps][channels] into [before + steps + after][channels], zeros around. */
EXPORT(pad1d)
void pad1d(const float *input, int beats, int steps, int channels, int before, int after,
           float *output) {
  const int in_size = steps * channels;
  const int out_size = (before + steps + after) * channels;
  for (int beat = 0; beat < beats; beat++) {
    float *y = output + beat * out_size;
    const float *x = input + beat * in_size;
    for (int i = 0; i < before * channels; i++) y[i] = 0.0f;
    for (int i = 0; i < in_size; i++) y[before * channels + i] = x[i];
    for (int i = (before + steps) * channels; i < out_size; i++) y[i] = 0.0f;
  }
}

EXPORT(activate)
void activate(float *values, int count, int activation, float alpha) {
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    wasm_v128_store(values + i, activate4(wasm_v128_load(values + i), activation, alpha));
  }
  for (; i < count; i++) values[i] = activate1(values[i], activation, alpha);
}

/* values[row][channel] = values[row][channel] * scale[channel] + shift[channel]. */
EXPORT(affine)
void affine(float *values, int rows, int channels, const float *scale, const float *shift) {
  for (int row = 0; row < rows; row++, values += channels) {
    for (int channel = 0; channel < channels; channel++) {
      values[channel] = values[channel] * scale[channel] + shift[channel];
    }
  }
}

EXPORT(softmax)
void softmax(float *values, int rows, int columns) {
  for (int row = 0; row < rows; row++, values += columns) {
    float largest = values[0];
    for (int i = 1; i < columns; i++) largest = values[i] > largest ? values[i] : largest;
    float sum = 0.0f;
    for (int i = 0; i < columns; i++) {
      values[i] = wasm_f32x4_extract_lane(exp4(splat(values[i] - largest)), 0);
      sum += values[i];
    }
    for (int i = 0; i < columns; i++) values[i] /= sum;
  }
}

/* out[column] = the sum over rows of values[row][column]: a bias's gradient. */
EXPORT(sum_rows)
void sum_rows(const float *values, int rows, int columns, float *out) {
  int column = 0;
  for (; column + 4 <= columns; column += 4) {
    v128_t sum[2] = {splat(0.0f), splat(0.0f)};
    int row = 0;
    for (; row + 2 <= rows; row += 2) {
      for (int k = 0; k < 2; k++) {
        sum[k] = wasm_f32x4_add(sum[k], wasm_v128_load(values + (row + k) * columns + column));
      }
    }
    if (row < rows) {
      sum[0] = wasm_f32x4_add(sum[0], wasm_v128_load(values + row * columns + column));
    }
    wasm_v128_store(out + column, wasm_f32x4_add(sum[0], sum[1]));
  }
  for (; column < columns; column++) {
    float total = 0.0f;
    for (int row = 0; row < rows; row++) total += values[row * columns + column];
    out[column] = total;
  }
}

/*
 * One Adam step on `count` values in place, as tfjs and Keras take it: the moments first, then
 * value -= learning_rate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon). The
 * caller rounds 1 - beta and 1 - beta^t to float32 as tfjs does.
 */
EXPORT(adam_update)
void adam_update(float *value, const float *gradient, float *m, float *v, int count,
                 float learning_rate, float beta1, float one_minus_beta1, float beta2,
                 float one_minus_beta2, float one_minus_acc_beta1, float one_minus_acc_beta2,
                 float epsilon) {
  int i = 0;
  const v128_t b1 = splat(beta1), b2 = splat(beta2);
  const v128_t c1 = splat(one_minus_beta1), c2 = splat(one_minus_beta2);
  const v128_t scale1 = splat(one_minus_acc_beta1), scale2 = splat(one_minus_acc_beta2);
  const v128_t rate = splat(learning_rate), eps = splat(epsilon);
  for (; i + 4 <= count; i += 4) {
    v128_t g = wasm_v128_load(gradient + i);
    v128_t first = multiply_add(wasm_f32x4_mul(b1, wasm_v128_load(m + i)), c1, g);
    v128_t squared = wasm_f32x4_mul(g, g);
    v128_t second = multiply_add(wasm_f32x4_mul(b2, wasm_v128_load(v + i)), c2, squared);
    wasm_v128_store(m + i, first);
    wasm_v128_store(v + i, second);
    v128_t root = wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(second, scale2)), eps);
    v128_t step = wasm_f32x4_div(wasm_f32x4_div(first, scale1), root);
    v128_t updated = wasm_f32x4_sub(wasm_v128_load(value + i), wasm_f32x4_mul(step, rate));
    wasm_v128_store(value + i, updated);
  }
  for (; i < count; i++) {
    float g = gradient[i];
    m[i] = beta1 * m[i] + one_minus_beta1 * g;
    v[i] = beta2 * v[i] + one_minus_beta2 * (g * g);
    float root = wasm_f32x4_extract_lane(wasm_f32x4_sqrt(splat(v[i] / one_minus_acc_beta2)), 0);
    value[i] -= learning_rate * ((m[i] / one_minus_acc_beta1) / (root + epsilon));
  }
}
