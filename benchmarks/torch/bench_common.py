"""What the PyTorch benchmark scripts share: deterministic inputs (the same formula as the Java side) and the
classifier training step."""
import torch
import torch.nn.functional as F


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


def classifier_step(model, opt, x, y):
    """One training step as the Java benchmarks run it: zero the gradients, forward, cross-entropy, backward, step."""
    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss
    return step
