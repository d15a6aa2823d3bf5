#!/usr/bin/env bash
# Runs a tiny nbody-egnn on a Spark standalone cluster started on this machine (a master, a worker and the executor
# JVM it launches, all from spark-core's own classes in ~/.m2, under a throw-away SPARK_HOME of links), then the same
# run with local[2], and compares the two checkpoints tensor by tensor. Exit 0 when every tensor is identical.
#   distributed/spark/standalone-check.sh            # needs: a built distributed/spark (./eq4j run x --spark ... builds it), python3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/distributed/spark/target"
work="$(mktemp -d /tmp/eq4j-standalone.XXXXXX)"
home="$work/spark-home"
port="${EQ4J_STANDALONE_PORT:-17077}"
mkdir -p "$home/jars" && touch "$home/RELEASE"
# Spark's jars, and the libraries it shares with us (mediated into our runtime list), without our own or ND4J's.
for j in $(tr ':' ' ' < "$target/spark-classpath.txt") $(tr ':' ' ' < "$target/runtime-classpath.txt"); do
  case "$j" in */org/nd4j/*|*/org/bytedeco/*|*equivariant4j*|*/target/*) ;; *) ln -sf "$j" "$home/jars/" ;; esac
done
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 OMP_NUM_THREADS=1
java -Xmx512m "${opens[@]}" -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port 0 > "$work/master.log" 2>&1 &
master=$!
sleep 8
java -Xmx512m "${opens[@]}" -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
  --host 127.0.0.1 --cores 2 --memory 3g --webui-port 0 --work-dir "$work/worker" > "$work/worker.log" 2>&1 &
worker=$!
trap 'kill $worker $master 2>/dev/null || true' EXIT
sleep 10
args=(run nbody-egnn --partitions 2 --epochs 2 --batch-size 10 -o hidden=8 -o layers=1 -o train-size=40 -o valid-size=8
  -o test-size=8 -o eval-every=1 --progress none)
"$root/eq4j" "${args[@]}" --spark "spark://127.0.0.1:$port" --out "$work/cluster" | grep -E "cluster|wrote"
"$root/eq4j" "${args[@]}" --spark 'local[2]' --out "$work/local" | grep -E "cluster|wrote"
python3 - "$work/local/checkpoint.safetensors" "$work/cluster/checkpoint.safetensors" <<'EOF'
import json, struct, sys
def tensors(path):
    b = open(path, 'rb').read(); n = struct.unpack('<Q', b[:8])[0]; h = json.loads(b[8:8 + n]); d = b[8 + n:]
    return {k: d[v['data_offsets'][0]:v['data_offsets'][1]] for k, v in h.items() if k != '__metadata__'}
a, c = tensors(sys.argv[1]), tensors(sys.argv[2])
same = sum(a[k] == c.get(k) for k in a)
print(f"{same} of {len(a)} tensors identical (local[2] vs standalone cluster)")
sys.exit(0 if same == len(a) == len(c) else 1)
EOF
