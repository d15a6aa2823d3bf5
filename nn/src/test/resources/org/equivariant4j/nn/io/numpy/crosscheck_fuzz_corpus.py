"""Loads every NPY/NPZ case of the fuzz corpus with numpy and compares with what our readers did.

    ./mvnw -B -q -o -pl core,nn -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ReaderFuzzTest \
        -Deq4j.fuzz.dump=/tmp/fuzzdump
    python3 nn/src/test/resources/org/equivariant4j/nn/io/numpy/crosscheck_fuzz_corpus.py /tmp/fuzzdump

A local check, not part of CI. Prints a table of (ours, numpy) outcomes and every case where we read
something numpy refuses or reads differently: the property we want is that those lists are empty (we may
refuse more than numpy, never read differently).
"""
import collections
import hashlib
import os
import sys
import warnings

import numpy as np


def describe(a):
    le = a.astype(a.dtype.newbyteorder("<"), order="C", copy=True)
    digest = hashlib.sha256(le.tobytes(order="C")).hexdigest()[:16]
    return f"{a.dtype.kind}{a.dtype.itemsize}[{','.join(str(d) for d in a.shape)}]:{digest}"


def numpy_outcome(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = np.load(path, allow_pickle=False)
            if path.endswith(".npz"):
                with loaded:
                    parts = []
                    for name in loaded.files:
                        value = loaded[name]
                        if not isinstance(value, np.ndarray):
                            return "refused"
                        parts.append(describe(value))
                    return ";".join(parts)
            return describe(loaded)
    except Exception as e:  # numpy raises ValueError, OSError, BadZipFile, EOFError, ...
        return "refused"


def main(directory):
    table = collections.Counter()
    problems = []
    for tsv in ("outcomes.npy.tsv", "outcomes.npz.tsv"):
        path = os.path.join(directory, tsv)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            name, ours, case = line.rstrip("\n").split("\t", 2)
            ours = ours.replace("b1", "b1")
            theirs = numpy_outcome(os.path.join(directory, name))
            key = ("ours-refused" if ours == "refused" else "ours-read",
                   "numpy-refused" if theirs == "refused" else "numpy-read")
            if ours != "refused" and theirs != "refused" and ours != theirs:
                key = ("ours-read", "numpy-read-DIFFERENT")
            table[(tsv,) + key] += 1
            if ours != "refused" and ours != theirs:
                problems.append(f"{name} {case}: ours {ours}, numpy {theirs}")
    for key, count in sorted(table.items()):
        print(*key, count, sep="\t")
    print(f"{len(problems)} cases where we read what numpy refuses or reads differently")
    for p in problems:
        print("  " + p)


main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fuzzdump")
