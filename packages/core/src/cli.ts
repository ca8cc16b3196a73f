/** @module The `edge-ecg` command line. */
