/** @module The text of `edge-ecg help`. */

export const USAGE = `Usage: edge-ecg <command> [flags]

Commands:
  train     Train a classifier, evaluate it on held-out beats and optionally save it.
            edge-ecg train [--normal F --abnormal F | --csv F [--csv F ...]] [--spec spec.json]
                           [--train-per-class N] [--test-per-class N] [--epochs N]
                           [--seed N] [--data-seed N] [--restarts N] [--out DIR] [--json]
            Without data flags it trains on the embedded synthetic beats. --seed seeds the
            weights and, unless --data-seed is given, the data and its split. A run still at
            the chance loss after 5 epochs and 150 steps (a dead start) is retried with the
            next seed, up to --restarts times (default 5; 0 never retries).
            edge-ecg train --records PATH [--records PATH ...] [--labels binary|aami]
                           [--test-records R [--test-records R ...]]
            trains on beats cut from annotated WFDB records (paths or folders; needs
            @edge-ecg/stream), split by record: the --test-records, or a seeded ~25 % of
            the records with abnormal beats among them. Binary drops paced records.
  evaluate  Score a saved classifier on labelled beats.
            edge-ecg evaluate --model DIR (--csv F [--csv F ...] | --normal F --abnormal F) [--json]
  predict   Classify the beats of a Kaggle-format CSV.
            edge-ecg predict --model DIR --csv F [--json]
  compare   Train variants of a spec on the same data and seed and compare them.
            edge-ecg compare --vary KNOB=V1,V2[,...] [--vary ...] [train's data and spec flags]
            Knobs: filters (the first conv's count; later convs keep their ratio),
            kernelSize, activation (relu, leakyRelu, elu, selu, tanh, sigmoid, softplus,
            linear), padding (valid, same, causal), pooling (max, average, min, globalMax,
            globalAverage; a global pool replaces the last pool and the LSTM), lstmUnits.
            Each --vary value is one variant, changed alone from the base spec.
  detect    The R-peaks of a WFDB record's lead, as sample indices at its own rate.
            edge-ecg detect --record PATH [--lead NAME|INDEX] [--json]
  beats     Cut and label the beats of annotated records, write a Kaggle-format CSV.
            edge-ecg beats --record PATH [--record PATH ...] --out F.csv [--labels aami|binary]
                           [--lead NAME|INDEX] [--json]
  stream    Classify a record or a simulated ECG beat by beat: one JSON line per beat,
            summary and quality report (field "type"), then a closing "end" line.
            edge-ecg stream --model DIR (--record PATH [--lead X] | --simulate
                            [--duration-s N] [--seed N]) [--realtime]
                            [--batch-size N] [--max-latency-ms N]
  help      Show this text.

A flag that takes several values is repeated: --csv a.csv --csv b.csv.
With --json the last line of stdout is one JSON object.
Exit codes: 0 success, 2 bad usage or bad input (message on stderr), 1 anything else.
`;
