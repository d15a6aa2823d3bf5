#!/usr/bin/env python3
"""Joins JMH JSON result files and bench_torch.py's JSON lines, one pair per thread count, into markdown tables.

Usage: side_by_side_table.py THREADS:JMH_JSON:TORCH_JSONL [THREADS:JMH_JSON:TORCH_JSONL ...]

First table: ours / PyTorch for every workload, wall and CPU time, at each thread count given (the ratios issue 16
sets targets on; above 1: we are slower, also on the GFLOP/s row). Second table: the absolute numbers behind them,
with raw ND4J where a benchmark has a raw baseline. Wall time is JMH's score (time-boxed iterations, mean per
call) and bench_torch.py's; CPU time is process CPU per call (CpuTimeProfiler's "·cpu" on the Java side,
time.process_time on PyTorch's), so it counts every thread of the process. A workload that did not run shows a dash.
Below the tables: the autodiff bookkeeping over raw ND4J per op, against the 25% bar of issue 3.
"""
import json
import sys

PKG = "org.equivariant4j.benchmarks."
TO_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}
CPU_METRIC = "·cpu"

# label, display unit, ours (JMH), raw ND4J (JMH or None), PyTorch (bench_torch.py), flops per call (GFLOP/s rows),
# target (ours / PyTorch at both thread counts, wall and CPU; None: no target)
ROWS = [
    ("EGNN N-body training step, 4 layers, 100 graphs, Adam", "ms", "EgnnTrainStepBenchmark.trainStep", None,
     "egnn_train_step", None, 1.0),
    ("Latent force field step (neural field + EGNN), 100 2D systems, Adam", "ms", "LatentForceStepBenchmark.trainStep",
     None, "lff_train_step", None, None),
    ("MLP train step 256-256-256-10, batch 256, Adam", "ms", "MlpTrainStepBenchmark.trainStepTensor",
     "MlpTrainStepBenchmark.trainStepNd4j", "mlp_train_step", None, 1.0),
    ("C4 G-CNN train step, 28x28, batch 64, Adam", "ms", "GcnnTrainStepBenchmark.trainStep", None,
     "gcnn_c4_train_step", None, 1.0),
    ("SE(3) separable train step, [8,1,28³], Adam", "ms", "Se3SeparableBenchmark.trainStep", None,
     "se3_separable_train_step", None, 1.0),
    ("add [32,64], grad off", "µs", "OpOverheadBenchmark.addTensorGradOff", "OpOverheadBenchmark.addNd4j",
     "add_32x64_grad_off", None, 3.0),
    ("add [32,64], grad on (records a node)", "µs", "OpOverheadBenchmark.addTensorGradOn", "OpOverheadBenchmark.addNd4j",
     "add_32x64_grad_on", None, 3.0),
    ("matmul [32,64]x[64,64], grad off", "µs", "OpOverheadBenchmark.matmulTensorGradOff",
     "OpOverheadBenchmark.matmulNd4jGemm", "matmul_32x64x64_grad_off", None, 2.0),
    ("matmul [32,64]x[64,64], grad on (records a node)", "µs", "OpOverheadBenchmark.matmulTensorGradOn",
     "OpOverheadBenchmark.matmulNd4jGemm", "matmul_32x64x64_grad_on", None, 2.0),
    ("add [32,64] (ElementwiseBenchmark)", "µs", "ElementwiseBenchmark.addSmall", None, "add_32x64", None, 3.0),
    ("mul [32,64]", "µs", "ElementwiseBenchmark.mulSmall", None, "mul_32x64", None, 3.0),
    ("relu [32,64]", "µs", "ElementwiseBenchmark.reluSmall", None, "relu_32x64", None, 3.0),
    ("relu [64,16,28,28]", "µs", "ElementwiseBenchmark.reluLarge", "ElementwiseBenchmark.reluLargeNd4j",
     "relu_64x16x28x28", None, 1.5),
    ("add [64,16,28,28] + [1,16,1,1]", "µs", "ElementwiseBenchmark.addPerChannelLarge", None,
     "add_per_channel_64x16x28x28", None, 1.5),
    ("EquivariantBatchNorm fwd [64,16,28,28], 4 regular C4 fields (PyTorch: F.batch_norm)", "µs",
     "ElementwiseBenchmark.batchNormForwardLarge", None, "batch_norm_fwd_64x16x28x28", None, 1.5),
    ("sgemm 1024 (GFLOP/s, higher is better)", "GFLOP/s", "GemmBenchmark.sgemmTensor", "GemmBenchmark.sgemmNd4jGemm",
     "sgemm_1024", 2.0 * 1024 ** 3, 1.0),
    ("conv2d fwd+bwd [64,8,28,28]→16, 3×3, pad 1", "ms", "Conv2dBenchmark.convFwdBwdTensor",
     "Conv2dBenchmark.convFwdBwdNd4j", "conv2d_fwd_bwd", None, 1.0),
    ("conv3d fwd+bwd [8,4,32³]→8, 3×3×3, pad 1", "ms", "Conv3dBenchmark.convFwdBwdTensor",
     "Conv3dBenchmark.convFwdBwdNd4j", "conv3d_fwd_bwd", None, None),
    ("segment sum fwd+bwd [20000,64]→[2000,64], unsorted ids", "ms", "SegmentSumBenchmark.fwdBwdTensor",
     "SegmentSumBenchmark.fwdBwdNd4j", "segment_sum_fwd_bwd", None, 1.0),
    ("EGNN layer fwd+bwd, 100 five-node graphs, hidden 64 (raw: SameDiff)", "ms", "EgnnLayerBenchmark.fwdBwdTensor",
     "EgnnLayerBenchmark.fwdBwdNd4j", "egnn_layer_fwd_bwd", None, None),
]
UNIT_SECONDS = {"µs": 1e-6, "us": 1e-6, "ms": 1e-3}
# Rows the "< 25% over raw ND4J" bar applies to: per-op bookkeeping cost.
OVERHEAD_KEYS = {row[2] for row in ROWS[4:8]}
OVERHEAD_BAR = 0.25


def load_jmh(path):
    """Benchmark name (Class.method) -> (wall seconds per call, CPU seconds per call or None)."""
    out = {}
    with open(path) as f:
        for entry in json.load(f):
            name = entry["benchmark"].removeprefix(PKG)
            metric = entry["primaryMetric"]
            wall = metric["score"] * TO_SECONDS[metric["scoreUnit"]]
            cpu = entry.get("secondaryMetrics", {}).get(CPU_METRIC)
            out[name] = (wall, cpu["score"] * TO_SECONDS[cpu["scoreUnit"]] if cpu else None)
    return out


def load_torch(path):
    out, info = {}, {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            rec = json.loads(line)
            if rec["name"] == "info":
                info = rec
            elif "score" in rec:
                scale = UNIT_SECONDS[rec["unit"]]
                cpu = rec.get("cpu_score")
                out[rec["name"]] = (rec["score"] * scale, cpu * scale if cpu is not None else None)
    return out, info


def shown(seconds, unit, flops):
    if seconds is None:
        return "—"
    value = flops / seconds / 1e9 if flops else seconds / UNIT_SECONDS[unit]
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def ratio(ours, theirs):
    if not ours or not theirs:
        return None
    return ours / theirs


def shown_ratio(r, target):
    if r is None:
        return "—"
    text = f"{r:.0f}x" if r >= 10 else f"{r:.2f}x"
    return f"**{text}**" if target is not None and r <= target else text


def main(runs):
    loaded = []
    for spec in runs:
        threads, jmh_path, torch_path = spec.split(":", 2)
        torch, info = load_torch(torch_path)
        loaded.append((threads, load_jmh(jmh_path), torch, info))

    header = "| workload | target |"
    rule = "|---|---|"
    for threads, *_ in loaded:
        header += f" {threads} thr wall | {threads} thr CPU |"
        rule += "---|---|"
    print("Ours / PyTorch (time ratio; bold: target met):")
    print()
    print(header)
    print(rule)
    measured = [row for row in ROWS if any(row[2] in jmh or row[4] in torch for _, jmh, torch, _ in loaded)]
    for label, unit, ours_key, raw_key, torch_key, flops, target in measured:
        cells = []
        for _, jmh, torch, _ in loaded:
            ours = jmh.get(ours_key, (None, None))
            pt = torch.get(torch_key, (None, None))
            cells += [shown_ratio(ratio(ours[0], pt[0]), target), shown_ratio(ratio(ours[1], pt[1]), target)]
        goal = f"≤ {target:g}" if target is not None else "—"
        print(f"| {label} | {goal} | " + " | ".join(cells) + " |")

    print()
    print("Per call (wall / CPU; GFLOP/s on the sgemm row):")
    print()
    print("| workload | unit | threads | ours wall | ours CPU | raw ND4J wall | raw ND4J CPU | PyTorch wall | PyTorch CPU |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, unit, ours_key, raw_key, torch_key, flops, _ in measured:
        for threads, jmh, torch, _ in loaded:
            ours = jmh.get(ours_key, (None, None))
            raw = jmh.get(raw_key, (None, None)) if raw_key else (None, None)
            pt = torch.get(torch_key, (None, None))
            print(f"| {label} | {unit} | {threads} | {shown(ours[0], unit, flops)} | {shown(ours[1], unit, flops)} | "
                  f"{shown(raw[0], unit, flops)} | {shown(raw[1], unit, flops)} | {shown(pt[0], unit, flops)} | "
                  f"{shown(pt[1], unit, flops)} |")

    print()
    print("Autodiff bookkeeping over raw ND4J, wall (ours/raw - 1; issue 3's bar is < 25% for the per-op rows):")
    print()
    for label, _, ours_key, raw_key, *_ in measured:
        if raw_key is None:
            continue
        parts = []
        for threads, jmh, *_ in loaded:
            ours, raw = jmh.get(ours_key), jmh.get(raw_key)
            if not ours or not raw:
                parts.append(f"{threads} thr: not measured")
                continue
            over = ours[0] / raw[0] - 1
            verdict = ""
            if ours_key in OVERHEAD_KEYS:
                verdict = " (meets the bar)" if over < OVERHEAD_BAR else " (misses the bar)"
            parts.append(f"{threads} thr: {over * 100:+.0f}%{verdict}")
        print(f"- {label}: " + "; ".join(parts))
    print()
    for threads, _, _, info in loaded:
        print(f"PyTorch {info.get('torch', '?')}, {info.get('threads', '?')} threads (asked {threads}), BLAS "
              f"{[b.rsplit('/', 1)[-1] for b in info.get('blas', [])]}, OPENBLAS_CORETYPE='{info.get('openblas_coretype', '')}'")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
