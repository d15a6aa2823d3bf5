#!/usr/bin/env python3
"""PyTorch side of equivariant4j's side-by-side benchmarks (see ../README.md).

Runs the same workloads, shapes and inputs as the JMH benchmarks in ../src/main/java and reports
them the way JMH's AverageTime mode does: time-boxed (wall clock) warm-up iterations, then time-boxed
measurement iterations, each giving elapsed time / calls; the score is the mean over measurement
iterations (min and max are kept for the spread). Every iteration is also timed by process CPU time
(time.process_time: all of torch's threads), as the Java side's CpuTimeProfiler does: "cpu_score".

Prints one JSON object per line: {"name", "score", "cpu_score", "unit", "min", "max", "iterations"} plus an
"info" line saying which torch, BLAS library and thread count were used. Run it with Debian's
/usr/bin/python3 (python3-torch) through ../run_side_by_side.sh, which points it at OpenBLAS.

Usage: bench_torch.py [workload ...]
workloads: ops elementwise gemm mlp conv2d conv3d segsum egnn egnn_step lff_step gcnn se3 (default: all)
BENCH_PLAN="warm-up-iterations seconds measured-iterations seconds" overrides every workload's plan
(run_side_by_side.sh passes the plan it gives JMH).
"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

from bench_common import classifier_step, det, labels

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
DEFAULT_THREADS = torch.get_num_threads()
# Same thread count as the ND4J side; Debian's torch defaults to 1 on this machine type.
torch.set_num_threads(THREADS)

# Iteration plans mirror the @Warmup/@Measurement annotations of the matching JMH classes.
PLAN_OPS = dict(warmup=5, warmup_s=2.0, iters=10, iter_s=1.0)
PLAN_GEMM = dict(warmup=3, warmup_s=2.0, iters=5, iter_s=2.0)
PLAN_HEAVY = dict(warmup=5, warmup_s=2.0, iters=5, iter_s=2.0)
if os.environ.get("BENCH_PLAN"):  # one plan for all, as run_side_by_side.sh gives JMH (-wi -w -i -r)
    wi, w, i, r = os.environ["BENCH_PLAN"].split()
    PLAN_OPS = PLAN_GEMM = PLAN_HEAVY = dict(warmup=int(wi), warmup_s=float(w), iters=int(i), iter_s=float(r))
if os.environ.get("BENCH_QUICK"):  # smoke test of the script itself; the numbers mean nothing
    PLAN_OPS = PLAN_GEMM = PLAN_HEAVY = dict(warmup=1, warmup_s=0.2, iters=2, iter_s=0.2)

SCALE = {"us": 1e6, "ms": 1e3}


def emit(record):
    print(json.dumps(record), flush=True)


def measure(fn, warmup, warmup_s, iters, iter_s):
    """Per-iteration (wall, process CPU) seconds per call of fn(), JMH-style (iterations time-boxed by wall clock)."""
    def one_iteration(seconds):
        calls = 0
        cpu = time.process_time()
        start = time.perf_counter()
        deadline = start + seconds
        now = start
        while now < deadline:
            fn()
            calls += 1
            now = time.perf_counter()
        return (now - start) / calls, (time.process_time() - cpu) / calls

    for _ in range(warmup):
        one_iteration(warmup_s)
    return [one_iteration(iter_s) for _ in range(iters)]


def report(name, fn, unit, plan):
    runs = measure(fn, **plan)
    wall = [r[0] for r in runs]
    cpu = [r[1] for r in runs]
    s = SCALE[unit]
    emit({"name": name, "score": sum(wall) / len(wall) * s, "cpu_score": sum(cpu) / len(cpu) * s, "unit": unit,
          "min": min(wall) * s, "max": max(wall) * s, "iterations": len(wall)})


def bench_ops():
    a = det(1, 1.0, 32, 64)
    b = det(2, 1.0, 32, 64)
    w = det(3, 0.125, 64, 64)
    ag = a.clone().requires_grad_(True)
    bg = b.clone().requires_grad_(True)
    wg = w.clone().requires_grad_(True)
    # "grad off": inputs without requires_grad (no graph recorded), like the Java side's plain leaves.
    report("add_32x64_grad_off", lambda: a + b, "us", PLAN_OPS)
    # "grad on": inputs require grad, so each call records a graph node (no backward).
    report("add_32x64_grad_on", lambda: ag + bg, "us", PLAN_OPS)
    report("matmul_32x64x64_grad_off", lambda: a @ w, "us", PLAN_OPS)
    report("matmul_32x64x64_grad_on", lambda: ag @ wg, "us", PLAN_OPS)


def bench_elementwise():
    a = det(1, 1.0, 32, 64)
    b = det(2, 1.0, 32, 64)
    big = det(1, 1.0, 64, 16, 28, 28)
    per_channel = det(2, 1.0, 1, 16, 1, 1)
    report("add_32x64", lambda: a + b, "us", PLAN_OPS)
    report("mul_32x64", lambda: a * b, "us", PLAN_OPS)
    report("relu_32x64", lambda: torch.relu(a), "us", PLAN_OPS)
    report("relu_64x16x28x28", lambda: torch.relu(big), "us", PLAN_OPS)
    report("add_per_channel_64x16x28x28", lambda: big + per_channel, "us", PLAN_OPS)
    # EquivariantBatchNorm over 4 regular C4 fields (4 channels each): one mean and variance per field,
    # which is F.batch_norm on the [64, 4, 4*28*28] view (escnn's InnerBatchNorm does the same).
    weight = torch.ones(4)
    bias = torch.zeros(4)
    running_mean = torch.zeros(4)
    running_var = torch.ones(4)
    report("batch_norm_fwd_64x16x28x28",
           lambda: F.batch_norm(big.view(64, 4, -1), running_mean, running_var, weight, bias, training=True,
                                momentum=0.1, eps=1e-5).view(64, 16, 28, 28), "us", PLAN_OPS)


def bench_gemm(n=1024):
    a = det(1, 1.0, n, n)
    b = det(2, 1.0, n, n)
    # Allocates the result, as Tensor.matmul does; 4 MiB of allocation is noise next to 2 GFLOP.
    report(f"sgemm_{n}", lambda: a @ b, "ms", PLAN_GEMM)


def bench_mlp(width=256, batch=256, classes=10):
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(width, width), torch.nn.ReLU(),
        torch.nn.Linear(width, width), torch.nn.ReLU(),
        torch.nn.Linear(width, classes))
    assert sum(p.numel() for p in model.parameters()) == 134154  # MlpTrainStepBenchmark.PARAMETERS
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    step = classifier_step(model, opt, det(1, 1.0, batch, width), labels(5, classes, batch))
    report("mlp_train_step", step, "ms", PLAN_HEAVY)


def bench_conv2d():
    x = det(1, 1.0, 64, 8, 28, 28).requires_grad_(True)
    w = det(2, 0.1, 16, 8, 3, 3).requires_grad_(True)
    b = det(3, 1.0, 16).requires_grad_(True)
    gy = det(4, 1.0, 64, 16, 28, 28)

    def fwd_bwd():
        x.grad = None
        w.grad = None
        b.grad = None
        F.conv2d(x, w, b, padding=1).backward(gy)
    report("conv2d_fwd_bwd", fwd_bwd, "ms", PLAN_HEAVY)
    # Checksums: the Java side can be compared against these by hand when in doubt.
    fwd_bwd()
    with torch.no_grad():
        y = F.conv2d(x, w, b, padding=1)
    emit({"name": "conv2d_checksum", "y_sum": float(y.double().sum()), "gw_sum": float(w.grad.double().sum()),
          "gb_sum": float(b.grad.double().sum())})


def bench_conv3d():
    x = det(5, 1.0, 8, 4, 32, 32, 32).requires_grad_(True)
    w = det(6, 0.1, 8, 4, 3, 3, 3).requires_grad_(True)
    b = det(7, 1.0, 8).requires_grad_(True)
    gy = det(8, 1.0, 8, 8, 32, 32, 32)

    def fwd_bwd():
        x.grad = None
        w.grad = None
        b.grad = None
        F.conv3d(x, w, b, padding=1).backward(gy)
    report("conv3d_fwd_bwd", fwd_bwd, "ms", PLAN_HEAVY)


def segment_ids(rows=20000, segments=2000):
    """Same as SegmentSumBenchmark.segmentIds: unsorted, every segment hit ~10 times."""
    return (torch.arange(rows, dtype=torch.int64) * 48271 + 11) % segments


def bench_segsum(rows=20000, segments=2000, width=64):
    x = det(8, 1.0, rows, width).requires_grad_(True)
    ids = segment_ids(rows, segments)
    gy = det(9, 1.0, segments, width)

    def fwd_bwd():
        x.grad = None
        torch.zeros(segments, width).index_add(0, ids, x).backward(gy)
    report("segment_sum_fwd_bwd", fwd_bwd, "ms", PLAN_HEAVY)


EGNN_GRAPHS, EGNN_NODES_PER_GRAPH, EGNN_HIDDEN = 100, 5, 64


def egnn_edges():
    """Every ordered pair of distinct nodes within each graph (EgnnLayerBenchmark.edges)."""
    rows, cols = [], []
    for g in range(EGNN_GRAPHS):
        for i in range(EGNN_NODES_PER_GRAPH):
            for j in range(EGNN_NODES_PER_GRAPH):
                if i != j:
                    rows.append(g * EGNN_NODES_PER_GRAPH + i)
                    cols.append(g * EGNN_NODES_PER_GRAPH + j)
    return torch.tensor(rows), torch.tensor(cols)


def egnn_params(hidden=EGNN_HIDDEN):
    """Weights [in, out] and biases, seeds from 20 in this order, scale 1/sqrt(fan-in)."""
    shapes = [("We1", "be1", 2 * hidden + 1, hidden), ("We2", "be2", hidden, hidden), ("Wx1", "bx1", hidden, hidden),
              ("Wx2", None, hidden, 1), ("Wh1", "bh1", 2 * hidden, hidden), ("Wh2", "bh2", hidden, hidden)]
    p, seed = {}, 20
    for wname, bname, fan_in, fan_out in shapes:
        p[wname] = det(seed, fan_in ** -0.5, fan_in, fan_out).requires_grad_(True)
        seed += 1
        if bname:
            p[bname] = det(seed, fan_in ** -0.5, fan_out).requires_grad_(True)
            seed += 1
    return p


def egnn_loss(h, x, row, col, p, n):
    """One EGNN layer (Satorras et al. 2021): sum aggregation for h, mean for x; loss sum(h'^2) + sum(x'^2)."""
    diff = x[row] - x[col]
    radial = (diff * diff).sum(dim=1, keepdim=True)
    m = F.silu(F.silu(torch.cat([h[row], h[col], radial], dim=1) @ p["We1"] + p["be1"]) @ p["We2"] + p["be2"])
    phi_x = F.silu(m @ p["Wx1"] + p["bx1"]) @ p["Wx2"]
    degree = torch.zeros(n, 1).index_add(0, row, torch.ones(row.shape[0], 1))
    x_new = x + torch.zeros(n, 3).index_add(0, row, diff * phi_x) / degree
    agg = torch.zeros(n, m.shape[1]).index_add(0, row, m)
    h_new = h + F.silu(torch.cat([h, agg], dim=1) @ p["Wh1"] + p["bh1"]) @ p["Wh2"] + p["bh2"]
    return (h_new * h_new).sum() + (x_new * x_new).sum()


def bench_egnn():
    row, col = egnn_edges()
    n = EGNN_GRAPHS * EGNN_NODES_PER_GRAPH
    h = det(10, 1.0, n, EGNN_HIDDEN)
    x = det(11, 1.0, n, 3)
    p = egnn_params()

    def fwd_bwd():
        for v in p.values():
            v.grad = None
        egnn_loss(h, x, row, col, p, n).backward()
    report("egnn_layer_fwd_bwd", fwd_bwd, "ms", PLAN_HEAVY)
    fwd_bwd()
    emit({"name": "egnn_checksum", "loss": float(egnn_loss(h, x, row, col, p, n)),
          "gWe1_sum": float(p["We1"].grad.double().sum()), "gWh2_sum": float(p["Wh2"].grad.double().sum())})


def bench_egnn_step():
    """EgnnTrainStepBenchmark.trainStep: the N-body EGNN (4 layers, 100 graphs, 134,020 parameters, Adam)."""
    import bench_egnn_step
    report("egnn_train_step", bench_egnn_step.make_step(), "ms", PLAN_HEAVY)


def bench_lff_step():
    """LatentForceStepBenchmark.trainStep: neural field + N-body EGNN, 100 2D systems, 137,254 parameters, Adam."""
    import bench_lff
    report("lff_train_step", bench_lff.make_step(), "ms", PLAN_HEAVY)


def bench_gcnn():
    """GcnnTrainStepBenchmark.trainStep: C4 G-CNN on 28x28, batch 64, 1,966 parameters, Adam."""
    import bench_gcnn
    report("gcnn_c4_train_step", bench_gcnn.make_step(), "ms", PLAN_HEAVY)


def bench_se3():
    """Se3SeparableBenchmark.trainStep: SE(3) lifting + two separable convs on [8,1,28,28,28], Adam."""
    import bench_se3
    report("se3_separable_train_step", bench_se3.make_step(train=True), "ms", PLAN_HEAVY)


WORKLOADS = {"ops": bench_ops, "elementwise": bench_elementwise, "gemm": bench_gemm, "mlp": bench_mlp, "conv2d": bench_conv2d, "conv3d": bench_conv3d,
             "segsum": bench_segsum, "egnn": bench_egnn, "egnn_step": bench_egnn_step, "lff_step": bench_lff_step, "gcnn": bench_gcnn,
             "se3": bench_se3}


def blas_library():
    """The BLAS shared object actually mapped into this process (netlib vs OpenBLAS matters 30x)."""
    with open("/proc/self/maps") as maps:
        libs = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    return libs


if __name__ == "__main__":
    torch.zeros(2, 2) @ torch.zeros(2, 2)  # loads BLAS so the info line can name it
    emit({"name": "info", "torch": torch.__version__, "threads": torch.get_num_threads(),
          "default_threads": DEFAULT_THREADS, "blas": blas_library(),
          "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", ""), "plan": os.environ.get("BENCH_PLAN", "")})
    for workload in (sys.argv[1:] or list(WORKLOADS)):
        WORKLOADS[workload]()
