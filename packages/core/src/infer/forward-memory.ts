/** @module Float storage in one forward instance's memory: a bump allocator that can restart. */
import type { ForwardKernels, Pointer } from './forward-module';

const PAGE_BYTES = 65536;
const FLOAT_BYTES = 4;
/** Vectors are 16 bytes; aligned rows load faster. */
const ALIGN_BYTES = 16;

/** Hands out aligned float ranges above the module's heap base, growing memory as needed. */
export class ForwardMemory {
  private readonly heapBase: number;
  private next: number;

  constructor(readonly kernels: ForwardKernels) {
    this.heapBase = kernels.__heap_base.value as number;
    this.next = this.heapBase;
  }

  /** Forgets every range handed out, so that a new plan can reuse the space. */
  reset(): void {
    this.next = this.heapBase;
  }

  /** Where the next range will start; {@link release} frees everything handed out since. */
  mark(): number {
    return this.next;
  }

  /** Frees the ranges handed out since `mark`. */
  release(mark: number): void {
    this.next = mark;
  }

  /** A range of `count` floats. */
  reserve(count: number): Pointer {
    const start = Math.ceil(this.next / ALIGN_BYTES) * ALIGN_BYTES;
    this.next = start + count * FLOAT_BYTES;
    const shortBytes = this.next - this.kernels.memory.buffer.byteLength;
    if (shortBytes > 0) this.kernels.memory.grow(Math.ceil(shortBytes / PAGE_BYTES));
    return start;
  }

  /** A range holding a copy of `values`. */
  store(values: Float32Array): Pointer {
    const pointer = this.reserve(values.length);
    this.floats(pointer, values.length).set(values);
    return pointer;
  }

  /** A view of `count` floats at `pointer` (fresh each time: growing memory detaches views). */
  floats(pointer: Pointer, count: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, pointer, count);
  }
}
