#!/usr/bin/env python3
"""PyTorch side of Se3SeparableBenchmark (../src/main/java/.../Se3SeparableBenchmark.java).

Same workload and shapes: a lifting convolution (1 channel -> 4 fields, k=5) and two separable SE(3)
group convolutions (4 -> 8 -> 8 fields, k=3) on a 12-rotation grid of SO(3), forward and backward, on a
[8, 1, 28, 28, 28] volume; ReLU between layers, loss = mean(h^2). The op sequence mirrors the Java
layers: one matmul rotates every kernel to every grid rotation (a dense trilinear interpolation matrix),
one matmul reads the SO(3) kernel at all relative rotations (RBF weights), then conv3d (lifting), a
1x1x1 conv3d (SO(3) mixing) and a depthwise conv3d (rotated spatial kernels) per separable layer.

The grid here is a super-Fibonacci spiral of 12 rotations (the start of the Java grid, without its
repulsion steps): interpolation weights differ, shapes and operation counts are the same.

Run with Debian's /usr/bin/python3 and OpenBLAS, 2 threads, e.g.
  LD_LIBRARY_PATH=../.cache/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread /usr/bin/python3 bench_se3.py
Prints one JSON line per measurement (as bench_torch.py does).
"""
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from bench_common import det

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
torch.set_num_threads(THREADS)
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
ITERS = int(os.environ.get("BENCH_ITERS", "10"))


def grid(n):
    """n rotation matrices from the super-Fibonacci spiral (Alexa 2022)."""
    phi, psi = math.sqrt(2.0), 1.533751168755204288118041
    out = []
    for i in range(n):
        s = i + 0.5
        r, big = math.sqrt(s / n), math.sqrt(1 - s / n)
        a, b = 2 * math.pi * s / phi, 2 * math.pi * s / psi
        x, y, z, w = r * math.sin(a), r * math.cos(a), big * math.sin(b), big * math.cos(b)
        out.append(np.array([
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]]))
    return out


def kernel_rotation(rs, k):
    """[k^3, n k^3]: trilinear weights of kernel offset (row) for rotated kernel i at offset (column)."""
    k3, h = k ** 3, (k - 1) / 2
    m = np.zeros((k3, len(rs) * k3))
    for i, r in enumerate(rs):
        for a in range(k):
            for b in range(k):
                for c in range(k):
                    p = np.array([a - h, b - h, c - h])
                    if p @ p > (k / 2) ** 2 + 1e-9:
                        continue
                    q = r.T @ p + h
                    lo = np.floor(q).astype(int)
                    t = q - lo
                    for corner in range(8):
                        bits = [(corner >> (2 - d)) & 1 for d in range(3)]
                        idx = lo + bits
                        w = np.prod([t[d] if bits[d] else 1 - t[d] for d in range(3)])
                        if w == 0 or (idx < 0).any() or (idx >= k).any():
                            continue
                        m[(idx[0] * k + idx[1]) * k + idx[2], i * k3 + (a * k + b) * k + c] += w
    return torch.tensor(m, dtype=torch.float32)


def angle(a, b):
    return math.acos(max(-1.0, min(1.0, (np.trace(a.T @ b) - 1) / 2)))


def relative_rbf(rs):
    """[n, n*n]: normalised Gaussian weights of grid point m at g_i^-1 g_j."""
    n = len(rs)
    nn = np.mean([min(angle(rs[i], rs[j]) for j in range(n) if j != i) for i in range(n)])
    width = 0.8 * nn
    w = np.zeros((n * n, n))
    for i in range(n):
        for j in range(n):
            h = rs[i].T @ rs[j]
            e = np.array([math.exp(-(angle(h, rs[m]) / width) ** 2) for m in range(n)])
            w[i * n + j] = e / e.sum()
    return torch.tensor(w.T.copy(), dtype=torch.float32)


def make_step(train=False):
    """Forward + backward (train: then an Adam step, lr 1e-3, over the 2104 parameters); bench_torch.py times it."""
    rs = grid(12)
    n = len(rs)
    m5, m3, rel = kernel_rotation(rs, 5), kernel_rotation(rs, 3), relative_rbf(rs)
    g = torch.Generator().manual_seed(1)
    lift_w = (torch.randn(4, 1, 125, generator=g) * 0.1).requires_grad_(True)
    lift_b = torch.zeros(4, requires_grad=True)
    layers = []
    for cin, cout in ((4, 8), (8, 8)):
        layers.append(((torch.randn(cout, cin, n, generator=g) * 0.1).requires_grad_(True),
                       (torch.randn(cout, 27, generator=g) * 0.2).requires_grad_(True),
                       torch.zeros(cout, requires_grad=True), cin, cout))
    x = det(1, 1.0, 8, 1, 28, 28, 28)
    params = [lift_w, lift_b] + [p for l in layers for p in l[:3]]
    assert sum(p.numel() for p in params) == 2104  # Se3SeparableBenchmark.PARAMETERS
    opt = torch.optim.Adam(params, lr=1e-3) if train else None

    def step():
        for p in params:
            p.grad = None
        w = (lift_w.reshape(4, 125) @ m5).reshape(4, 1, n, 5, 5, 5).permute(0, 2, 1, 3, 4, 5).reshape(4 * n, 1, 5, 5, 5)
        h = F.conv3d(x, w, lift_b.repeat_interleave(n), padding=2)
        for wg, ws, b, cin, cout in layers:
            h = F.relu(h)
            mix = (wg.reshape(cout * cin, n) @ rel).reshape(cout, cin, n, n).permute(0, 2, 1, 3).reshape(cout * n, cin * n, 1, 1, 1)
            h = F.conv3d(h, mix)
            spatial = (ws @ m3).reshape(cout * n, 1, 3, 3, 3)
            h = F.conv3d(h, spatial, b.repeat_interleave(n), padding=1, groups=cout * n)
        loss = h.pow(2).mean()
        loss.backward()
        if opt is not None:
            opt.step()
        return loss
    return step


def main():
    step = make_step()
    for _ in range(WARMUP):
        step()
    times = []
    for _ in range(ITERS):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    print(json.dumps({"name": "se3_lift_2sep_fwd_bwd", "score": 1e3 * sum(times) / len(times), "unit": "ms",
                      "min": 1e3 * min(times), "max": 1e3 * max(times), "iterations": len(times),
                      "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "loadavg": open("/proc/loadavg").read().split()[:3]}), flush=True)


if __name__ == "__main__":
    main()
