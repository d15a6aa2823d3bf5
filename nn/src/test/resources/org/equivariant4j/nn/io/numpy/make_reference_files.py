"""Writes the numpy reference files the nn io tests read (run once by hand; CI reads the committed output).

    cd nn/src/test/resources/org/equivariant4j/nn/io/numpy && python3 make_reference_files.py

Written with numpy 2.4.6 (Python 3.11.7) on 2026-12-06. Every file is a few hundred bytes.
"""
import numpy as np
from numpy.lib import format as fmt

base = (np.arange(6).reshape(2, 3) * 0.5 - 1.25)
np.save("f4_c.npy", base.astype("<f4"))
np.save("f8_be.npy", base.astype(">f8"))
np.save("i8_fortran.npy", np.asfortranarray((np.arange(6).reshape(2, 3) - 2) * 1000003).astype("<i8", order="F"))
np.save("u1.npy", np.array([0, 7, 255], dtype="u1"))
np.save("b1.npy", np.array([[True, False], [False, True]]))
np.save("scalar_f8.npy", np.float64(2.5))
np.save("u2_strings.npy", np.array(["ab", "c"], dtype="<U2"))
with open("f4_v2.npy", "wb") as f:
    fmt.write_array(f, base.astype("<f4"), version=(2, 0))
with open("f4_v3.npy", "wb") as f:
    fmt.write_array(f, base.astype("<f4"), version=(3, 0))
np.savez("savez.npz", x=base.astype("<f4"), labels=np.array([3, 1, 4], dtype="<i8"))
np.savez_compressed("savez_compressed.npz", x=base.astype("<f4"), labels=np.array([3, 1, 4], dtype="<i8"))
