/** @module @edge-ecg/core/node: the universal entry plus Node-only file-system helpers. */

export * from './index';
