/** @module Peer `ortNode`: the exported recipe on onnxruntime-node's CPU provider, one thread. */
'use strict';

const ort = require('onnxruntime-node');
const { runOrtPeer } = require('../lib/ort-inference');
const { runPeer } = require('../lib/peer-timing');

runPeer(() =>
  runOrtPeer({
    ort,
    sessionOptions: {
      executionProviders: ['cpu'],
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    },
    versions: { 'onnxruntime-node': ort.env.versions.node },
    notes: ['inference only; model exported from PyTorch with torch.onnx.export'],
  }),
);
