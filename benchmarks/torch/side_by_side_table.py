#!/usr/bin/env python3
"""Joins a JMH JSON result file and bench_torch.py's JSON lines into one markdown table.

Usage: side_by_side_table.py JMH_JSON TORCH_JSONL

Columns: workload | ours (through Tensor) | raw ND4J | PyTorch | ours/PyTorch. The ratio is always a
time ratio (above 1: we are slower), also on the GFLOP/s row. A workload whose benchmark did not
run (or failed) shows a dash. Below the table: the autodiff overhead over raw ND4J, against the
issue's bar of 25%.
"""
import json
import sys

PKG = "org.equivariant4j.benchmarks."
TO_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}

# label, display unit, ours (JMH), raw ND4J (JMH), PyTorch (bench_torch.py), flops per call (GFLOP/s rows)
ROWS = [
    ("add [32,64], grad off", "µs", "OpOverheadBenchmark.addTensorGradOff", "OpOverheadBenchmark.addNd4j",
     "add_32x64_grad_off", None),
    ("add [32,64], grad on (records a node)", "µs", "OpOverheadBenchmark.addTensorGradOn", "OpOverheadBenchmark.addNd4j",
     "add_32x64_grad_on", None),
    ("matmul [32,64]x[64,64], grad off", "µs", "OpOverheadBenchmark.matmulTensorGradOff",
     "OpOverheadBenchmark.matmulNd4jGemm", "matmul_32x64x64_grad_off", None),
    ("matmul [32,64]x[64,64], grad on (records a node)", "µs", "OpOverheadBenchmark.matmulTensorGradOn",
     "OpOverheadBenchmark.matmulNd4jGemm", "matmul_32x64x64_grad_on", None),
    ("add [32,64] (ElementwiseBenchmark)", "µs", "ElementwiseBenchmark.addSmall", None, "add_32x64", None),
    ("mul [32,64]", "µs", "ElementwiseBenchmark.mulSmall", None, "mul_32x64", None),
    ("relu [32,64]", "µs", "ElementwiseBenchmark.reluSmall", None, "relu_32x64", None),
    ("relu [64,16,28,28]", "µs", "ElementwiseBenchmark.reluLarge", "ElementwiseBenchmark.reluLargeNd4j",
     "relu_64x16x28x28", None),
    ("add [64,16,28,28] + [1,16,1,1]", "µs", "ElementwiseBenchmark.addPerChannelLarge", None,
     "add_per_channel_64x16x28x28", None),
    ("EquivariantBatchNorm fwd [64,16,28,28], 4 regular C4 fields (PyTorch: F.batch_norm)", "µs",
     "ElementwiseBenchmark.batchNormForwardLarge", None, "batch_norm_fwd_64x16x28x28", None),
    ("sgemm 1024 (higher is better)", "GFLOP/s", "GemmBenchmark.sgemmTensor", "GemmBenchmark.sgemmNd4jGemm",
     "sgemm_1024", 2.0 * 1024 ** 3),
    ("MLP train step 256-256-256-10, batch 256, Adam", "ms", "MlpTrainStepBenchmark.trainStepTensor",
     "MlpTrainStepBenchmark.trainStepNd4j", "mlp_train_step", None),
    ("conv2d fwd+bwd [64,8,28,28]→16, 3×3, pad 1", "ms", "Conv2dBenchmark.convFwdBwdTensor",
     "Conv2dBenchmark.convFwdBwdNd4j", "conv2d_fwd_bwd", None),
    ("conv3d fwd+bwd [8,4,32³]→8, 3×3×3, pad 1", "ms", "Conv3dBenchmark.convFwdBwdTensor",
     "Conv3dBenchmark.convFwdBwdNd4j", "conv3d_fwd_bwd", None),
    ("segment sum fwd+bwd [20000,64]→[2000,64], unsorted ids", "ms", "SegmentSumBenchmark.fwdBwdTensor",
     "SegmentSumBenchmark.fwdBwdNd4j", "segment_sum_fwd_bwd", None),
    ("EGNN layer fwd+bwd, 100 five-node graphs, hidden 64 (raw: SameDiff)", "ms", "EgnnLayerBenchmark.fwdBwdTensor",
     "EgnnLayerBenchmark.fwdBwdNd4j", "egnn_layer_fwd_bwd", None),
]
UNIT_SECONDS = {"µs": 1e-6, "us": 1e-6, "ms": 1e-3}
# Rows the "< 25% over raw ND4J" bar applies to: per-op bookkeeping cost.
OVERHEAD_ROWS = ROWS[:4]
OVERHEAD_BAR = 0.25


def load_jmh(path):
    """Benchmark name (Class.method) -> (seconds per call, min, max over iterations)."""
    out = {}
    with open(path) as f:
        for entry in json.load(f):
            name = entry["benchmark"].removeprefix(PKG)
            metric = entry["primaryMetric"]
            scale = TO_SECONDS[metric["scoreUnit"]]
            raw = [x for fork in metric.get("rawData", []) for x in fork]
            out[name] = (metric["score"] * scale, min(raw) * scale if raw else None, max(raw) * scale if raw else None)
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
                out[rec["name"]] = (rec["score"] * scale, rec["min"] * scale, rec["max"] * scale)
    return out, info


def shown(seconds, unit, flops):
    if seconds is None:
        return "—"
    value = flops / seconds / 1e9 if flops else seconds / UNIT_SECONDS[unit]
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def main(jmh_path, torch_path):
    jmh = load_jmh(jmh_path)
    torch, info = load_torch(torch_path)
    print("| workload | ours | raw ND4J | PyTorch | ours/PyTorch |")
    print("|---|---|---|---|---|")
    for label, unit, ours_key, raw_key, torch_key, flops in ROWS:
        ours = jmh.get(ours_key, (None,))[0]
        raw = jmh.get(raw_key, (None,))[0]
        pt = torch.get(torch_key, (None,))[0]
        ratio = "—"
        if ours and pt:
            r = ours / pt
            ratio = f"{r:.0f}x" if r >= 10 else f"{r:.2f}x"
        print(f"| {label} ({unit}) | {shown(ours, unit, flops)} | {shown(raw, unit, flops)} | {shown(pt, unit, flops)} | {ratio} |")
    print()
    print("Autodiff bookkeeping over raw ND4J (ours/raw - 1; the issue's bar is < 25%):")
    print()
    for row in ROWS:
        label, _, ours_key, raw_key = row[:4]
        ours = jmh.get(ours_key)
        raw = jmh.get(raw_key)
        if not ours or not raw:
            print(f"- {label}: not measured")
            continue
        over = ours[0] / raw[0] - 1
        verdict = ""
        if row in OVERHEAD_ROWS:
            verdict = " (meets the bar)" if over < OVERHEAD_BAR else " (misses the bar)"
        print(f"- {label}: {over * 100:+.0f}%{verdict}")
    print()
    print(f"PyTorch {info.get('torch', '?')}, {info.get('threads', '?')} threads, BLAS {[b.rsplit('/', 1)[-1] for b in info.get('blas', [])]}, "
          f"OPENBLAS_CORETYPE='{info.get('openblas_coretype', '')}', clock {info.get('clock', 'wall')}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
