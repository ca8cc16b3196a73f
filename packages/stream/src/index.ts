/** @module @edge-ecg/stream: every public name. */
export {};
