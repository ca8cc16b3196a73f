/** @module Types of chromium-options.js: Debian's Chromium and the flags every run uses. */

/** Debian's Chromium, which CI installs (`apt-get install -y chromium`). */
export const CHROMIUM_PATH: string;

/** Headless, with no GPU and no traffic to any host but the run's own server on loopback. */
export const CHROMIUM_ARGS: readonly string[];
