/*
 * An LSTM layer over whole sequences, with tfjs-layers' gate order (input, forget, cell,
 * output) and z = x kernel + h recurrent + bias.
 *
 * The input projection of every step is one conv1d call with kernel size 1; each step then
 * adds h times the recurrent kernel, a vector at a time across the 4 * units gate columns.
 */
#include "vector-math.h"

void conv1d(const float *input, int beats, int in_steps, int in_channels, const float *kernel,
            const float *bias, int kernel_size, int stride, int dilation, float *output,
            int out_steps, int out_channels, int activation, float alpha);

typedef struct {
  const float *recurrent;
  int units;
  int activation;
  int recurrent_activation;
} cell;

/* z[column..] += h recurrent[.., column..] for `vectors` vectors of columns at once. */
INLINE void recurrent_tile(const cell *c, const float *h, float *z, int column, int vectors) {
  const int columns = 4 * c->units;
  v128_t sum[8];
  for (int v = 0; v < vectors; v++) sum[v] = wasm_v128_load(z + column + 4 * v);
  for (int j = 0; j < c->units; j++) {
    v128_t value = wasm_v128_load32_splat(h + j);
    const float *w = c->recurrent + j * columns + column;
    for (int v = 0; v < vectors; v++) {
      sum[v] = multiply_add(sum[v], value, wasm_v128_load(w + 4 * v));
    }
  }
  for (int v = 0; v < vectors; v++) wasm_v128_store(z + column + 4 * v, sum[v]);
}

/* z += h recurrent, over 4 * units columns; eight sums at a time keep the adders busy. */
static void add_recurrent(const cell *c, const float *h, float *z) {
  const int columns = 4 * c->units;
  int column = 0;
  for (; column + 32 <= columns; column += 32) recurrent_tile(c, h, z, column, 8);
  for (; column + 4 <= columns; column += 4) recurrent_tile(c, h, z, column, 1);
  for (; column < columns; column++) {
    for (int j = 0; j < c->units; j++) z[column] += h[j] * c->recurrent[j * columns + column];
  }
}

/* Keras's default cell, logistic gates and tanh, in straight-line code the compiler interleaves. */
INLINE void standard_gates4(const cell *c, const float *z, float *h, float *state, int unit) {
  const int u = c->units;
  v128_t in = sigmoid4(wasm_v128_load(z + unit));
  v128_t forget = sigmoid4(wasm_v128_load(z + u + unit));
  v128_t candidate = tanh4(wasm_v128_load(z + 2 * u + unit));
  v128_t out = sigmoid4(wasm_v128_load(z + 3 * u + unit));
  v128_t s = wasm_f32x4_mul(forget, wasm_v128_load(state + unit));
  s = multiply_add(s, in, candidate);
  wasm_v128_store(state + unit, s);
  wasm_v128_store(h + unit, wasm_f32x4_mul(out, tanh4(s)));
}

INLINE void gates4(const cell *c, const float *z, float *h, float *state, int unit) {
  const int u = c->units;
  v128_t in = activate4(wasm_v128_load(z + unit), c->recurrent_activation, 0.0f);
  v128_t forget = activate4(wasm_v128_load(z + u + unit), c->recurrent_activation, 0.0f);
  v128_t candidate = activate4(wasm_v128_load(z + 2 * u + unit), c->activation, 0.0f);
  v128_t out = activate4(wasm_v128_load(z + 3 * u + unit), c->recurrent_activation, 0.0f);
  v128_t s = wasm_f32x4_mul(forget, wasm_v128_load(state + unit));
  s = multiply_add(s, in, candidate);
  wasm_v128_store(state + unit, s);
  wasm_v128_store(h + unit, wasm_f32x4_mul(out, activate4(s, c->activation, 0.0f)));
}

static void gates1(const cell *c, const float *z, float *h, float *state, int unit) {
  const int u = c->units;
  float in = activate1(z[unit], c->recurrent_activation, 0.0f);
  float forget = activate1(z[u + unit], c->recurrent_activation, 0.0f);
  float candidate = activate1(z[2 * u + unit], c->activation, 0.0f);
  float out = activate1(z[3 * u + unit], c->recurrent_activation, 0.0f);
  state[unit] = forget * state[unit] + in * candidate;
  h[unit] = out * activate1(state[unit], c->activation, 0.0f);
}

/* Two beats' z += h recurrent over 16 columns. */
INLINE void recurrent_tile2(const cell *c, const float *ha, const float *hb, float *za, float *zb,
                            int column) {
  const int columns = 4 * c->units;
  two_row_product(ha, hb, c->units, c->recurrent + column, columns, 4, 1, za + column,
                  zb + column);
}

static int is_standard(const cell *c) {
  return c->activation == ACTIVATION_TANH && c->recurrent_activation == ACTIVATION_SIGMOID;
}

static void step(const cell *c, float *z, float *h, float *state) {
  add_recurrent(c, h, z);
  int unit = 0;
  if (is_standard(c)) {
    for (; unit + 4 <= c->units; unit += 4) standard_gates4(c, z, h, state, unit);
  }
  for (; unit + 4 <= c->units; unit += 4) gates4(c, z, h, state, unit);
  for (; unit < c->units; unit++) gates1(c, z, h, state, unit);
}

/* One step of two beats of Keras's default cell with units in fours. */
static void standard_step2(const cell *c, float *za, float *zb, float *ha, float *hb, float *sa,
                           float *sb) {
  for (int column = 0; column < 4 * c->units; column += 16) {
    recurrent_tile2(c, ha, hb, za, zb, column);
  }
  for (int unit = 0; unit < c->units; unit += 4) {
    standard_gates4(c, za, ha, sa, unit);
    standard_gates4(c, zb, hb, sb, unit);
  }
}

void lstm_add_recurrent(const float *recurrent, int units, const float *h, float *z) {
  cell c = {recurrent, units, ACTIVATION_LINEAR, ACTIVATION_LINEAR};
  add_recurrent(&c, h, z);
}

/* Two beats' z += h recurrent, for the training LSTM; units in fours. */
void lstm_add_recurrent2(const float *recurrent, int units, const float *ha, const float *hb,
                         float *za, float *zb) {
  cell c = {recurrent, units, ACTIVATION_LINEAR, ACTIVATION_LINEAR};
  for (int column = 0; column < 4 * units; column += 16) {
    recurrent_tile2(&c, ha, hb, za, zb, column);
  }
}

static void write_h(const float *h, int units, float *output) {
  for (int j = 0; j < units; j++) output[j] = h[j];
}

/*
 * For each beat of [steps][in_channels], runs the LSTM from zero state, forwards or (reverse)
 * from the last step. It writes h at every step ([steps][...], in input order) or only the
 * last h, each row `out_stride` floats apart from column `out_offset`, so that the two
 * directions of a bidirectional layer fill one concatenated output. The beats advance step by
 * step together, so that one beat's dependent sums overlap the next beat's; with Keras's
 * default cell and units in fours they go in pairs that share each recurrent weight load
 * (about 12 % faster on the recipe than one at a time). `scratch` holds
 * beats * (steps * 4 * units + 2 * units) floats.
 */
EXPORT(lstm)
void lstm(const float *input, int beats, int steps, int in_channels, const float *kernel,
          const float *recurrent, const float *bias, int units, int activation,
          int recurrent_activation, int reverse, int return_sequences, float *output,
          int out_stride, int out_offset, float *scratch) {
  cell c = {recurrent, units, activation, recurrent_activation};
  const int gates = 4 * units;
  float *z = scratch;
  float *h = z + beats * steps * gates;
  float *state = h + beats * units;
  conv1d(input, beats, steps, in_channels, kernel, bias, 1, 1, 1, z, steps, gates,
         ACTIVATION_LINEAR, 0.0f);
  for (int j = 0; j < 2 * beats * units; j++) h[j] = 0.0f;
  const int paired = is_standard(&c) && units % 4 == 0;
  for (int n = 0; n < steps; n++) {
    int t = reverse ? steps - 1 - n : n;
    int beat = 0;
    for (; paired && beat + 2 <= beats; beat += 2) {
      float *za = z + (beat * steps + t) * gates, *zb = za + steps * gates;
      float *ha = h + beat * units, *sa = state + beat * units;
      standard_step2(&c, za, zb, ha, ha + units, sa, sa + units);
      if (!return_sequences) continue;
      float *row = output + (beat * steps + t) * out_stride + out_offset;
      write_h(ha, units, row);
      write_h(ha + units, units, row + steps * out_stride);
    }
    for (; beat < beats; beat++) {
      float *own_h = h + beat * units;
      step(&c, z + (beat * steps + t) * gates, own_h, state + beat * units);
      if (!return_sequences) continue;
      write_h(own_h, units, output + (beat * steps + t) * out_stride + out_offset);
    }
  }
  if (return_sequences) return;
  for (int beat = 0; beat < beats; beat++) {
    write_h(h + beat * units, units, output + beat * out_stride + out_offset);
  }
}
