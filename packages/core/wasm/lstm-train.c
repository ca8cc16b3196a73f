/*
 * The LSTM of training: a forward pass that keeps every step's gates, cell states, their tanh
 * and hidden states, and the backward pass through time that turns them into gradients.
 *
 * Records are batch-major, [beat][step][...]. The cell activation is tanh; the gates use
 * `gate`, the logistic or the hard sigmoid.
 */
#include "vector-math.h"

void conv1d(const float *input, int beats, int in_steps, int in_channels, const float *kernel,
            const float *bias, int kernel_size, int stride, int dilation, float *output,
            int out_steps, int out_channels, int activation, float alpha);
void conv1d_filter_gradient(const float *x, int beats, int in_steps, int in_channels,
                            const float *dy, int out_steps, int out_channels, int kernel_size,
                            int stride, int pad_before, float *dw);
void lstm_add_recurrent(const float *recurrent, int units, const float *h, float *z);
void lstm_add_recurrent2(const float *recurrent, int units, const float *ha, const float *hb,
                         float *za, float *zb);
void sum_rows(const float *values, int rows, int columns, float *out);

typedef struct {
  int beats;
  int steps;
  int inputs;
  int units;
  int gate;
} lstm_sizes;

INLINE int row(const lstm_sizes *s, int beat, int t) { return beat * s->steps + t; }

/*
 * Activates one step's gates in place and writes its cell, tanh of cell and hidden state.
 * Inlined with a constant `gate`, its exps run as straight-line code.
 */
INLINE void forward_step(const lstm_sizes *s, int gate, float *z, const float *previous_cell,
                         float *cell, float *tanh_cell, float *hidden) {
  const int u = s->units;
  for (int j = 0; j < u; j += 4) {
    v128_t in = activate4(wasm_v128_load(z + j), gate, 0.0f);
    v128_t forget = activate4(wasm_v128_load(z + u + j), gate, 0.0f);
    v128_t candidate = tanh4(wasm_v128_load(z + 2 * u + j));
    v128_t out = activate4(wasm_v128_load(z + 3 * u + j), gate, 0.0f);
    v128_t before = previous_cell ? wasm_v128_load(previous_cell + j) : splat(0.0f);
    v128_t c = multiply_add(wasm_f32x4_mul(forget, before), in, candidate);
    v128_t tc = tanh4(c);
    wasm_v128_store(z + j, in);
    wasm_v128_store(z + u + j, forget);
    wasm_v128_store(z + 2 * u + j, candidate);
    wasm_v128_store(z + 3 * u + j, out);
    wasm_v128_store(cell + j, c);
    wasm_v128_store(tanh_cell + j, tc);
    wasm_v128_store(hidden + j, wasm_f32x4_mul(out, tc));
  }
}

/*
 * Runs the LSTM over x [beats][steps][inputs] from zero state. `gates` ([...][4 units]) first
 * holds the input projections, then the activated gates i, f, g, o. `output` is hidden at
 * every step (return_sequences) or at the last. Needs units to be a multiple of 4.
 */
EXPORT(lstm_train_forward)
void lstm_train_forward(const float *x, int beats, int steps, int inputs, const float *kernel,
                        const float *recurrent, const float *bias, int units, int gate,
                        int return_sequences, float *output, float *gates, float *cells,
                        float *tanh_cells, float *hidden) {
  const lstm_sizes s = {beats, steps, inputs, units, gate};
  conv1d(x, beats, steps, inputs, kernel, bias, 1, 1, 1, gates, steps, 4 * units,
         ACTIVATION_LINEAR, 0.0f);
  for (int t = 0; t < steps; t++) {
    int beat = 0;
    for (; t > 0 && beat + 2 <= beats; beat += 2) {
      int at = row(&s, beat, t), next = row(&s, beat + 1, t);
      lstm_add_recurrent2(recurrent, units, hidden + (at - 1) * units,
                          hidden + (next - 1) * units, gates + at * 4 * units,
                          gates + next * 4 * units);
    }
    for (; t > 0 && beat < beats; beat++) {
      int at = row(&s, beat, t);
      lstm_add_recurrent(recurrent, units, hidden + (at - 1) * units, gates + at * 4 * units);
    }
    for (beat = 0; beat < beats; beat++) {
      int at = row(&s, beat, t);
      const float *before = t > 0 ? cells + (at - 1) * units : 0;
      float *z = gates + at * 4 * units;
      float *records[3] = {cells + at * units, tanh_cells + at * units, hidden + at * units};
      if (gate == ACTIVATION_SIGMOID) {
        forward_step(&s, ACTIVATION_SIGMOID, z, before, records[0], records[1], records[2]);
      } else {
        forward_step(&s, gate, z, before, records[0], records[1], records[2]);
      }
    }
  }
  for (int beat = 0; beat < beats; beat++) {
    int first = return_sequences ? 0 : steps - 1;
    float *to = output + beat * (return_sequences ? steps : 1) * units;
    const float *from = hidden + row(&s, beat, first) * units;
    for (int j = 0; j < (steps - first) * units; j++) to[j] = from[j];
  }
}

/* The gate's derivative from its output a; 0 at the hard sigmoid's kinks. */
INLINE v128_t gate_derivative(v128_t a, int gate) {
  if (gate == ACTIVATION_HARD_SIGMOID) {
    v128_t inside = wasm_v128_and(wasm_f32x4_gt(a, splat(0.0f)), wasm_f32x4_lt(a, splat(1.0f)));
    return wasm_v128_and(splat(0.2f), inside);
  }
  return wasm_f32x4_mul(a, wasm_f32x4_sub(splat(1.0f), a));
}

typedef struct {
  const float *gates;
  const float *cells;
  const float *tanh_cells;
} lstm_records;

/* dz of one step from the carried dh and dc; dc becomes the carry to the step before. */
static void backward_step(const lstm_sizes *s, const lstm_records *r, int at, int t,
                          const float *dh, float *dc, float *dz) {
  const int u = s->units;
  const float *g = r->gates + at * 4 * u;
  for (int j = 0; j < u; j += 4) {
    v128_t in = wasm_v128_load(g + j), forget = wasm_v128_load(g + u + j);
    v128_t candidate = wasm_v128_load(g + 2 * u + j), out = wasm_v128_load(g + 3 * u + j);
    v128_t tc = wasm_v128_load(r->tanh_cells + at * u + j);
    v128_t before = t > 0 ? wasm_v128_load(r->cells + (at - 1) * u + j) : splat(0.0f);
    v128_t h_grad = wasm_v128_load(dh + j);
    v128_t squash = wasm_f32x4_sub(splat(1.0f), wasm_f32x4_mul(tc, tc));
    v128_t c_grad = multiply_add(wasm_v128_load(dc + j), wasm_f32x4_mul(h_grad, out), squash);
    v128_t tanh_grad = wasm_f32x4_sub(splat(1.0f), wasm_f32x4_mul(candidate, candidate));
    wasm_v128_store(dz + j, wasm_f32x4_mul(wasm_f32x4_mul(c_grad, candidate),
                                           gate_derivative(in, s->gate)));
    wasm_v128_store(dz + u + j, wasm_f32x4_mul(wasm_f32x4_mul(c_grad, before),
                                               gate_derivative(forget, s->gate)));
    wasm_v128_store(dz + 2 * u + j, wasm_f32x4_mul(wasm_f32x4_mul(c_grad, in), tanh_grad));
    wasm_v128_store(dz + 3 * u + j, wasm_f32x4_mul(wasm_f32x4_mul(h_grad, tc),
                                                   gate_derivative(out, s->gate)));
    wasm_v128_store(dc + j, wasm_f32x4_mul(c_grad, forget));
  }
}

/* dh = dz recurrentᵀ for two beats (the same beat twice is one), units in fours. */
static void hidden_gradient2(const float *dza, const float *dzb, const float *recurrent_t,
                             int units, float *dha, float *dhb) {
  int j = 0;
  for (; j + 8 <= units; j += 8) {
    two_row_product(dza, dzb, 4 * units, recurrent_t + j, units, 2, 0, dha + j, dhb + j);
  }
  for (; j < units; j += 4) {
    two_row_product(dza, dzb, 4 * units, recurrent_t + j, units, 1, 0, dha + j, dhb + j);
  }
}

static void transpose(const float *from, int rows, int columns, float *to) {
  for (int r = 0; r < rows; r++) {
    for (int c = 0; c < columns; c++) to[c * rows + r] = from[r * columns + c];
  }
}

/* Adds the output's gradient at step t to each beat's carried dh. */
static void add_output_gradient(const lstm_sizes *s, const float *dy, int t, int sequences,
                                float *dh) {
  if (!sequences && t != s->steps - 1) return;
  for (int beat = 0; beat < s->beats; beat++) {
    const float *from = dy + (sequences ? row(s, beat, t) : beat) * s->units;
    for (int j = 0; j < s->units; j++) dh[beat * s->units + j] += from[j];
  }
}

/* dz [beats][steps][4 units] for every step, back through time. */
static void gate_gradients(const lstm_sizes *s, const lstm_records *r, const float *dy,
                           int sequences, const float *recurrent_t, float *dz, float *dh,
                           float *dc) {
  const int u = s->units;
  for (int j = 0; j < 2 * s->beats * u; j++) dh[j] = 0.0f;
  for (int t = s->steps - 1; t >= 0; t--) {
    add_output_gradient(s, dy, t, sequences, dh);
    for (int beat = 0; beat < s->beats; beat++) {
      int at = row(s, beat, t);
      backward_step(s, r, at, t, dh + beat * u, dc + beat * u, dz + at * 4 * u);
    }
    for (int beat = 0; t > 0 && beat < s->beats; beat += 2) {
      int second = beat + 1 < s->beats ? beat + 1 : beat;
      const float *dza = dz + row(s, beat, t) * 4 * u, *dzb = dz + row(s, second, t) * 4 * u;
      hidden_gradient2(dza, dzb, recurrent_t, u, dh + beat * u, dh + second * u);
    }
  }
}

/*
 * The gradients of x, kernel, recurrent kernel and bias from the output's gradient dy and the
 * forward pass's records. `scratch` holds beats * steps * (4 + 1) * units + 2 * beats * units
 * + 4 * units * (units + inputs) floats.
 */
EXPORT(lstm_train_backward)
void lstm_train_backward(const float *dy, const float *x, int beats, int steps, int inputs,
                         const float *kernel, const float *recurrent, const float *gates,
                         const float *cells, const float *tanh_cells, const float *hidden,
                         int units, int gate, int return_sequences, float *dx, float *dkernel,
                         float *drecurrent, float *dbias, float *scratch) {
  const lstm_sizes s = {beats, steps, inputs, units, gate};
  const lstm_records r = {gates, cells, tanh_cells};
  const int rows = beats * steps, width = 4 * units;
  float *dz = scratch, *previous = dz + rows * width, *dh = previous + rows * units;
  float *dc = dh + beats * units, *recurrent_t = dc + beats * units;
  float *kernel_t = recurrent_t + width * units;
  transpose(recurrent, units, width, recurrent_t);
  gate_gradients(&s, &r, dy, return_sequences, recurrent_t, dz, dh, dc);
  sum_rows(dz, rows, width, dbias);
  conv1d_filter_gradient(x, beats, steps, inputs, dz, steps, width, 1, 1, 0, dkernel);
  for (int at = 0; at < rows; at++) {
    for (int j = 0; j < units; j++) {
      previous[at * units + j] = at % steps == 0 ? 0.0f : hidden[(at - 1) * units + j];
    }
  }
  conv1d_filter_gradient(previous, beats, steps, units, dz, steps, width, 1, 1, 0, drecurrent);
  transpose(kernel, inputs, width, kernel_t);
  conv1d(dz, 1, rows, width, kernel_t, 0, 1, 1, 1, dx, rows, inputs, ACTIVATION_LINEAR, 0.0f);
}
