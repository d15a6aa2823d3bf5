"""Deterministic inputs shared by the PyTorch benchmark scripts and, by formula, with the Java side."""
import torch


def det(seed, scale, *shape):
    """Deterministic fill shared with BenchSupport.detValues on the Java side (row-major index i)."""
    n = 1
    for d in shape:
        n *= d
    i = torch.arange(n, dtype=torch.int64)
    r = (i * 7919 + seed * 104729) % 2001
    return ((r.double() / 1000.0 - 1.0) * scale).float().reshape(shape)


def labels(seed, classes, n):
    """Same as BenchSupport.labels."""
    i = torch.arange(n, dtype=torch.int64)
    return (i * 7919 + seed * 104729) % classes
