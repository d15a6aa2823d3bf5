#!/usr/bin/env python3
"""PyTorch side of GridificationStepTimer (../src/main/java/.../GridificationStepTimer.java).

The gridification step alone: 2 clouds of N points (uniform on the unit sphere here: timing depends on the edge
count, which the printed 'edges' lets one compare), a 9^3 grid over [-1, 1]^3, edges = the coalesced union of
"9 nearest points of each node" and "9 nearest nodes of each point" per cloud (built once, not timed), then
gather -> random Fourier features (8 frequencies) -> MLP 22 -> 32 -> 16 (ReLU) -> mean into the nodes
(index_add_ and counts), forward and backward of the sum. One thread, process CPU time and wall time, median.
Usage: /usr/bin/python3 bench_gridify.py <points> [steps]
"""
import json
import os
import statistics
import sys
import time

import torch

torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
torch.manual_seed(0)
N = int(sys.argv[1])
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
B, S, K, F = 2, 9, 9, 8

lin = torch.linspace(-1, 1, S)
grid = torch.stack(torch.meshgrid(lin, lin, lin, indexing="ij"), -1).reshape(-1, 3)
G = grid.shape[0]
pos = torch.randn(B, N, 3)
pos = pos / pos.norm(dim=-1, keepdim=True)
normals = pos.clone()
senders, receivers = [], []
for b in range(B):
    d = torch.cdist(grid, pos[b])                       # [G, N]
    near_points = d.topk(K, dim=1, largest=False).indices  # for each node its K nearest points
    s1 = near_points.reshape(-1) + b * N
    r1 = torch.arange(G).repeat_interleave(K) + b * G
    near_nodes = d.t().topk(K, dim=1, largest=False).indices  # for each point its K nearest nodes
    s2 = torch.arange(N).repeat_interleave(K) + b * N
    r2 = near_nodes.reshape(-1) + b * G
    senders += [s1, s2]
    receivers += [r1, r2]
keys = torch.unique(torch.cat(receivers) * (B * N) + torch.cat(senders))
snd, rcv = keys % (B * N), keys // (B * N)
E = snd.numel()

freqs = torch.randn(3, F) * 2 * torch.pi
mlp = torch.nn.Sequential(torch.nn.Linear(6 + 2 * F, 32), torch.nn.ReLU(), torch.nn.Linear(32, 16))
feats = torch.cat([pos, normals], -1).reshape(B * N, 6)
points = pos.reshape(B * N, 3)
nodes = grid.repeat(B, 1)
counts = torch.zeros(B * G).index_add_(0, rcv, torch.ones(E)).clamp(min=1).unsqueeze(1)


def step():
    mlp.zero_grad()
    rel = nodes[rcv] - points[snd]
    phase = rel @ freqs
    m = mlp(torch.cat([feats[snd], phase.sin(), phase.cos()], 1))
    out = torch.zeros(B * G, 16).index_add_(0, rcv, m) / counts
    out.reshape(B, G, 16).permute(0, 2, 1).reshape(B, 16, S, S, S).sum().backward()


for _ in range(3):
    step()
wall, cpu = [], []
for _ in range(STEPS):
    w, c = time.perf_counter(), time.process_time()
    step()
    cpu.append((time.process_time() - c) * 1e3)
    wall.append((time.perf_counter() - w) * 1e3)
print(json.dumps({"side": "pytorch " + torch.__version__, "points": N, "edges": E, "wall_ms": round(statistics.median(wall), 2),
                  "cpu_ms": round(statistics.median(cpu), 2), "threads": torch.get_num_threads(),
                  "load": round(os.getloadavg()[0], 1)}))
