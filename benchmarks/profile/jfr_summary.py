#!/usr/bin/env python3
"""Where a benchmark thread's time goes, from a JFR recording (JMH's -prof jfr, see ../README.md "Profiles").

Usage: jfr_summary.py RECORDING.jfr [top]

Reads the execution samples (thread running Java code) and native-method samples (thread inside a native call:
ND4J's ops, BLAS, JavaCPP's allocation) of the JMH worker thread — with one thread that thread does all the work —
and prints four breakdowns, each as a share of the samples, weighted by sampling period: JFR's "profile" settings
(JMH's default for -prof jfr) sample threads in Java every 10 ms and threads in native code every 20 ms, so a native
sample counts twice (NATIVE_WEIGHT):
- phase: optimiser (Optimizer.step), backward (Autograd.backward), zeroing, or forward (with the loss);
- the innermost framework frame (org.equivariant4j.*): which of our ops or kernels the time is spent in;
- the leaf frame: what actually runs (a native ND4J op, a JavaCPP allocation, a Java kernel loop);
- the innermost nn/layer frame: which layer (or loss/optimiser) asked for the work.
"""
import collections
import json
import subprocess
import sys


def frames(event):
    """Innermost first, as 'package.Class.method'; the synthetic lambda classes ($$Lambda) are left out: the
    frame above them (lambda$op$n) names the op."""
    names = (f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
             for f in event["values"]["stackTrace"]["frames"])
    return [n for n in names if "$$Lambda" not in n]


def caller(stack):
    """The innermost frame outside the JDK and the native bindings: who asked for the leaf's work."""
    return next((f for f in stack[1:] if not f.startswith(("java.", "jdk.", "sun.", "org.nd4j.", "org.bytedeco."))), "?")


def phase(stack):
    joined = " ".join(stack)
    if ".optim." in joined and ".step" in joined:
        return "optimiser step"
    if "Autograd.backward" in joined:
        return "backward"
    if "zeroGrad" in joined:
        return "zero gradients"
    return "forward + loss"


NATIVE_WEIGHT = 2  # jdk.NativeMethodSample period / jdk.ExecutionSample period in profile.jfc (20 ms / 10 ms)
BACKEND = "org.equivariant4j.backend."
LAYERS = ("org.equivariant4j.nn.", "org.equivariant4j.gconv.", "org.equivariant4j.graph.")


def main(path, top):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", path], check=True, capture_output=True, text=True)
    events = json.loads(out.stdout)["recording"]["events"]
    samples = [e for e in events if "jmh-worker" in (e["values"]["sampledThread"].get("javaName") or "")]
    n = sum(NATIVE_WEIGHT if e["type"] == "jdk.NativeMethodSample" else 1 for e in samples)
    tallies = {k: collections.Counter() for k in ("phase", "backend", "leaf", "layer")}
    for e in samples:
        stack = frames(e)
        native = e["type"] == "jdk.NativeMethodSample"
        w = NATIVE_WEIGHT if native else 1
        tallies["phase"][phase(stack)] += w
        tallies["leaf"][f"{stack[0]} ({'native' if native else 'java'}) <- {caller(stack)}"] += w
        ours = next((f for f in stack if f.startswith(BACKEND)), "(outside the backend)")
        tallies["backend"][ours] += w
        layer = next((f for f in stack if f.startswith(LAYERS)), "(no nn/layer frame)")
        tallies["layer"][layer] += w
    print(f"{path}: {len(samples)} samples of the JMH worker thread ({n} weighted)")
    for name, title in (("phase", "phase"), ("backend", "innermost backend frame"), ("leaf", "leaf frame"),
                        ("layer", "innermost nn / layer frame")):
        print(f"\n{title}:")
        for key, count in tallies[name].most_common(top):
            print(f"  {100.0 * count / n:5.1f}%  {key}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)
