/** @module The machine the bench ran on: CPU model, cores, memory, load, Node. */
'use strict';

const os = require('node:os');

/** Bytes in a GiB, for the memory line. */
const BYTES_PER_GIB = 1024 ** 3;

/**
 * @typedef {object} MachineInfo
 * @property {string} cpuModel
 * @property {number} cores
 * @property {number} memoryGib
 * @property {number} loadAverage1m the 1-minute load average when the bench started
 * @property {string} platform
 * @property {string} node
 */

/**
 * The machine as a few plain facts.
 *
 * @returns {MachineInfo}
 */
function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGib: os.totalmem() / BYTES_PER_GIB,
    loadAverage1m: os.loadavg()[0],
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
  };
}

/**
 * One line: "machine: <cpu>, <n> cores, <m> GiB, load <l> (1 min), <os>, node <v>".
 *
 * @param {MachineInfo} info
 * @returns {string}
 */
function formatMachine(info) {
  return (
    `machine: ${info.cpuModel}, ${info.cores} cores, ${info.memoryGib.toFixed(1)} GiB, ` +
    `load ${info.loadAverage1m.toFixed(2)} (1 min), ${info.platform}, node ${info.node}`
  );
}

module.exports = { machineInfo, formatMachine };
