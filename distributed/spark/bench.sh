#!/usr/bin/env bash
# Step time of synchronous data-parallel training vs partitions in Spark local mode (StepTimeBenchmark).
#   distributed/spark/bench.sh                                  # nbody-egnn, local[2], 1,2,4 partitions, 20 steps
#   distributed/spark/bench.sh nbody-egnn local[2] 1,2 10 train-size=600
# Builds distributed/spark (and the cli) without tests first; runs with the flags Spark's launcher uses on Java 17.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && ./mvnw -B -q -o -DskipTests package -pl distributed/spark -am) >&2
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
cp="$root/distributed/spark/target/equivariant4j-distributed-spark-0.1.0-SNAPSHOT.jar"
# The module's class path: the cli and every plugin, then Spark (see pom.xml).
cp="$cp:$(cat "$root/distributed/spark/target/runtime-classpath.txt"):$(cat "$root/distributed/spark/target/spark-classpath.txt")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=2G "${opens[@]}" \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$cp" org.equivariant4j.distributed.spark.StepTimeBenchmark "$@"
