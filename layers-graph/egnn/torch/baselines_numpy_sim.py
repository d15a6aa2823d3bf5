#!/usr/bin/env python3
"""Cross-check of the data: simulates charged 5-body trajectories with numpy, following the reference generator's
description (vgsatorras/egnn n_body_system/dataset/synthetic_sim.py, ChargedParticlesSim as generate_dataset.py
calls it: charges ±1 with probability 1/2, positions N(0, 1) reflected into the box [-5, 5], initial speeds 0.5 in
random directions, forces q_i q_j (x_i - x_j) / |x_i - x_j|^3 clipped to ±100 per component, dt 0.001, a first
kick, then drift / save every 100th step / kick for 5,000 steps), vectorised over trajectories, and prints the
MSE of the trivial predictors on frame 30 -> 40: no motion (x) and constant velocity (x + v t, t = 1.0).

Comparing these with equivariant4j's own split (layers-graph/graph README: 0.10956 and 0.26995 on the 2,000 test
trajectories of data seed 43) tells whether the Java simulator draws from the same distribution; the numbers
differ by sampling only (numpy's generator and seed are not Java's).

    /usr/bin/python3 baselines_numpy_sim.py --trajectories 2000 --seed 43
"""
import argparse

import numpy as np


def simulate(rng, b, n=5, steps=5000, every=100, dt=1e-3, box=5.0, max_f=100.0):
    q = rng.choice([-1.0, 1.0], size=(b, n, 1))
    x = rng.standard_normal((b, n, 3))
    v = rng.standard_normal((b, n, 3))
    v *= 0.5 / np.linalg.norm(v, axis=2, keepdims=True)
    over, under = x > box, x < -box
    x = np.where(over, 2 * box - x, np.where(under, -2 * box - x, x))
    v = np.where(over, -np.abs(v), np.where(under, np.abs(v), v))
    eye = np.eye(n, dtype=bool)[None, :, :, None]

    def force(x):
        d = x[:, :, None, :] - x[:, None, :, :]                 # x_i - x_j
        r2 = (d ** 2).sum(-1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            f = (q[:, :, None, :] * q[:, None, :, :]) * d / r2 ** 1.5
        f = np.where(eye, 0.0, f).sum(2)
        return np.clip(f, -max_f, max_f)

    frames = steps // every - 1
    pos, vel = np.zeros((frames, b, n, 3)), np.zeros((frames, b, n, 3))
    v = v + dt * force(x)
    saved = 0
    for step in range(1, steps):
        x = x + dt * v
        if step % every == 0:
            pos[saved], vel[saved] = x, v
            saved += 1
        v = v + dt * force(x)
    return pos, vel


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trajectories", type=int, default=2000)
    p.add_argument("--seed", type=int, default=43)
    a = p.parse_args()
    pos, vel = simulate(np.random.default_rng(a.seed), a.trajectories)
    x, v, target = pos[30], vel[30], pos[40]
    static = ((x - target) ** 2).mean()
    const = ((x + 1.0 * v - target) ** 2).mean()
    per = ((x + v - target) ** 2).mean(axis=(1, 2))
    se = per.std(ddof=1) / np.sqrt(len(per))
    print("trajectories %d seed %d: constant velocity %.5f (standard error %.5f), no motion %.5f"
          % (a.trajectories, a.seed, const, se, static))


if __name__ == "__main__":
    main()
