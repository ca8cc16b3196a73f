/**
 * The `edge-ecg` command line, run from its built bin on the embedded synthetic data and on
 * small files written here; the real Kaggle samples are in test/real-data.
 */
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastJsonLine, runEdgeEcg } from './run-edge-ecg';

/** A quick spec: the recipe's kind of blocks, much smaller, for a few seconds of training. */
const TINY_SPEC = {
  blocks: [
    { type: 'conv1d', filters: 4, kernelSize: 5, strides: 2 },
    { type: 'pooling', kind: 'max', poolSize: 3, strides: 2 },
    { type: 'lstm', units: 4 },
  ],
  training: { epochs: 2, batchSize: 32 },
};

let dir: string;
let specFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edge-ecg-cli-'));
  specFile = join(dir, 'tiny-spec.json');
  writeFileSync(specFile, JSON.stringify(TINY_SPEC));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function beatRow(label: number): string {
  return [
    ...Array.from({ length: 187 }, (_, i) => (i < 60 ? Math.sin(i / 9) * 0.5 + 0.5 : 0).toFixed(4)),
    label,
  ].join(',');
}

describe('edge-ecg', () => {
  describe('with no command', () => {
    it('asks for one on stderr with the usage, prints nothing on stdout and exits 2', () => {
      const run = runEdgeEcg([]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^edge-ecg: name a command\.\n\nUsage: edge-ecg <command> \[flags\]/,
      );
    });
  });

  describe('help', () => {
    it('prints the usage and exits 0', () => {
      const run = runEdgeEcg(['help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'edge-ecg train [--normal F --abnormal F | --csv F [--csv F ...]]',
      );
    });
  });

  describe('with an unknown command', () => {
    it('says so on stderr and exits 2', () => {
      const run = runEdgeEcg(['fly']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('edge-ecg: unknown command "fly".');
    });
  });

  describe('train with an unknown flag', () => {
    it('exits 2 with the parser message', () => {
      const run = runEdgeEcg(['train', '--bogus']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "edge-ecg: train: Unknown option '--bogus'. Run `edge-ecg help` for the usage.\n",
      );
    });
  });

  describe('train with only --normal', () => {
    it('exits 2 and asks for both files', () => {
      const run = runEdgeEcg(['train', '--normal', 'a.csv']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'edge-ecg: --normal and --abnormal go together: pass both PTB files, or use --csv.\n',
      );
    });
  });

  describe('train with a bad number', () => {
    it('exits 2 naming the flag', () => {
      const run = runEdgeEcg(['train', '--epochs', 'ten']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('edge-ecg: --epochs: expected a whole number ≥ 1, received "ten".\n');
    });
  });

  describe('train on a CSV with a header row', () => {
    it('exits 2 with the file and line', () => {
      const file = join(dir, 'header.csv');
      writeFileSync(
        file,
        `${Array.from({ length: 188 }, (_, i) => `c${i}`).join(',')}\n${beatRow(0)}\n`,
      );
      const run = runEdgeEcg(['train', '--csv', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^edge-ecg: ${file}:1:1: `));
    });
  });

  describe('train with a spec file that is not JSON', () => {
    it('exits 2 naming the line and column', () => {
      const broken = join(dir, 'broken-spec.json');
      writeFileSync(broken, '{\n  "blocks": [1,]\n}\n');
      const run = runEdgeEcg(['train', '--spec', broken]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `edge-ecg: ${broken}:2:16: the spec file is not valid JSON from here on. ` +
          'Fix the JSON there (a missing comma or quote, a trailing comma, a comment).\n',
      );
    });
  });

  describe('train with an empty spec file', () => {
    it('exits 2 saying that it is empty and what to write', () => {
      const empty = join(dir, 'empty-spec.json');
      writeFileSync(empty, '\n');
      const run = runEdgeEcg(['train', '--spec', empty]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `edge-ecg: ${empty}: the spec file is empty. Write a JSON object such as ` +
          '{ "training": { "epochs": 10 } }, or leave --spec out for the reference recipe.\n',
      );
    });
  });

  describe('train with a negative epoch count', () => {
    it('exits 2 saying what the number must be', () => {
      const run = runEdgeEcg(['train', '--epochs', '-3']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('edge-ecg: --epochs: expected a whole number ≥ 1, received "-3".\n');
    });
  });

  describe('train with a spec that cannot work', () => {
    it('exits 2 naming the spec file and the block', () => {
      const file = join(dir, 'bad-spec.json');
      writeFileSync(
        file,
        JSON.stringify({ blocks: [{ type: 'pooling', kind: 'max', poolSize: 0 }] }),
      );
      const run = runEdgeEcg([
        'train',
        '--spec',
        file,
        '--train-per-class',
        '10',
        '--test-per-class',
        '5',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${file}: blocks[0].poolSize: expected an integer ≥ 1, received 0.`,
      );
    });
  });

  describe('when EDGE_ECG_WASM_PATHS names a folder without the binaries', () => {
    it('exits 2 naming the variable and what to point it at', () => {
      const run = runEdgeEcg(['train', '--epochs', '1'], {
        EDGE_ECG_WASM_PATHS: '/no/such/folder/',
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'edge-ecg: EDGE_ECG_WASM_PATHS=/no/such/folder/: there is no ' +
          'tfjs-backend-wasm-simd.wasm in that folder. Point it at ' +
          "@tensorflow/tfjs-backend-wasm's dist folder (or a copy of its .wasm files), " +
          'or unset it.\n',
      );
    });
  });

  describe('when WebAssembly cannot start', () => {
    it('exits 1 naming the path it tried', () => {
      const folder = mkdtempSync(join(tmpdir(), 'edge-ecg-bad-wasm-'));
      writeFileSync(join(folder, 'tfjs-backend-wasm-simd.wasm'), 'not a WebAssembly module');
      const run = runEdgeEcg(['train', '--epochs', '1'], { EDGE_ECG_WASM_PATHS: `${folder}/` });
      rmSync(folder, { recursive: true, force: true });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `The WebAssembly backend failed to start from ${folder}/tfjs-backend-wasm-simd.wasm`,
      );
    });
  });

  describe('train, evaluate and predict on synthetic beats', () => {
    it(
      'trains on wasm/simd, reports JSON, saves, ' + 'and the saved model evaluates and predicts',
      () => {
        const modelDir = join(dir, 'model');
        const train = runEdgeEcg([
          'train',
          '--spec',
          specFile,
          '--train-per-class',
          '60',
          '--test-per-class',
          '20',
          '--seed',
          '3',
          '--out',
          modelDir,
          '--json',
        ]);
        expect(train.stderr).toBe('');
        expect(train.code).toBe(0);
        const report = lastJsonLine(train.stdout);
        expect(report).toMatchObject({
          backend: 'wasm',
          wasmBinary: 'simd',
          epochs: 2,
          trainingPath: { kind: 'own-kernels' },
          classCounts: [20, 20],
          baselineAccuracy: 0.5,
        });
        for (const key of ['accuracy', 'macroF1', 'confusion', 'trainSeconds'])
          expect(report).toHaveProperty(key);
        expect(existsSync(join(modelDir, 'manifest.json'))).toBe(true);

        const csv = join(dir, 'beats.csv');
        writeFileSync(csv, `${beatRow(0)}\n${beatRow(1)}\n${beatRow(1)}\n`);
        const evaluate = runEdgeEcg(['evaluate', '--model', modelDir, '--csv', csv, '--json']);
        expect(evaluate.code).toBe(0);
        expect(lastJsonLine(evaluate.stdout)).toMatchObject({
          count: 3,
          classCounts: [1, 2],
          baselineAccuracy: 2 / 3,
        });

        const predict = runEdgeEcg(['predict', '--model', modelDir, '--csv', csv, '--json']);
        expect(predict.code).toBe(0);
        const predictions = lastJsonLine(predict.stdout)['predictions'] as { row: number }[];
        expect(predictions.map((p) => p.row)).toEqual([1, 2, 3]);
      },
    );
  });

  describe('train without --json', () => {
    it('prints a report that names the data and counts the epochs', () => {
      const run = runEdgeEcg(['train', '--spec', specFile, '--epochs', '1', '--seed', '3']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Data: synthetic (seed 3), made by edge-ecg\n');
      expect(run.stdout).toMatch(/^Trained 1 epoch in [\d.]+ s/m);
      expect(run.stdout).toContain("\nTraining steps: the SDK's own WASM kernels\n");
    });
  });

  describe('train whose loss never leaves the chance level', () => {
    it('retries with the next seeds, trains the last one to the end and says it was dead', () => {
      const frozen = join(dir, 'frozen-spec.json');
      // 30 beats per class at batch 2: 24 steps an epoch, so runs are judged after 7 epochs.
      const training = {
        epochs: 8,
        batchSize: 2,
        optimizer: { name: 'adam', learningRate: 1e-12 },
      };
      writeFileSync(frozen, JSON.stringify({ ...TINY_SPEC, training }));
      const run = runEdgeEcg([
        'train',
        '--spec',
        frozen,
        '--train-per-class',
        '30',
        '--test-per-class',
        '10',
        '--seed',
        '5',
        '--restarts',
        '2',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const report = lastJsonLine(run.stdout);
      const deadStarts = report['deadStarts'] as { seed: number; chanceLoss: number }[];
      expect(deadStarts.map((dead) => dead.seed)).toEqual([5, 6]);
      expect(deadStarts[0]!.chanceLoss).toBeCloseTo(Math.LN2, 6);
      expect(report).toMatchObject({ seed: 7, dataSeed: 5, epochs: 8 });
      expect(report['lastDeadStart']).toMatchObject({ seed: 7, epochs: 7 });
      expect(report['atChance']).toBe(true);
    });
  });

  describe('train too short to be judged, whose loss stays at the chance level', () => {
    it('says that the model predicts one class and what to try', () => {
      const frozen = join(dir, 'frozen-train-spec.json');
      const training = { epochs: 2, optimizer: { name: 'adam', learningRate: 1e-12 } };
      writeFileSync(frozen, JSON.stringify({ ...TINY_SPEC, training }));
      const args = ['train', '--spec', frozen, '--train-per-class', '20', '--test-per-class'];
      const run = runEdgeEcg([...args, '10', '--seed', '3']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^Seed 3 ran to the end, but its last training loss is at the chance level \(0\.\d{3}, above 98 % of the chance loss 0\.693\): the model predicts one class\.$/m,
      );
      expect(run.stdout).toContain(
        'Train longer, try more --restarts or other --seed values, or a lower learning rate ' +
          '(training.optimizer.learningRate in a --spec file).\n',
      );
    });
  });

  describe('evaluate with a missing model directory', () => {
    it('exits 2 naming the directory', () => {
      const missing = join(dir, 'no-model');
      const run = runEdgeEcg(['evaluate', '--model', missing, '--csv', 'x.csv']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(missing);
    });
  });
});

describe('edge-ecg compare', () => {
  describe('with two values of one knob and an impossible one', () => {
    it('trains each on the same data, and reports the impossible one without stopping', () => {
      const run = runEdgeEcg([
        'compare',
        '--spec',
        specFile,
        '--train-per-class',
        '40',
        '--test-per-class',
        '10',
        '--epochs',
        '1',
        '--vary',
        'activation=relu,elu',
        '--vary',
        'kernelSize=200',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const result = lastJsonLine(run.stdout) as {
        variants: { name: string; accuracy: number | null; error: string | null }[];
      };
      expect(result.variants.map((v) => v.name)).toEqual([
        'base spec',
        'activation=relu',
        'activation=elu',
        'kernelSize=200',
      ]);
      expect(result.variants[1]!.accuracy).toBe(result.variants[0]!.accuracy);
      expect(result.variants[3]!.error).toContain('blocks[0] (conv1d): kernel of 200 samples');
    });
  });

  describe('when the variants never leave the chance loss', () => {
    it('marks them at chance and says the comparison tells nothing about them', () => {
      const frozen = join(dir, 'frozen-compare-spec.json');
      const training = { epochs: 2, optimizer: { name: 'adam', learningRate: 1e-12 } };
      writeFileSync(frozen, JSON.stringify({ ...TINY_SPEC, training }));
      const args = ['compare', '--spec', frozen, '--train-per-class', '20', '--test-per-class'];
      const run = runEdgeEcg([...args, '10', '--vary', 'lstmUnits=4']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^lstmUnits=4 .* at chance$/m);
      expect(run.stdout).toContain(
        'at chance: the training loss never left the chance level (a dead start), so the\n',
      );
    });
  });

  describe('when a spec is outside the own training step', () => {
    it("marks its variants, says why, and reports each variant's training path in JSON", () => {
      const withNormalization = join(dir, 'normalization-compare-spec.json');
      const blocks = [...TINY_SPEC.blocks, { type: 'batchNormalization' }];
      writeFileSync(withNormalization, JSON.stringify({ ...TINY_SPEC, blocks }));
      const args = [
        'compare',
        '--train-per-class',
        '20',
        '--test-per-class',
        '10',
        '--epochs',
        '1',
      ];
      const run = runEdgeEcg([...args, '--spec', withNormalization, '--vary', 'lstmUnits=5']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^lstmUnits=5 .* tfjs-layers steps$/m);
      expect(run.stdout).toContain(
        '  lstmUnits=5: the own training step does not take layer block3_batchNormalization ' +
          '(BatchNormalization): a layer of this kind\n',
      );
      const json = runEdgeEcg([...args, '--spec', specFile, '--vary', 'lstmUnits=5', '--json']);
      const result = lastJsonLine(json.stdout) as { variants: { trainingPath: unknown }[] };
      expect(result.variants.map((v) => v.trainingPath)).toEqual([
        { kind: 'own-kernels' },
        { kind: 'own-kernels' },
      ]);
    });
  });

  describe('without --vary', () => {
    it('exits 2 and gives an example', () => {
      const run = runEdgeEcg(['compare']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('pass at least one --vary KNOB=V1,V2');
    });
  });
});

describe('edge-ecg train with --out on a file', () => {
  it('refuses before training, naming the file', () => {
    const file = join(dir, 'in-the-way');
    writeFileSync(file, 'not a model');
    const run = runEdgeEcg(['train', '--out', file, '--epochs', '50']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `edge-ecg: ${file} already exists and is not a saved model (it is a file); refusing to ` +
        'replace it. Choose a new or empty directory, or remove it first.\n',
    );
  });
});

describe('edge-ecg train on labels with a gap', () => {
  it('exits 2 naming the missing class numbers', () => {
    const file = join(dir, 'gap.csv');
    writeFileSync(file, `${beatRow(0)}\n${beatRow(2)}\n`);
    const run = runEdgeEcg(['train', '--csv', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `edge-ecg: ${file}: the labels run up to 2, but no row has label 1. Labels must be the ` +
        'class numbers 0 to 2 with every class present: check the last column for a ' +
        'mistyped label.\n',
    );
  });
});

describe('edge-ecg train on one class', () => {
  it('exits 2 and asks for rows of two classes', () => {
    const file = join(dir, 'one-class.csv');
    writeFileSync(file, `${beatRow(0)}\n${beatRow(0)}\n`);
    const run = runEdgeEcg(['train', '--csv', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('every row has label 0, so there is one class');
  });
});
