/*
 * Exponential, logistic and tanh on four lanes, and the activations built from them.
 *
 * exp uses a range reduction to r = x - n ln 2 with |r| <= ln 2 / 2 and a Taylor
 * polynomial (degree 6); its relative error is about 2e-7, close to float rounding.
 */
#ifndef EDGE_ECG_VECTOR_MATH_H
#define EDGE_ECG_VECTOR_MATH_H

#include "forward.h"

#define SELU_ALPHA 1.6732632423543772f
#define SELU_SCALE 1.0507009873554805f

INLINE v128_t splat(float value) { return wasm_f32x4_splat(value); }

/*
 * pmax and pmin are single instructions on x86 and Arm; wasm's min and max order NaNs and
 * signed zeros, which costs several. Inputs here are never NaN unless the model's are.
 */
INLINE v128_t larger(v128_t a, v128_t b) { return wasm_f32x4_pmax(a, b); }
INLINE v128_t smaller(v128_t a, v128_t b) { return wasm_f32x4_pmin(a, b); }

INLINE v128_t multiply_add(v128_t sum, v128_t a, v128_t b) {
  return wasm_f32x4_add(sum, wasm_f32x4_mul(a, b));
}

/*
 * For two rows a and b of `rows` values, out_a[0 .. 4 * vectors] = start_a + a w and the same
 * for b, where w holds `rows` rows `stride` floats apart: each weight vector loaded once serves
 * both rows. start_a and start_b are the outputs themselves (accumulate) or zero.
 */
INLINE void two_row_product(const float *a, const float *b, int rows, const float *w, int stride,
                            int vectors, int accumulate, float *out_a, float *out_b) {
  v128_t sa[4], sb[4];
  for (int v = 0; v < vectors; v++) {
    sa[v] = accumulate ? wasm_v128_load(out_a + 4 * v) : wasm_f32x4_splat(0.0f);
    sb[v] = accumulate ? wasm_v128_load(out_b + 4 * v) : wasm_f32x4_splat(0.0f);
  }
  for (int j = 0; j < rows; j++, w += stride) {
    v128_t value_a = wasm_v128_load32_splat(a + j), value_b = wasm_v128_load32_splat(b + j);
    for (int v = 0; v < vectors; v++) {
      v128_t weight = wasm_v128_load(w + 4 * v);
      sa[v] = wasm_f32x4_add(sa[v], wasm_f32x4_mul(value_a, weight));
      sb[v] = wasm_f32x4_add(sb[v], wasm_f32x4_mul(value_b, weight));
    }
  }
  for (int v = 0; v < vectors; v++) {
    wasm_v128_store(out_a + 4 * v, sa[v]);
    wasm_v128_store(out_b + 4 * v, sb[v]);
  }
}

/* 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer in the low bits. */
#define ROUNDING_MAGIC 12582912.0f

INLINE v128_t exp4(v128_t x) {
  x = smaller(larger(x, splat(-87.0f)), splat(88.0f));
  v128_t scaled = wasm_f32x4_mul(x, splat(1.44269504088896341f));
  v128_t shifted = wasm_f32x4_add(scaled, splat(ROUNDING_MAGIC));
  v128_t n = wasm_f32x4_sub(shifted, splat(ROUNDING_MAGIC));
  /* ln 2 in two parts, so that n * ln2_high is exact. */
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, splat(0.693359375f)));
  r = wasm_f32x4_add(r, wasm_f32x4_mul(n, splat(2.12194440e-4f)));
  v128_t p = splat(1.0f / 720.0f);
  p = multiply_add(splat(1.0f / 120.0f), p, r);
  p = multiply_add(splat(1.0f / 24.0f), p, r);
  p = multiply_add(splat(1.0f / 6.0f), p, r);
  p = multiply_add(splat(0.5f), p, r);
  p = multiply_add(splat(1.0f), p, r);
  p = multiply_add(splat(1.0f), p, r);
  /*
   * shifted's bits are M's plus n; M - 127 is 127 steps of 1 below M (floats near 2^23 are 1
   * apart), so the difference of the bits is n + 127, the exponent field of 2^n.
   */
  v128_t biased = wasm_i32x4_sub(shifted, wasm_f32x4_splat(ROUNDING_MAGIC - 127.0f));
  return wasm_f32x4_mul(p, wasm_i32x4_shl(biased, 23));
}

INLINE v128_t sigmoid4(v128_t x) {
  v128_t one = splat(1.0f);
  return wasm_f32x4_div(one, wasm_f32x4_add(one, exp4(wasm_f32x4_neg(x))));
}

/* tanh(x) = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|), which never overflows. */
INLINE v128_t tanh4(v128_t x) {
  v128_t e = exp4(wasm_f32x4_mul(wasm_f32x4_abs(x), splat(-2.0f)));
  v128_t one = splat(1.0f);
  v128_t magnitude = wasm_f32x4_div(wasm_f32x4_sub(one, e), wasm_f32x4_add(one, e));
  v128_t sign = wasm_v128_and(x, wasm_i32x4_splat((int)0x80000000));
  return wasm_v128_or(magnitude, sign);
}

/* log(1 + e) for e in [0, 1], as 2 atanh(e / (2 + e)): a series in s <= 1/3, no cancellation. */
INLINE v128_t log1p_unit4(v128_t e) {
  v128_t s = wasm_f32x4_div(e, wasm_f32x4_add(e, splat(2.0f)));
  v128_t s2 = wasm_f32x4_mul(s, s);
  v128_t p = splat(1.0f / 15.0f);
  p = multiply_add(splat(1.0f / 13.0f), p, s2);
  p = multiply_add(splat(1.0f / 11.0f), p, s2);
  p = multiply_add(splat(1.0f / 9.0f), p, s2);
  p = multiply_add(splat(1.0f / 7.0f), p, s2);
  p = multiply_add(splat(1.0f / 5.0f), p, s2);
  p = multiply_add(splat(1.0f / 3.0f), p, s2);
  p = multiply_add(splat(1.0f), p, s2);
  return wasm_f32x4_mul(wasm_f32x4_mul(s, p), splat(2.0f));
}

/* log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)). */
INLINE v128_t softplus4(v128_t x) {
  v128_t tail = log1p_unit4(exp4(wasm_f32x4_neg(wasm_f32x4_abs(x))));
  return wasm_f32x4_add(larger(x, splat(0.0f)), tail);
}

/* exp(x) - 1 where x < 0, x elsewhere. */
INLINE v128_t elu4(v128_t x) {
  v128_t negative = wasm_f32x4_sub(exp4(x), splat(1.0f));
  return wasm_v128_bitselect(x, negative, wasm_f32x4_gt(x, splat(0.0f)));
}

INLINE v128_t activate4(v128_t x, int activation, float alpha) {
  switch (activation) {
    case ACTIVATION_RELU:
      return larger(x, splat(0.0f));
    case ACTIVATION_LEAKY_RELU:
      return wasm_v128_bitselect(x, wasm_f32x4_mul(x, splat(alpha)), wasm_f32x4_gt(x, splat(0.0f)));
    case ACTIVATION_ELU:
      return elu4(x);
    case ACTIVATION_SELU: {
      v128_t negative = wasm_f32x4_mul(wasm_f32x4_sub(exp4(x), splat(1.0f)), splat(SELU_ALPHA));
      v128_t y = wasm_v128_bitselect(x, negative, wasm_f32x4_gt(x, splat(0.0f)));
      return wasm_f32x4_mul(y, splat(SELU_SCALE));
    }
    case ACTIVATION_TANH:
      return tanh4(x);
    case ACTIVATION_SIGMOID:
      return sigmoid4(x);
    case ACTIVATION_HARD_SIGMOID: {
      v128_t y = multiply_add(splat(0.5f), x, splat(0.2f));
      return smaller(larger(y, splat(0.0f)), splat(1.0f));
    }
    case ACTIVATION_SOFTPLUS:
      return softplus4(x);
    default:
      return x;
  }
}

INLINE float activate1(float x, int activation, float alpha) {
  return wasm_f32x4_extract_lane(activate4(splat(x), activation, alpha), 0);
}

#endif
