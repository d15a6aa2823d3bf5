#!/usr/bin/env bash
# Runs the JMH benchmarks and the same workloads in PyTorch at 1 and at 2 threads, timing every call by wall clock
# and by process CPU time on both sides, then prints one markdown table of ours / PyTorch ratios (issue 16's
# targets) and one of the absolute numbers behind it.
#
# Usage (from anywhere):   bash benchmarks/run_side_by_side.sh          (about 14 min on the 2-vCPU box, quiet: an estimate)
# Knobs (environment):     THREADS_LIST="1 2"  the thread counts, each run on both sides (OpenMP, BLAS, torch)
#                          TABLE=steps       only the four training steps (about 7 min); default TABLE=all
#                          JMH_INCLUDE="..." the JMH benchmark regex instead of TABLE's (TORCH_WORKLOADS to match)
#                          TORCH_WORKLOADS="ops elementwise gemm mlp conv2d conv3d segsum egnn egnn_step lff_step gcnn se3"
#                          PLAN="2 1 4 1"    warm-up iterations, seconds each, measured iterations, seconds each;
#                                            both sides (JMH: -wi -w -i -r; torch: BENCH_PLAN)
#                          JMH_ARGS="..."    extra JMH arguments (e.g. -prof stack)
#                          SKIP_BUILD=1      use the existing target/benchmarks.jar
#                          SKIP_TORCH=1      JMH only (the PyTorch columns show dashes)
#                          WAIT_IDLE=1       wait (up to 30 min) for the 1-minute load average to fall below 0.8
#                          BENCH_NICE=-15    run both sides at this nice level (negative needs root): on a shared
#                                            machine that cannot be quietened, it lets the benchmarks win the CPU
# Results go to benchmarks/target/side-by-side/<timestamp>/ (per thread count T: jmh-T.json, jmh-T.log,
# torch-T.jsonl; table.md, machine.txt).
#
# Clocks: wall time is JMH's AverageTime score and bench_torch.py's time-boxed mean; CPU time is the process CPU
# time per call (CpuTimeProfiler on the Java side, time.process_time in PyTorch): every thread of the process,
# so OpenMP spin-waiting counts. On a loaded machine the CPU columns are the steadier ones.
#
# Fairness (PERFORMANCE.md): both sides use the same thread count, fp32 and identical inputs. Debian's torch
# links the reference (netlib) BLAS by default, a strawman 30x slower at GEMM; we point it at
# Debian's OpenBLAS 0.3.21 (the version ND4J bundles), unpacked locally, not installed.
# OPENBLAS_CORETYPE is left as the environment sets it. Nothing else heavy should run meanwhile:
# with only 2 cores, ND4J's OpenMP barriers turn any contention into millisecond stalls.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3                  # Debian's python: python3-torch lives there
THREADS_LIST="${THREADS_LIST:-1 2}"
PLAN="${PLAN:-2 1 4 1}"
read -r WI W I R <<< "$PLAN"
STEPS='EgnnTrainStepBenchmark.trainStep$|MlpTrainStepBenchmark|GcnnTrainStepBenchmark|Se3SeparableBenchmark.trainStep$'
if [ "${TABLE:-all}" = steps ]; then
  JMH_INCLUDE="${JMH_INCLUDE:-$STEPS}"
  TORCH_WORKLOADS="${TORCH_WORKLOADS:-mlp egnn_step gcnn se3}"
else
  JMH_INCLUDE="${JMH_INCLUDE:-$STEPS|LatentForceStepBenchmark.trainStep$|OpOverheadBenchmark|ElementwiseBenchmark|GemmBenchmark|Conv2dBenchmark|Conv3dBenchmark|SegmentSumBenchmark|EgnnLayerBenchmark}"
  TORCH_WORKLOADS="${TORCH_WORKLOADS:-egnn_step lff_step mlp gcnn se3 ops elementwise gemm conv2d conv3d segsum egnn}"
fi
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
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
  echo "OPENBLAS_CORETYPE='${OPENBLAS_CORETYPE:-}' THREADS_LIST='$THREADS_LIST' PLAN='$PLAN' BENCH_NICE='${BENCH_NICE:-}'"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

SPECS=()
for T in $THREADS_LIST; do
  export OMP_NUM_THREADS="$T" OPENBLAS_NUM_THREADS="$T" BENCH_THREADS="$T"
  # ---- ours and raw ND4J: JMH, wall (score) and process CPU time (CpuTimeProfiler) per call
  echo "== JMH, $T thread(s) $(date +%T) -> $OUT/jmh-$T.log" >&2
  # shellcheck disable=SC2086  # JMH_ARGS is a word list on purpose
  "${RUN[@]}" java -jar "$HERE/target/benchmarks.jar" "$JMH_INCLUDE" -wi "$WI" -w "$W" -i "$I" -r "$R" \
    -jvmArgsPrepend "-Dbench.threads=$T" -prof org.equivariant4j.benchmarks.CpuTimeProfiler ${JMH_ARGS:-} \
    -rf json -rff "$OUT/jmh-$T.json" > "$OUT/jmh-$T.log" 2>&1 \
    || { tail -50 "$OUT/jmh-$T.log" >&2; echo "JMH failed (a failing benchmark is only left out; this is worse)" >&2; exit 1; }
  grep -E '^(Benchmark|[A-Za-z0-9]+Benchmark\.)' "$OUT/jmh-$T.log" >&2 || true
  # ---- PyTorch with OpenBLAS, same thread count and plan
  if [ "${SKIP_TORCH:-0}" != 1 ]; then
    echo "== PyTorch, $T thread(s) $(date +%T)" >&2
    # shellcheck disable=SC2086
    (cd "$HERE/torch" && LD_LIBRARY_PATH="$BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" BENCH_PLAN="$PLAN" \
      "${RUN[@]}" $PY bench_torch.py $TORCH_WORKLOADS) > "$OUT/torch-$T.jsonl"
    # Refuse a strawman: the info line names the BLAS torch actually mapped.
    if ! head -1 "$OUT/torch-$T.jsonl" | grep -q openblas; then
      echo "PyTorch did not load OpenBLAS: $(head -1 "$OUT/torch-$T.jsonl")" >&2
      exit 1
    fi
  else
    : > "$OUT/torch-$T.jsonl"
  fi
  echo "load average after $T thread(s): $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%T)" >> "$OUT/machine.txt"
  SPECS+=("$T:$OUT/jmh-$T.json:$OUT/torch-$T.jsonl")
done

$PY "$HERE/torch/side_by_side_table.py" "${SPECS[@]}" | tee "$OUT/table.md"
echo >&2
cat "$OUT/machine.txt" >&2
echo "results: $OUT" >&2
