#!/usr/bin/env bash
# The gridifier's scaling claim: time and peak memory of one training step as the number of points grows (1k -> 16k,
# each model at its default k: gridifier 9, baseline 16) and as k grows (at 4k points), the gridifier vs the
# point-native baseline. One JVM per configuration (GridifierScaling), then the PNG (GridifierScalingPlot).
# Usage: bash benchmarks/run_gridifier_scaling.sh [out-dir]   (SKIP_BUILD=1 to reuse the jar; STEPS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-benchmarks/target/gridifier-scaling}
STEPS=${STEPS:-3}
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o package -pl benchmarks -am -DskipTests
fi
JAR=benchmarks/target/benchmarks.jar
CSV="$OUT/scaling.csv"
rm -f "$CSV"
uptime > "$OUT/machine.txt"; nproc >> "$OUT/machine.txt"; date -u >> "$OUT/machine.txt"
run() {
  OMP_NUM_THREADS=1 nice -n 10 java -Xmx4g -Djava.awt.headless=true -Dorg.bytedeco.javacpp.maxbytes=12G \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=14G -cp "$JAR" org.equivariant4j.benchmarks.GridifierScaling "$@" "$STEPS" "$CSV" \
    2>/dev/null | grep -v INFO || echo "FAILED: $*" | tee -a "$OUT/failed.txt"
}
for n in 1024 2048 4096 8192 16384; do
  run gridifier "$n" 9
  run baseline "$n" 16
done
for k in 4 8 16 32; do
  [ "$k" != 9 ] && run gridifier 4096 "$k"
  [ "$k" != 16 ] && run baseline 4096 "$k"
done
java -Djava.awt.headless=true -cp "$JAR" org.equivariant4j.benchmarks.GridifierScalingPlot "$CSV" "$OUT/scaling.png" 4096
uptime >> "$OUT/machine.txt"
echo "wrote $CSV and $OUT/scaling.png"
