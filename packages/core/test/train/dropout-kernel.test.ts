/** The own training step's dropout kernel: its mask, its scaling and its backward. */
import { initBackend } from '../../src/backend/init-backend';
import { ForwardMemory } from '../../src/infer/forward-memory';
import { instantiateForward } from '../../src/infer/forward-module';

const COUNT = 40_000;
const RATE = 0.25;

describe('the dropout kernel', () => {
  let memory: ForwardMemory;
  beforeAll(async () => {
    await initBackend();
    memory = new ForwardMemory(instantiateForward()!);
  });

  function run(seedLow: number, seedHigh: number) {
    const values = Float32Array.from({ length: COUNT }, (_, i) => 1 + (i % 7));
    const input = memory.store(values);
    const mask = memory.reserve(COUNT);
    const output = memory.reserve(COUNT);
    memory.kernels.dropout(input, COUNT, RATE, seedLow, seedHigh, mask, output);
    return {
      values,
      mask: memory.floats(mask, COUNT).slice(),
      output: memory.floats(output, COUNT).slice(),
      maskPointer: mask,
    };
  }

  it('keeps about 1 - rate of the values, scaled by 1 / (1 - rate), and zeroes the rest', () => {
    const { values, mask, output } = run(12345, 678);
    const kept = mask.filter((factor) => factor !== 0).length / COUNT;
    expect(Math.abs(kept - (1 - RATE))).toBeLessThan(0.01);
    mask.forEach((factor, i) => {
      expect([0, Math.fround(1 / (1 - RATE))]).toContain(factor);
      expect(output[i]).toBe(Math.fround(values[i]! * factor));
    });
  });

  it('draws the same mask from the same seed and another from another seed', () => {
    const first = run(1, 2).mask;
    expect(run(1, 2).mask).toEqual(first);
    const other = run(1, 3).mask;
    const differing = other.filter((factor, i) => factor !== first[i]).length;
    expect(differing).toBeGreaterThan(COUNT * 0.2);
  });

  it('passes the gradient back through the kept values only, with their scale', () => {
    const { mask, maskPointer } = run(99, 100);
    const gradient = memory.store(new Float32Array(COUNT).fill(2));
    memory.kernels.multiply_by(gradient, maskPointer, COUNT);
    const result = memory.floats(gradient, COUNT);
    mask.forEach((factor, i) => expect(result[i]).toBe(Math.fround(2 * factor)));
  });
});
