/**
 * @module Where Debian's Chromium is and the flags both real-Chromium runs use: the browser test
 * (`test/browser`) and the bench's Chromium part.
 */
'use strict';

/** Debian's Chromium, which CI installs (`apt-get install -y chromium`). */
const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, with no GPU and no traffic to any host but the run's own server on loopback. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = { CHROMIUM_PATH, CHROMIUM_ARGS };
