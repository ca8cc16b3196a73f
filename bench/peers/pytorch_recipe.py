"""The reference recipe in PyTorch, single-threaded: one bench peer, and the ONNX exporter.

Measures one training epoch (4,800 beats plus validation of 1,200, batch 128, Adam 0.01),
inference throughput on batches of 2,000 beats and single-beat latency, on synthetic beats
in [0, 1] from a fixed seed. With --export-onnx PATH it only writes the untrained model to
PATH as ONNX (dynamic batch axis) for the ONNX Runtime peers, and exits.

The last stdout line with --json is one JSON object: epochSeconds, inferBeatsPerSecond,
singleBeatMs, peakRssMb, versions, counts.
"""

import argparse
import json
import platform
import resource
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

BEAT_LENGTH = 187
CLASS_COUNT = 2
TRAIN_BEATS = 4800
VALIDATION_BEATS = 1200
BATCH_SIZE = 128
LEARNING_RATE = 0.01
INFER_BATCH_BEATS = 2000
ONNX_OPSET = 13


class RecipeNet(nn.Module):
    """Conv1D(16,3)x2, MaxPool(3,2), Conv1D(32,3)x2, MaxPool(3,2), LSTM(16), Dense(2) + softmax."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, 16, 3), nn.ReLU(), nn.Conv1d(16, 16, 3), nn.ReLU(),
            nn.MaxPool1d(3, stride=2),
            nn.Conv1d(16, 32, 3), nn.ReLU(), nn.Conv1d(32, 32, 3), nn.ReLU(),
            nn.MaxPool1d(3, stride=2),
        )
        self.lstm = nn.LSTM(input_size=32, hidden_size=16, batch_first=True)
        self.dense = nn.Linear(16, CLASS_COUNT)

    def logits(self, beats):
        """beats: (batch, 187, 1), channels last like the tfjs model's input."""
        sequence = self.features(beats.transpose(1, 2)).transpose(1, 2)
        outputs, _ = self.lstm(sequence)
        return self.dense(outputs[:, -1, :])

    def forward(self, beats):
        return torch.softmax(self.logits(beats), dim=1)


def synthetic_beats(count, rng):
    beats = rng.random_sample((count, BEAT_LENGTH, 1)).astype(np.float32)
    labels = rng.randint(0, CLASS_COUNT, size=count).astype(np.int64)
    return torch.from_numpy(beats), torch.from_numpy(labels)


def cross_entropy(model, beats, labels):
    # Categorical cross-entropy of the softmax output, computed stably from the logits.
    return nn.functional.nll_loss(torch.log_softmax(model.logits(beats), dim=1), labels)


def train_epoch(model, optimizer, train, validation, generator):
    model.train()
    beats, labels = train
    order = torch.randperm(beats.shape[0], generator=generator)
    for start in range(0, beats.shape[0], BATCH_SIZE):
        rows = order[start:start + BATCH_SIZE]
        optimizer.zero_grad()
        loss = cross_entropy(model, beats[rows], labels[rows])
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        for start in range(0, validation[0].shape[0], BATCH_SIZE):
            end = start + BATCH_SIZE
            cross_entropy(model, validation[0][start:end], validation[1][start:end]).item()


def timed(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_epoch_seconds(model, args, rng, generator):
    train = synthetic_beats(TRAIN_BEATS, rng)
    validation = synthetic_beats(VALIDATION_BEATS, rng)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, eps=1e-7)
    run = lambda: train_epoch(model, optimizer, train, validation, generator)
    for _ in range(args.warmup_epochs):
        run()
    return statistics.median(timed(run) for _ in range(args.epochs))


def median_infer_beats_per_second(model, args, beats):
    model.eval()
    def run():
        with torch.no_grad():
            model(beats).numpy()
    for _ in range(args.infer_warmup):
        run()
    return INFER_BATCH_BEATS / statistics.median(timed(run) for _ in range(args.infer_runs))


def median_single_beat_ms(model, args, beats):
    model.eval()
    def run(index):
        with torch.no_grad():
            model(beats[index % beats.shape[0]:][:1]).numpy()
    for index in range(args.single_warmup):
        run(index)
    seconds = [timed(lambda: run(index)) for index in range(args.single_beats)]
    return statistics.median(seconds) * 1000


def export_onnx(model, path):
    model.eval()
    example = torch.zeros((1, BEAT_LENGTH, 1), dtype=torch.float32)
    torch.onnx.export(
        model, example, path, opset_version=ONNX_OPSET,
        input_names=["beats"], output_names=["probabilities"],
        dynamic_axes={"beats": {0: "batch"}, "probabilities": {0: "batch"}},
    )


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON line last")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--warmup-epochs", type=int, default=1)
    parser.add_argument("--infer-runs", type=int, default=5)
    parser.add_argument("--infer-warmup", type=int, default=1)
    parser.add_argument("--single-beats", type=int, default=200)
    parser.add_argument("--single-warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--export-onnx", metavar="PATH", help="only write the model as ONNX")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    model = RecipeNet()
    if args.export_onnx:
        export_onnx(model, args.export_onnx)
        return
    rng = np.random.RandomState(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    infer_beats, _ = synthetic_beats(INFER_BATCH_BEATS, rng)
    result = {
        "epochSeconds": median_epoch_seconds(model, args, rng, generator) if args.epochs > 0 else None,
        "inferBeatsPerSecond": median_infer_beats_per_second(model, args, infer_beats),
        "singleBeatMs": median_single_beat_ms(model, args, infer_beats),
        # ru_maxrss is in kilobytes on Linux.
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "versions": {"torch": torch.__version__, "python": platform.python_version()},
        "threads": torch.get_num_threads(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main(sys.argv[1:])
