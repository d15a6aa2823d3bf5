#!/usr/bin/env python3
"""PyTorch side of GcnnTrainStepBenchmark (../src/main/java/.../GcnnTrainStepBenchmark.java).

One training step of a C4 G-CNN on 28x28 images, batch 64: the architecture of layers-gconv/regular's GroupCnn
over C4 with 4 regular fields — lifting conv 5x5 (1 -> 4 fields = 16 channels), batch norm (one mean and
variance per field, over batch, space and the group axis), ReLU, 2x2 max pool, group conv 3x3 (4 -> 4 fields),
batch norm, ReLU, 2x2 max pool, group conv 3x3 (4 -> 8 fields), batch norm, ReLU, max over the group axis, mean
over space, linear to 10 classes; 1,966 parameters — then cross-entropy, backward, Adam (lr 1e-3).

The stacked kernels are built as the Java layers build them: one index gather from the weight per layer (the
C4 rotations of a square kernel are permutations of its pixels, and the group axis is rolled), then one conv2d.
Timed by bench_torch.py (workload "gcnn"); the initial values are random (timing does not depend on them).
"""
import numpy as np
import torch
import torch.nn.functional as F

from bench_common import classifier_step, det, labels

BATCH, SIZE, FIELDS, CLASSES, ORDER = 64, 28, 4, 10, 4
PARAMETERS = 1966  # GcnnTrainStepBenchmark.PARAMETERS


def stacked_index(out_fields, in_fields, k, lifting):
    """Flat indices into the weight giving the stacked kernel [O*4, C(*4), k, k] (GroupCnn's KernelTransform)."""
    pixels = np.arange(k * k).reshape(k, k)
    group_in = 1 if lifting else ORDER
    idx = np.zeros((out_fields, ORDER, in_fields, group_in, k, k), dtype=np.int64)
    for o in range(out_fields):
        for a in range(ORDER):
            turned = np.rot90(pixels, a)  # the kernel read at h_a^-1 y
            for i in range(in_fields):
                for b in range(group_in):
                    rel = 0 if lifting else (b - a) % ORDER  # h_a^-1 h_b
                    idx[o, a, i, b] = ((o * in_fields + i) * group_in + rel) * k * k + turned
    return torch.from_numpy(idx.reshape(-1))


class GroupConv(torch.nn.Module):
    def __init__(self, in_fields, out_fields, k, lifting):
        super().__init__()
        group_in = 1 if lifting else ORDER
        fan_in = in_fields * group_in * k * k
        shape = (out_fields, in_fields, k, k) if lifting else (out_fields, in_fields, ORDER, k, k)
        self.weight = torch.nn.Parameter(torch.randn(shape) * (2.0 / fan_in) ** 0.5)
        self.bias = torch.nn.Parameter(torch.zeros(out_fields))
        self.register_buffer("index", stacked_index(out_fields, in_fields, k, lifting))
        self.kernel_shape = (out_fields * ORDER, in_fields * group_in, k, k)
        self.pad = (k - 1) // 2

    def forward(self, x):
        kernel = self.weight.reshape(-1).index_select(0, self.index).reshape(self.kernel_shape)
        return F.conv2d(x, kernel, self.bias.repeat_interleave(ORDER), padding=self.pad)


class FieldBatchNorm(torch.nn.Module):
    """One mean and variance per regular field, shared by its ORDER channels (EquivariantBatchNorm)."""
    def __init__(self, fields):
        super().__init__()
        self.bn = torch.nn.BatchNorm2d(fields, eps=1e-5, momentum=0.1)

    def forward(self, x):
        n, c, h, w = x.shape
        return self.bn(x.reshape(n, c // ORDER, ORDER * h, w)).reshape(n, c, h, w)


class GroupCnn(torch.nn.Module):
    def __init__(self, fields=FIELDS, classes=CLASSES):
        super().__init__()
        self.body = torch.nn.Sequential(
            GroupConv(1, fields, 5, True), FieldBatchNorm(fields), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            GroupConv(fields, fields, 3, False), FieldBatchNorm(fields), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            GroupConv(fields, 2 * fields, 3, False), FieldBatchNorm(2 * fields), torch.nn.ReLU())
        self.head = torch.nn.Linear(2 * fields, classes)
        self.fields = fields

    def forward(self, images):
        n = images.shape[0]
        h = self.body(images.reshape(n, 1, SIZE, SIZE))
        pooled = h.reshape(n, 2 * self.fields, ORDER, h.shape[2], h.shape[3]).amax(2).mean((2, 3))
        return self.head(pooled)


def make_step():
    torch.manual_seed(0)
    model = GroupCnn()
    assert sum(p.numel() for p in model.parameters()) == PARAMETERS
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return classifier_step(model, opt, det(1, 1.0, BATCH, SIZE * SIZE), labels(5, CLASSES, BATCH))
