#!/usr/bin/env python3
"""PyTorch side of SimClrStepBenchmark: one SimCLR step as the ssl-simclr experiment runs it.

Backbone: three blocks conv3x3 (no bias) - batch norm - ReLU, 1 -> 8 -> 16 -> 32 channels, max pooling 2 after the
first two, global average pooling after the last; projector Linear 32 -> 32, ReLU, Linear 32 -> 64; NT-Xent at
temperature 0.5 over two fixed views of 256 16x16 images (the same deterministic values as BenchSupport.det);
backward; SGD lr 0.3, momentum 0.9, weight decay 1e-6. Written from the Java classes, 9,112 parameters (checked).
Prints one JSON line: {"workload": ..., "ms": median wall, "cpu_ms": median process CPU}.
"""
import json
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = int(os.environ.get("BENCH_THREADS", "1"))
torch.set_num_threads(THREADS)
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
ITERS = int(os.environ.get("BENCH_ITERS", "20"))


def det(seed, scale, *shape):
    n = 1
    for s in shape:
        n *= s
    i = torch.arange(n, dtype=torch.float64)
    v = ((torch.remainder(i * 7919 + seed * 104729, 2001)) / 1000 - 1) * scale
    return v.to(torch.float32).reshape(shape)


def block(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]


def main():
    backbone = nn.Sequential(*block(1, 8), nn.MaxPool2d(2), *block(8, 16), nn.MaxPool2d(2), *block(16, 32),
                             nn.AdaptiveAvgPool2d(1), nn.Flatten())
    projector = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 64))
    model = nn.Sequential(backbone, projector)
    count = sum(p.numel() for p in model.parameters())
    assert count == 9112, count
    sgd = torch.optim.SGD(model.parameters(), lr=0.3, momentum=0.9, weight_decay=1e-6)
    v1 = det(1, 1.0, 256, 1, 16, 16)
    v2 = det(2, 1.0, 256, 1, 16, 16)
    n = v1.shape[0]
    mask = torch.eye(2 * n, dtype=torch.bool)
    positive = (torch.arange(2 * n) + n) % (2 * n)

    def step():
        sgd.zero_grad()
        z = F.normalize(torch.cat([model(v1), model(v2)]), dim=1)
        logits = (z @ z.t()) / 0.5
        logits = logits.masked_fill(mask, -1e9)
        loss = -F.log_softmax(logits, dim=1).gather(1, positive[:, None]).mean()
        loss.backward()
        sgd.step()
        return loss.item()

    for _ in range(WARMUP):
        step()
    walls, cpus = [], []
    for _ in range(ITERS):
        w, c = time.perf_counter(), time.process_time()
        step()
        walls.append((time.perf_counter() - w) * 1e3)
        cpus.append((time.process_time() - c) * 1e3)
    walls.sort()
    cpus.sort()
    print(json.dumps({"workload": "simclr_step_256x1x16x16", "threads": THREADS, "ms": walls[len(walls) // 2],
                      "cpu_ms": cpus[len(cpus) // 2]}))


if __name__ == "__main__":
    main()
