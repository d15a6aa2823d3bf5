#!/usr/bin/env python3
"""PyTorch side of LatentForceStepBenchmark (../src/main/java/.../LatentForceStepBenchmark.java).

One training step of the latent-force-field model (Aether) in the lff-electrostatic setting: 100 fully connected
five-particle 2D systems (500 particles, 2,000 edges); the acceleration is a neural field of absolute position and
charge (32 random Fourier features of std 0.3, a fixed buffer; MLP 65-32-32-2 with SiLU) plus the N-body EGNN's
coordinate update x_L - x (bench_egnn_step.Model: hidden 64, 4 layers, edge attribute q_i q_j); then
v' = v + T a, x' = x + T v + T^2 a / 2 with the frame interval T = 0.1; loss MSE(x') + MSE(v'); backward; Adam
(lr 0.003). 137,254 parameters, as the Java model (asserted). The inputs are random (timing does not depend on the
values); the batch is bench_egnn_step's graphs with the first two coordinates.

Run through bench_torch.py (workload lff_step, ../run_side_by_side.sh) or alone: prints one JSON line as
bench_torch.py does. BENCH_THREADS (default 2); for a fair BLAS, OpenBLAS through LD_LIBRARY_PATH.
"""
import math

import torch

import bench_egnn_step

FRAME_INTERVAL = 0.1  # FieldSystem.electrostatic(): a frame every 100 steps of dt 0.001
PARAMETERS = 137254


class NeuralField(torch.nn.Module):
    """F(x, c): an MLP (SiLU) over [cos(x B), sin(x B), c], B = 2 pi N(0, std^2) fixed, as nn's RandomFourierFeatures."""

    def __init__(self, dims=2, features=32, std=0.3, hidden=32):
        super().__init__()
        self.register_buffer("frequencies", torch.randn(dims, features) * (2 * math.pi * std))
        self.mlp = torch.nn.Sequential(torch.nn.Linear(2 * features + 1, hidden), torch.nn.SiLU(),
                                       torch.nn.Linear(hidden, hidden), torch.nn.SiLU(), torch.nn.Linear(hidden, dims))

    def forward(self, x, c):
        phase = x @ self.frequencies
        return self.mlp(torch.cat([phase.cos(), phase.sin(), c], 1))


class Aether(torch.nn.Module):
    """The field plus the EGNN interactions, and one constant-acceleration integrator step."""

    def __init__(self):
        super().__init__()
        self.field = NeuralField()
        self.interactions = bench_egnn_step.Model()

    def forward(self, x, v, c, recv, send, charge_products, counts):
        a = self.field(x, c) + self.interactions(x, v, recv, send, charge_products, counts) - x
        return x + FRAME_INTERVAL * v + (0.5 * FRAME_INTERVAL ** 2) * a, v + FRAME_INTERVAL * a


def make_step():
    """The benchmarked step (zero_grad, forward, loss, backward, Adam) on one fixed batch; bench_torch.py times it."""
    model = Aether()
    count = sum(p.numel() for p in model.parameters())
    assert count == PARAMETERS, f"{count} parameters, the Java model has {PARAMETERS}"
    opt = torch.optim.Adam(model.parameters(), lr=0.003)
    x, v, recv, send, qq, counts, _ = bench_egnn_step.batch()
    x, v = x[:, :2].contiguous(), v[:, :2].contiguous()
    c = torch.randint(0, 2, (x.shape[0], 1)).float() * 2 - 1
    next_x, next_v = torch.randn_like(x), torch.randn_like(v)

    def step():
        opt.zero_grad()
        px, pv = model(x, v, c, recv, send, qq, counts)
        loss = torch.nn.functional.mse_loss(px, next_x) + torch.nn.functional.mse_loss(pv, next_v)
        loss.backward()
        opt.step()
        return loss.item()
    return step


if __name__ == "__main__":
    import bench_torch
    bench_torch.report("lff_train_step", make_step(), "ms", bench_torch.PLAN_HEAVY)
