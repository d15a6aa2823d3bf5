#!/usr/bin/env python3
"""PyTorch side of CcnnStepBenchmark (../src/main/java/.../CcnnStepBenchmark.java).

Same workloads: (1) one training step of a CCNN-4,140 on [64, 1, 784] sequences: a pointwise encoder
1 -> 140, four residual blocks x + dropout(pointwise(gelu(flexconv(batchnorm(x))))) whose depthwise
causal FlexConv kernels (784 taps) come from a MAGNet (3 Gabor filters, 32 wide) times a Gaussian mask,
convolved with torch.fft.rfft / irfft, a final batch norm, the last step, a linear classifier,
cross-entropy, Adam; (2) one causal depthwise FFT convolution of [64, 140, 784] with a 784-tap kernel,
forward and backward. Written here from the Java classes' description, not from the CCNN repository.

Run with Debian's /usr/bin/python3 and OpenBLAS, 2 threads, as bench_torch.py. Prints one JSON line
per measurement: {"workload": ..., "ms": median}.
"""
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
torch.set_num_threads(THREADS)
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
ITERS = int(os.environ.get("BENCH_ITERS", "5"))


def fft_conv_causal(x, k):
    """Causal depthwise correlation of x [N, C, L] with k [C, K] through the FFT."""
    length, taps = x.shape[-1], k.shape[-1]
    n = 1 << (length + taps - 2).bit_length()
    xs = torch.fft.rfft(F.pad(x, (taps - 1, n - length - taps + 1)), n=n)
    ks = torch.fft.rfft(F.pad(k, (0, n - taps)), n=n)
    return torch.fft.irfft(xs * ks.conj(), n=n)[..., :length]


class MagNet(nn.Module):
    def __init__(self, out, width=32, layers=3, omega0=500.0):
        super().__init__()
        self.gamma = nn.ParameterList([nn.Parameter(torch.distributions.Gamma(6.0 / layers, 1.0).sample((width, 1)))
                                       for _ in range(layers)])
        self.mu = nn.ParameterList([nn.Parameter(torch.rand(width, 1) * 2 - 1) for _ in range(layers)])
        self.filters = nn.ModuleList([nn.Linear(1, width) for _ in range(layers)])
        for f, g in zip(self.filters, self.gamma):
            f.weight.data *= omega0 / math.sqrt(layers) * g.data
            f.bias.data.uniform_(-math.pi, math.pi)
        self.mixes = nn.ModuleList([nn.Linear(width, width) for _ in range(layers - 1)])
        self.out = nn.Linear(width, out)

    def forward(self, r):
        def g(i):
            env = torch.exp(-0.5 * (((r[:, None, :] - self.mu[i][None]) * self.gamma[i][None]) ** 2).sum(-1))
            return env * torch.sin(self.filters[i](r))
        h = g(0)
        for i, m in enumerate(self.mixes):
            h = m(h) * g(i + 1)
        return self.out(h)


class Block(nn.Module):
    def __init__(self, c, length):
        super().__init__()
        self.norm = nn.BatchNorm1d(c)
        self.net = MagNet(c)
        self.sigma = nn.Parameter(torch.tensor(0.1))
        self.bias = nn.Parameter(torch.zeros(c))
        self.pointwise = nn.Conv1d(c, c, 1)
        self.drop = nn.Dropout(0.1)
        self.register_buffer("r", torch.linspace(-1, 1, length)[:, None])

    def forward(self, x):
        half = int(min(x.shape[-1], math.floor(abs(self.sigma.item()) * math.sqrt(2 * math.log(10)) / (2 / (x.shape[-1] - 1)))))
        r = self.r[-(half + 1):]
        mask = torch.exp(-0.5 * ((r - 1) / (self.sigma.abs() + 1e-6)) ** 2)
        k = (self.net(r) * mask).t()
        h = fft_conv_causal(self.norm(x), k) + self.bias[:, None]
        return x + self.drop(self.pointwise(F.gelu(h)))


class Ccnn(nn.Module):
    def __init__(self, c=140, blocks=4, length=784, classes=10):
        super().__init__()
        self.enc = nn.Conv1d(1, c, 1)
        self.blocks = nn.Sequential(*[Block(c, length) for _ in range(blocks)])
        self.norm = nn.BatchNorm1d(c)
        self.head = nn.Linear(c, classes)

    def forward(self, x):
        return self.head(self.norm(self.blocks(self.enc(x)))[..., -1])


def timed(fn):
    for _ in range(WARMUP):
        fn()
    times = []
    for _ in range(ITERS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def main():
    torch.manual_seed(1)
    model = Ccnn()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    x = torch.randn(64, 1, 784)
    y = torch.arange(64) % 10

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    print(json.dumps({"workload": "ccnn_step_64x1x784_4x140", "ms": timed(step)}))
    seq = torch.randn(64, 140, 784, requires_grad=True)
    k = (torch.randn(140, 784) * 0.05).requires_grad_()
    gy = torch.randn(64, 140, 784)

    def conv():
        seq.grad = None
        k.grad = None
        fft_conv_causal(seq, k).backward(gy)

    print(json.dumps({"workload": "fftconv_64x140x784_k784", "ms": timed(conv)}))


if __name__ == "__main__":
    main()
