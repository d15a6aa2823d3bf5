#!/usr/bin/env python3
"""PyTorch side of EgnnTrainStepBenchmark (../src/main/java/.../EgnnTrainStepBenchmark.java).

One training step of the N-body EGNN: 100 fully connected five-body graphs (2,000 edges), an
embedding of |v| to 64 channels, 4 velocity-variant EGNN layers (edge MLP on [h_i, h_j, |x_i-x_j|^2,
q_i q_j, |x_i-x_j|^2 at the input], SiLU, mean coordinate aggregation, residual node MLP), MSE on
the positions, backward, Adam (lr 5e-4). Same architecture and parameter count (134,020) as the Java
model; the inputs are random (timing does not depend on the values).

Prints one JSON line: wall-clock ms per step (median, min, mean of time-boxed iterations as JMH does),
process CPU ms per step, torch version, threads, BLAS and the load average. Run with Debian's
/usr/bin/python3 (python3-torch); for a fair BLAS point LD_LIBRARY_PATH at OpenBLAS (see
../run_side_by_side.sh and /work/shared/design/PERFORMANCE.md). BENCH_THREADS (default 2).
"""
import json
import os
import statistics
import time

import torch

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
torch.set_num_threads(THREADS)
torch.manual_seed(0)

GRAPHS, NODES, HIDDEN, LAYERS = 100, 5, 64, 4


def mlp(sizes, last_act=False, last_bias=True, tiny_last=False):
    mods = []
    for i in range(len(sizes) - 1):
        last = i == len(sizes) - 2
        lin = torch.nn.Linear(sizes[i], sizes[i + 1], bias=(last_bias or not last))
        if last and tiny_last:
            torch.nn.init.xavier_uniform_(lin.weight, gain=0.001)
        mods.append(lin)
        if not last or last_act:
            mods.append(torch.nn.SiLU())
    return torch.nn.Sequential(*mods)


class Layer(torch.nn.Module):
    def __init__(self, h, edge_attr):
        super().__init__()
        self.edge = mlp([2 * h + 1 + edge_attr, h, h], last_act=True)
        self.coord = mlp([h, h, 1], last_bias=False, tiny_last=True)
        self.vel = mlp([h, h, 1])
        self.node = mlp([2 * h, h, h])

    def forward(self, h, x, v, recv, send, attr, counts):
        diff = x[recv] - x[send]
        radial = (diff * diff).sum(1, keepdim=True)
        m = self.edge(torch.cat([h[recv], h[send], radial, attr], 1))
        trans = torch.clamp(diff * self.coord(m), -100, 100)
        agg = torch.zeros_like(x).index_add_(0, recv, trans) / counts
        x = x + agg + self.vel(h) * v
        hsum = torch.zeros(h.shape[0], m.shape[1]).index_add_(0, recv, m)
        h = h + self.node(torch.cat([h, hsum], 1))
        return h, x


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Linear(1, HIDDEN)
        self.layers = torch.nn.ModuleList([Layer(HIDDEN, 2) for _ in range(LAYERS)])

    def forward(self, x, v, recv, send, charge_products, counts):
        diff = x[recv] - x[send]
        attr = torch.cat([charge_products, (diff * diff).sum(1, keepdim=True)], 1)
        h = self.embedding(v.norm(dim=1, keepdim=True))
        for layer in self.layers:
            h, x = layer(h, x, v, recv, send, attr, counts)
        return x


def batch():
    recv, send = [], []
    for g in range(GRAPHS):
        for i in range(NODES):
            for j in range(NODES):
                if i != j:
                    recv.append(g * NODES + i)
                    send.append(g * NODES + j)
    recv, send = torch.tensor(recv), torch.tensor(send)
    n = GRAPHS * NODES
    x, v, target = torch.randn(n, 3), torch.randn(n, 3) * 0.5, torch.randn(n, 3)
    q = torch.randint(0, 2, (n, 1)).float() * 2 - 1
    counts = torch.zeros(n, 1).index_add_(0, recv, torch.ones(len(recv), 1))
    return x, v, recv, send, q[recv] * q[send], counts, target


def make_step():
    """The benchmarked step (zero_grad, forward, MSE, backward, Adam) on one fixed batch; bench_torch.py times it."""
    model = Model()
    assert sum(p.numel() for p in model.parameters()) == 134020
    opt = torch.optim.Adam(model.parameters(), lr=5e-4, weight_decay=1e-12)
    x, v, recv, send, qq, counts, target = batch()

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x, v, recv, send, qq, counts), target)
        loss.backward()
        opt.step()
        return loss.item()
    return step


def main():
    step = make_step()

    def iteration(seconds):
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            step()
            calls += 1
        return (time.perf_counter() - start) * 1e3 / calls, calls

    for _ in range(5):
        iteration(2.0)
    cpu0 = time.process_time()
    runs = [iteration(2.0) for _ in range(5)]
    scores = [r[0] for r in runs]
    per_step_cpu = (time.process_time() - cpu0) * 1e3 / sum(r[1] for r in runs)
    blas = [line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower()]
    print(json.dumps({"name": "egnn_train_step", "unit": "ms", "score": statistics.mean(scores),
                      "median": statistics.median(scores), "min": min(scores), "iterations": scores,
                      "cpu_ms_per_step": per_step_cpu, "torch": torch.__version__, "threads": THREADS,
                      "blas": sorted(set(blas))[:2], "loadavg": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
