#!/usr/bin/env bash
# Runs the JMH benchmarks and the same workloads in PyTorch, then prints one markdown table:
# workload | ours | raw ND4J | PyTorch | ours/PyTorch.
#
# Usage (from anywhere):   bash benchmarks/run_side_by_side.sh
# Knobs (environment):     SKIP_BUILD=1      use the existing target/benchmarks.jar
#                          SKIP_TORCH=1      JMH only (the PyTorch column shows dashes)
#                          JMH_ARGS="..."    extra JMH arguments, e.g. a benchmark regex 'OpOverhead'
#                          TORCH_WORKLOADS="ops elementwise gemm mlp conv2d conv3d segsum egnn"
#                          WAIT_IDLE=1       wait (up to 30 min) for the 1-minute load average to fall below 0.8
#                          BENCH_NICE=-15    run both sides at this nice level (negative needs root): on a shared
#                                            machine that cannot be quietened, it lets the benchmarks win the CPU
#                          THREADS=2         threads on both sides (OpenMP, BLAS, torch)
#                          CLOCK=cpu         time by process CPU time instead of wall time, both sides (CpuTimeRun
#                                            instead of JMH; BENCH_CLOCK=cpu for torch): for a machine other work
#                                            keeps busy. Use it with THREADS=1, so no OpenMP spin-waiting is counted.
#                          CPU_CLASSES="..." the benchmark classes CLOCK=cpu runs (default: all of them)
#                          CPU_PLAN="3 5 1"  CpuTimeRun's warm-up iterations, measured iterations, CPU seconds each
# Results go to benchmarks/target/side-by-side/<timestamp>/ (jmh.json, torch.jsonl, table.md, machine.txt).
#
# Fairness (PERFORMANCE.md): both sides use 2 threads, fp32 and identical inputs. Debian's torch
# links the reference (netlib) BLAS by default, a strawman 30x slower at GEMM; we point it at
# Debian's OpenBLAS 0.3.21 (the version ND4J bundles), unpacked locally, not installed.
# OPENBLAS_CORETYPE is left as the environment sets it. Nothing else heavy should run meanwhile:
# with only 2 cores, ND4J's OpenMP barriers turn any contention into millisecond stalls.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3                  # Debian's python: python3-torch lives there
THREADS="${THREADS:-2}"
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS" BENCH_THREADS="$THREADS"
[ "${CLOCK:-wall}" = cpu ] && export BENCH_CLOCK=cpu
OUT="$HERE/target/side-by-side/$(date +%Y%m%d-%H%M%S)"
RUN=()
[ -n "${BENCH_NICE:-}" ] && RUN=(nice -n "$BENCH_NICE")
mkdir -p "$OUT"

# ---- PyTorch from Debian
if [ "${SKIP_TORCH:-0}" != 1 ] && ! $PY -c 'import torch' 2>/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-torch
fi

# ---- Debian's OpenBLAS (pthread flavour), fetched and unpacked into a cache, never installed
BLAS_ROOT="$HERE/.cache/openblas"
BLAS_DIR="$BLAS_ROOT/usr/lib/x86_64-linux-gnu/openblas-pthread"
if [ "${SKIP_TORCH:-0}" != 1 ] && [ ! -e "$BLAS_DIR/libblas.so.3" ]; then
  tmp="$(mktemp -d)"
  if ! (cd "$tmp" && apt-get download libopenblas0-pthread); then
    apt-get update && (cd "$tmp" && apt-get download libopenblas0-pthread)
  fi
  mkdir -p "$BLAS_ROOT"
  dpkg -x "$tmp"/libopenblas0-pthread_*.deb "$BLAS_ROOT"
  rm -rf "$tmp"
fi

# ---- build the JMH jar
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && ./mvnw -B -q package -pl benchmarks -am -DskipTests)
fi

# ---- a busy machine makes ND4J's numbers meaningless (OpenMP barriers stall); WAIT_IDLE=1 waits up to 30 min
load1() { cut -d' ' -f1 /proc/loadavg; }
if [ "${WAIT_IDLE:-0}" = 1 ]; then
  for _ in $(seq 1 180); do
    awk -v l="$(load1)" 'BEGIN { exit !(l < 0.8) }' && break
    sleep 10
  done
fi
if awk -v l="$(load1)" 'BEGIN { exit !(l >= 1.0) }'; then
  echo "WARNING: load average $(load1) on $(nproc --all) cores: other work is running, expect noisy numbers" >&2
fi

# ---- what we ran on (the README's table cites this)
{
  echo "date: $(date -u +%FT%TZ)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "nproc: $(nproc --all)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "OPENBLAS_CORETYPE='${OPENBLAS_CORETYPE:-}' OMP_NUM_THREADS=$OMP_NUM_THREADS BENCH_NICE='${BENCH_NICE:-}' CLOCK='${CLOCK:-wall}'"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

# ---- ours and raw ND4J (JMH, or CpuTimeRun with CLOCK=cpu: one JVM per class, as JMH's forks)
if [ "${CLOCK:-wall}" = cpu ]; then
  echo "== CPU-time runs $(date +%T) -> $OUT/jmh.log" >&2
  CLASSES="${CPU_CLASSES:-OpOverheadBenchmark ElementwiseBenchmark GemmBenchmark MlpTrainStepBenchmark Conv2dBenchmark Conv3dBenchmark SegmentSumBenchmark EgnnLayerBenchmark}"
  parts=()
  for c in $CLASSES; do
    "${RUN[@]}" java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=6G -Dbench.threads="$THREADS" -cp "$HERE/target/benchmarks.jar" \
      org.equivariant4j.benchmarks.CpuTimeRun "$c" ${CPU_PLAN:-3 5 1} > "$OUT/cpu-$c.json" 2>> "$OUT/jmh.log" \
      || { tail -30 "$OUT/jmh.log" >&2; echo "CpuTimeRun $c failed" >&2; exit 1; }
    parts+=("$OUT/cpu-$c.json")
  done
  $PY -c 'import json, sys; print(json.dumps([r for p in sys.argv[1:] for r in json.load(open(p))], indent=1))' "${parts[@]}" > "$OUT/jmh.json"
  grep 'CPU per call' "$OUT/jmh.log" >&2 || true
else
  echo "== JMH $(date +%T) -> $OUT/jmh.log" >&2
  # shellcheck disable=SC2086  # JMH_ARGS is a word list on purpose
  "${RUN[@]}" java -jar "$HERE/target/benchmarks.jar" ${JMH_ARGS:-} -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 \
    || { tail -50 "$OUT/jmh.log" >&2; echo "JMH failed (a failing benchmark is only left out; this is worse)" >&2; exit 1; }
  grep -E '^(Benchmark|[A-Za-z0-9]+Benchmark\.)' "$OUT/jmh.log" >&2 || true
fi

# ---- PyTorch with OpenBLAS
if [ "${SKIP_TORCH:-0}" != 1 ]; then
  echo "== PyTorch $(date +%T)" >&2
  # shellcheck disable=SC2086
  LD_LIBRARY_PATH="$BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "${RUN[@]}" $PY "$HERE/torch/bench_torch.py" ${TORCH_WORKLOADS:-} \
    > "$OUT/torch.jsonl"
  # Refuse a strawman: the info line names the BLAS torch actually mapped.
  if ! head -1 "$OUT/torch.jsonl" | grep -q openblas; then
    echo "PyTorch did not load OpenBLAS: $(head -1 "$OUT/torch.jsonl")" >&2
    exit 1
  fi
else
  : > "$OUT/torch.jsonl"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "clock: ${CLOCK:-wall}, threads: $THREADS" >> "$OUT/machine.txt"

$PY "$HERE/torch/side_by_side_table.py" "$OUT/jmh.json" "$OUT/torch.jsonl" | tee "$OUT/table.md"
echo >&2
cat "$OUT/machine.txt" >&2
echo "results: $OUT" >&2
