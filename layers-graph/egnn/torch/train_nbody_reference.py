#!/usr/bin/env python3
"""Cross-check: the reference protocol (vgsatorras/egnn main_nbody.py, model egnn_vel) trained in PyTorch on
equivariant4j's own simulated N-body data, so that a gap between `nbody-egnn` and the published or PyTorch
numbers can be split into "the data" and "the implementation".

The model is the PyTorch EGNN of ../../../benchmarks/torch/bench_egnn_step.py (same architecture and
parameter count, 134,020, as the Java `EgnnNBodyModel`). Protocol: Adam lr 5e-4, weight decay 1e-12, batch
100 shuffled with the last partial batch dropped, MSE, validation and test MSE every 5 epochs (epoch % 5 == 0,
0-based), the test MSE reported at the best validation MSE.

Data: the cache file that `./eq4j run nbody-egnn` writes (default ~/.cache/equivariant4j/nbody/
charged-*-seed43-3000-2000-2000.bin; both the EQ4JNBD1 and the checksummed EQ4JNBD2 layouts are read).

    LD_LIBRARY_PATH=<Debian OpenBLAS, see ../../../benchmarks/run_side_by_side.sh> OPENBLAS_NUM_THREADS=1 \
    BENCH_THREADS=1 /usr/bin/python3 train_nbody_reference.py CACHE_FILE --seed 1 --epochs 250

(Debian's python3-torch; without OpenBLAS on the library path it links the reference BLAS and a step is ~6x
slower, with the same numbers.)

Prints one line per evaluation: epoch, train, valid and test MSE, best so far, seconds per step.
"""
import argparse
import os
import struct
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "benchmarks", "torch"))
import bench_egnn_step as ref  # noqa: E402  (the model; sets torch's thread count from BENCH_THREADS)
import torch  # noqa: E402

FRAME_IN, FRAME_OUT, PARTICLES = 30, 40, 5


def read_cache(path):
    raw = open(path, "rb").read()
    magic = struct.unpack_from("<q", raw, 0)[0]
    if magic == 0x4551344A4E424431:  # EQ4JNBD1: magic, n, frames, key, count, then per split: samples, data
        n, frames, _key, count = struct.unpack_from("<iiii", raw, 8)
        at, sizes = 24, None
    elif magic == 0x4551344A4E424432:  # EQ4JNBD2: magic, n, frames, key, seed, count, samples x3, data, crc
        n, frames, _key = struct.unpack_from("<iii", raw, 8)
        count = struct.unpack_from("<i", raw, 28)[0]
        sizes = struct.unpack_from("<" + "i" * count, raw, 32)
        at = 32 + 4 * count
    else:
        raise SystemExit("not an equivariant4j N-body cache file: " + path)
    splits = []
    for i in range(count):
        if sizes is None:
            samples = struct.unpack_from("<i", raw, at)[0]
            at += 4
        else:
            samples = sizes[i]
        m = samples * frames * n * 3
        pos = np.frombuffer(raw, "<f4", m, at).reshape(samples, frames, n, 3)
        at += 4 * m
        vel = np.frombuffer(raw, "<f4", m, at).reshape(samples, frames, n, 3)
        at += 4 * m
        q = np.frombuffer(raw, "<f4", samples * n, at).reshape(samples, n)
        at += 4 * samples * n
        splits.append((pos, vel, q))
    return splits


def tensors(split):
    pos, vel, q = split
    return (torch.tensor(pos[:, FRAME_IN].copy()), torch.tensor(vel[:, FRAME_IN].copy()),
            torch.tensor(q.copy()), torch.tensor(pos[:, FRAME_OUT].copy()))


def edges(graphs):
    recv, send = [], []
    for g in range(graphs):
        for i in range(PARTICLES):
            for j in range(PARTICLES):
                if i != j:
                    recv.append(g * PARTICLES + i)
                    send.append(g * PARTICLES + j)
    return torch.tensor(recv), torch.tensor(send)


def run_batch(model, x, v, q, idx):
    b = len(idx)
    recv, send = edges(b)
    xs, vs, qs = x[idx].reshape(-1, 3), v[idx].reshape(-1, 3), q[idx].reshape(-1, 1)
    counts = torch.zeros(b * PARTICLES, 1).index_add_(0, recv, torch.ones(len(recv), 1))
    return model(xs, vs, recv, send, qs[recv] * qs[send], counts)


def evaluate(model, data):
    x, v, q, target = data
    total, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(x), 100):
            idx = torch.arange(start, min(len(x), start + 100))
            pred = run_batch(model, x, v, q, idx)
            total += torch.nn.functional.mse_loss(pred, target[idx].reshape(-1, 3)).item() * len(idx)
            count += len(idx)
    return total / count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cache")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epochs", type=int, default=250)
    p.add_argument("--train", type=int, default=3000)
    a = p.parse_args()
    train, valid, test = [tensors(s) for s in read_cache(a.cache)]
    train = tuple(t[:a.train] for t in train)
    torch.manual_seed(a.seed)
    model = ref.Model()
    opt = torch.optim.Adam(model.parameters(), lr=5e-4, weight_decay=1e-12)
    best = (float("inf"), float("nan"), -1)
    steps, seconds = 0, 0.0
    for epoch in range(a.epochs):
        order = torch.randperm(len(train[0]))
        losses = []
        start = time.perf_counter()
        for s in range(len(order) // 100):
            idx = order[s * 100:(s + 1) * 100]
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(run_batch(model, *train[:3], idx), train[3][idx].reshape(-1, 3))
            loss.backward()
            opt.step()
            losses.append(loss.item())
            steps += 1
        seconds += time.perf_counter() - start
        if epoch % 5 == 0:
            val, tst = evaluate(model, valid), evaluate(model, test)
            if val < best[0]:
                best = (val, tst, epoch)
            print("epoch %d train %.5f valid %.5f test %.5f best_valid %.5f test_at_best %.5f best_epoch %d ms_per_step %.1f"
                  " load %.1f" % (epoch, sum(losses) / len(losses), val, tst, best[0], best[1], best[2],
                                  1e3 * seconds / steps, os.getloadavg()[0]), flush=True)


if __name__ == "__main__":
    main()
