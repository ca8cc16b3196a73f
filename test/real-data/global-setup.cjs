// The real-data suite needs the PhysioNet and Kaggle files: say so once, clearly, up front.
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

module.exports = async function checkDataDir() {
  const dir = process.env.ECG_DATA_DIR ?? resolve(__dirname, '..', '..', '..', 'shared', 'data');
  if (!existsSync(resolve(dir, 'mitdb')) || !existsSync(resolve(dir, 'kaggle-sample'))) {
    throw new Error(
      `The real-data suite needs the data folder with mitdb/ and kaggle-sample/ at ${dir}. ` +
        'Set ECG_DATA_DIR to it (see ../shared/data/README.md); `npm test` needs no data.',
    );
  }
};
