// Two projects: `unit` runs anywhere (the README's `npm test`); `real-data` needs the
// PhysioNet and Kaggle files in ../shared/data (or ECG_DATA_DIR).
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // tfjs-core's gradient and chained-op modules are ESM-only and must be transformed.
  transformIgnorePatterns: ['/node_modules/(?!@tensorflow/tfjs-core/dist/(?!tf-core))'],
  moduleNameMapper: {
    '^@edge-ecg/core$': '<rootDir>/packages/core/src/index.ts',
    '^@edge-ecg/core/node$': '<rootDir>/packages/core/src/node.ts',
    '^@edge-ecg/stream$': '<rootDir>/packages/stream/src/index.ts',
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/real-data/'],
    },
    {
      ...shared,
      displayName: 'real-data',
      globalSetup: '<rootDir>/test/real-data/global-setup.cjs',
      testMatch: [
        '<rootDir>/test/real-data/**/*.test.ts',
        '<rootDir>/packages/*/test/real-data/**/*.test.ts',
      ],
    },
  ],
};
