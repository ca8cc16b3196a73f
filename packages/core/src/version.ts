/** @module The SDK's own version, recorded in every saved model's manifest. */

/** The version of `@edge-ecg/core`; a unit test keeps it equal to its package.json's. */
export const SDK_VERSION = '0.1.0';
