// Scores the streaming R-peak detector of @edge-ecg/stream against the reference beat
// annotations of the MIT-BIH records in $ECG_DATA_DIR/mitdb (default ../shared/data/mitdb).
//
//   npm run build && node scripts/eval-detector.mjs [--json] [--records 100,101]
//     [--rate 125|native]
//
// Records are read with the package's own WFDB reader. Whole records, first signal, 150 ms
// matching tolerance, beat annotations only (isBeatAnnotation). `--rate 125`
// (the default) runs the SDK's path: resample to 125 Hz, detect, map R-peaks back to 360 Hz.
// The gross figures are printed with and without the paced records, and with and without the
// ventricular flutter episodes (between `[` and `]`), which ANSI/AAMI EC57 leaves out of QRS
// detection statistics. With --json the last line is one JSON object with everything.
import { existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TOLERANCE_MS = 150;
const PACED_RECORDS = new Set(['102', '104', '107', '217']);

/** Sample ranges between VF onset `[` and offset `]` marks. */
function flutterEpisodes(annotations, length) {
  const episodes = [];
  let start = null;
  for (const { sample, symbol } of annotations) {
    if (symbol === '[') start = sample;
    if (symbol === ']' && start !== null) {
      episodes.push([start, sample]);
      start = null;
    }
  }
  if (start !== null) episodes.push([start, length]);
  return episodes;
}

/** Matches detections to reference beats within the tolerance; both sorted ascending. */
function matchBeats(reference, detected, toleranceSamples) {
  const used = new Uint8Array(detected.length);
  let truePositives = 0;
  let from = 0;
  for (const beat of reference) {
    while (from < detected.length && detected[from] < beat - toleranceSamples) from++;
    let best = -1;
    for (let k = from; k < detected.length && detected[k] <= beat + toleranceSamples; k++) {
      if (!used[k] && (best < 0 || Math.abs(detected[k] - beat) < Math.abs(detected[best] - beat)))
        best = k;
    }
    if (best >= 0) {
      used[best] = 1;
      truePositives++;
    }
  }
  return {
    truePositives,
    falseNegatives: reference.length - truePositives,
    falsePositives: detected.length - truePositives,
  };
}

function detect(stream, signal, rateMode) {
  if (rateMode === 'native') {
    const detector = new stream.RPeakDetector({ sampleRateHz: signal.sampleRateHz });
    return [...detector.push(signal.samples), ...detector.flush()];
  }
  const resampler = new stream.Resampler({ inputRateHz: signal.sampleRateHz, outputRateHz: 125 });
  const resampled = [resampler.push(signal.samples), resampler.flush()];
  const detector = new stream.RPeakDetector({ sampleRateHz: 125 });
  const peaks = [...resampled.flatMap((chunk) => detector.push(chunk)), ...detector.flush()];
  return peaks.map((peak) => Math.round((peak * signal.sampleRateHz) / 125));
}

async function scoreRecord(stream, dataDir, record, rateMode) {
  const read = await stream.readWfdbRecord(join(dataDir, record), { leads: [0] });
  const signal = {
    sampleRateHz: read.sampleRateHz,
    samples: read.signals[0].samples,
    name: read.signals[0].name,
  };
  const annotations = await stream.readWfdbAnnotations(join(dataDir, `${record}.atr`));
  const reference = annotations
    .filter((a) => stream.isBeatAnnotation(a.symbol))
    .map((a) => a.sample);
  const detected = detect(stream, signal, rateMode);
  const tolerance = Math.round((TOLERANCE_MS * signal.sampleRateHz) / 1000);
  const episodes = flutterEpisodes(annotations, signal.samples.length);
  const outside = (s) => !episodes.some(([from, to]) => s >= from && s <= to);
  return {
    record,
    lead: signal.name,
    all: { referenceBeats: reference.length, ...matchBeats(reference, detected, tolerance) },
    noFlutter: {
      referenceBeats: reference.filter(outside).length,
      ...matchBeats(reference.filter(outside), detected.filter(outside), tolerance),
    },
    detected,
  };
}

function gross(rows) {
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  const tp = sum('truePositives');
  const fn = sum('falseNegatives');
  const fp = sum('falsePositives');
  return {
    referenceBeats: sum('referenceBeats'),
    truePositives: tp,
    falseNegatives: fn,
    falsePositives: fp,
    sensitivity: tp / (tp + fn),
    positivePredictivity: tp / (tp + fp),
  };
}

const percent = (value) => (100 * value).toFixed(2).padStart(7);

function printTable(results) {
  console.log('record  lead   beats     TP    FN    FP       Se      +P');
  for (const { record, lead, all } of results) {
    const g = gross([all]);
    console.log(
      [
        record.padEnd(7),
        lead.padEnd(5),
        String(g.referenceBeats).padStart(6),
        String(g.truePositives).padStart(6),
        String(g.falseNegatives).padStart(5),
        String(g.falsePositives).padStart(5),
        percent(g.sensitivity),
        percent(g.positivePredictivity),
      ].join(' '),
    );
  }
}

function summaries(results) {
  const unpaced = results.filter((r) => !PACED_RECORDS.has(r.record));
  return {
    all: gross(results.map((r) => r.all)),
    withoutPaced: gross(unpaced.map((r) => r.all)),
    withoutFlutter: gross(results.map((r) => r.noFlutter)),
    withoutPacedAndFlutter: gross(unpaced.map((r) => r.noFlutter)),
  };
}

/** Runs the evaluation with the given @edge-ecg/stream module. */
export async function main(argv, stream) {
  const json = argv.includes('--json');
  const option = (name, fallback) =>
    argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback;
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = join(process.env.ECG_DATA_DIR ?? join(repo, '..', 'shared', 'data'), 'mitdb');
  if (!existsSync(dataDir)) {
    console.error(
      `eval:detector: ${dataDir} does not exist. It needs the MIT-BIH Arrhythmia Database ` +
        '(PhysioNet mitdb: the .hea, .dat and .atr files); set ECG_DATA_DIR to the folder that ' +
        'holds mitdb/.',
    );
    process.exitCode = 2;
    return undefined;
  }
  const available = readdirSync(dataDir)
    .filter((f) => f.endsWith('.atr'))
    .map((f) => f.slice(0, -4))
    .sort();
  const records = option('--records', '') ? option('--records', '').split(',') : available;
  const rateMode = option('--rate', '125');
  const results = [];
  for (const record of records) results.push(await scoreRecord(stream, dataDir, record, rateMode));
  printTable(results);
  const totals = summaries(results);
  for (const [name, g] of Object.entries(totals)) {
    console.log(
      `gross ${name.padEnd(24)} beats ${g.referenceBeats} TP ${g.truePositives} ` +
        `FN ${g.falseNegatives} FP ${g.falsePositives} Se ${percent(g.sensitivity)} ` +
        `+P ${percent(g.positivePredictivity)}`,
    );
  }
  if (json) {
    const records = results.map(({ record, lead, all, noFlutter }) => ({
      record,
      lead,
      all,
      noFlutter,
    }));
    console.log(
      JSON.stringify({ toleranceMs: TOLERANCE_MS, rate: rateMode, records, gross: totals }),
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stream = await import('../packages/stream/dist/index.mjs');
  await main(process.argv.slice(2), stream);
}
