#!/usr/bin/env python3
"""PyTorch side of EnfFieldBenchmark (../src/main/java/.../EnfFieldBenchmark.java).

The equivariant cross-attention field of layers-fields/enf-pde, written here from the Java classes (not from the
JAX reference): SE(2) bi-invariant a(x, p) = R(-theta)(x - p_xy), 16 latents x 16 context numbers, hidden 64,
2 heads, random-Fourier embeddings of a (std 0.05 for queries, 0.01 for values) each followed by a 64-64-64 ReLU
MLP, keys from layer-normalised stem-projected contexts, values FiLM-modulated by the value embedding through a
Linear-GELU-LayerNorm-Linear block and mixed per head, a Gaussian window -d^2/sigma^2 (sigma 0.5), softmax over the
latents, head projection, feed-forward block, GELU, output MLP 128-64-64-1 (GELU). 134,465 parameters, asserted.

Workloads on one field of 4,096 query points:
  decode_4096_fwd_bwd   decode, loss mean(f^2), backward to the parameters and the latents;
  inner_fit_step        the per-field MSE against fixed targets, torch.autograd.grad to poses and contexts, SGD update.
Inputs are bench_common.det fills, the same numbers as the Java side.

Run with Debian's /usr/bin/python3 and OpenBLAS (see ../run_side_by_side.sh); BENCH_THREADS (default 2),
BENCH_WARMUP / BENCH_ITERS (time-boxed iterations of BENCH_SECONDS each). Prints one JSON line per workload:
mean wall ms per call over the measured iterations, median, process CPU ms per call, threads and load.
"""
import json
import math
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from bench_common import det

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
torch.set_num_threads(THREADS)
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
ITERS = int(os.environ.get("BENCH_ITERS", "3"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))

QUERIES, LATENTS, CONTEXT, HIDDEN, HEADS, SIGMA = 4096, 16, 16, 64, 2, 0.5
PARAMETERS = 134465


def se2_between(x, p):
    d = x[:, :, None, :] - p[:, None, :, :2]
    theta = p[..., 2][:, None, :]
    c, s = theta.cos(), theta.sin()
    return torch.stack([c * d[..., 0] + s * d[..., 1], c * d[..., 1] - s * d[..., 0]], -1)


def se2_squared_distance(x, p):
    return ((x[:, :, None, :] - p[:, None, :, :2]) ** 2).sum(-1)


class Embedding(nn.Module):
    """Random Fourier features (fixed, N(0, std^2) frequencies times 2 pi) then a two-layer ReLU MLP."""

    def __init__(self, inp, hidden, out, std):
        super().__init__()
        self.register_buffer("frequencies", torch.randn(inp, hidden // 2) * 2 * math.pi * std)
        self.mlp = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, out))

    def forward(self, a):
        phase = a @ self.frequencies
        return self.mlp(torch.cat([phase.cos(), phase.sin()], -1))


class FeedForward(nn.Module):
    def __init__(self, inp, hidden, out):
        super().__init__()
        self.first, self.norm, self.second = nn.Linear(inp, hidden), nn.LayerNorm(hidden), nn.Linear(hidden, out)

    def forward(self, x):
        return self.second(self.norm(F.gelu(self.first(x))))


class Field(nn.Module):
    def __init__(self):
        super().__init__()
        w = HEADS * HIDDEN
        self.stem, self.context_norm = nn.Linear(CONTEXT, HIDDEN), nn.LayerNorm(HIDDEN)
        self.query_embedding = Embedding(2, HIDDEN, HIDDEN, 0.05)
        self.value_embedding = Embedding(2, HIDDEN, HIDDEN, 0.01)
        self.to_query, self.to_key, self.to_value = nn.Linear(HIDDEN, w), nn.Linear(HIDDEN, w), nn.Linear(HIDDEN, w)
        self.value_modulation = FeedForward(HIDDEN, HIDDEN, 2 * w)
        self.value_mixer = FeedForward(HIDDEN, HIDDEN, HIDDEN)
        self.head_projection = nn.Linear(w, w)
        self.feed_forward = FeedForward(w, w, w)
        self.output = nn.Sequential(nn.Linear(w, HIDDEN), nn.GELU(), nn.Linear(HIDDEN, HIDDEN), nn.GELU(),
                                    nn.Linear(HIDDEN, 1))

    def forward(self, x, p, c):
        b, q, l, w = x.shape[0], x.shape[1], p.shape[1], HEADS * HIDDEN
        a = se2_between(x, p)
        context = self.context_norm(self.stem(c))
        query = self.to_query(self.query_embedding(a)).reshape(b, q, l, HEADS, HIDDEN)
        key = self.to_key(context).reshape(b, 1, l, HEADS, HIDDEN)
        logits = (query * key).sum(-1) / math.sqrt(HIDDEN)
        logits = logits - se2_squared_distance(x, p)[..., None] / SIGMA ** 2
        attention = logits.softmax(2)[..., None]
        modulation = self.value_modulation(self.value_embedding(a))
        value = self.to_value(context)[:, None] * (1 + modulation[..., :w]) + modulation[..., w:]
        value = self.value_mixer(value.reshape(b, q, l, HEADS, HIDDEN))
        attended = (attention * value).sum(2).reshape(b, q, w)
        return self.output(F.gelu(self.feed_forward(self.head_projection(attended))))


def timed(name, fn):
    def iteration():
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < SECONDS or calls == 0:
            fn()
            calls += 1
        return (time.perf_counter() - start) * 1e3 / calls, calls

    for _ in range(WARMUP):
        iteration()
    cpu0 = time.process_time()
    runs = [iteration() for _ in range(ITERS)]
    scores = [r[0] for r in runs]
    cpu = (time.process_time() - cpu0) * 1e3 / sum(r[1] for r in runs)
    blas = [line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower()]
    print(json.dumps({"workload": name, "ms": statistics.mean(scores), "median": statistics.median(scores),
                      "cpu_ms": cpu, "iterations": scores, "torch": torch.__version__, "threads": THREADS,
                      "blas": sorted(set(blas))[:2], "loadavg": os.getloadavg()[0]}), flush=True)


def main():
    torch.manual_seed(1)
    field = Field()
    assert sum(t.numel() for t in field.parameters()) == PARAMETERS
    x = det(1, 1.0, 1, QUERIES, 2)
    y = det(2, 1.0, 1, QUERIES, 1)
    p = det(3, 1.0, 1, LATENTS, 3).requires_grad_()
    c = det(4, 1.0, 1, LATENTS, CONTEXT).requires_grad_()
    pose_rates = det(5, 1.0, 3).abs()
    context_rates = det(6, 5.0, CONTEXT).abs()

    def decode():
        field.zero_grad(set_to_none=True)
        p.grad = None
        c.grad = None
        field(x, p, c).pow(2).mean().backward()
        return c.grad

    def inner_step():
        loss = (field(x, p, c) - y).pow(2).mean((1, 2)).sum()
        gp, gc = torch.autograd.grad(loss, [p, c])
        next_poses = p.detach() - pose_rates * gp
        return c.detach() - context_rates * gc + next_poses.sum()

    timed("enf_decode_4096x16_fwd_bwd", decode)
    timed("enf_inner_fit_step_4096x16", inner_step)


if __name__ == "__main__":
    main()
