package org.equivariant4j.equivariance;

import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.tensor.DType;

/**
 * The policy half of an equivariance check (the measurement is an {@link EquivarianceReport}):
 * a group element passes when every entry's error is within
 * <pre>
 *     max_i |actual_i - expected_i|  &lt;=  absolute + relative * max_i |expected_i|
 * </pre>
 * i.e. an absolute floor plus a fraction of the expected output's largest magnitude (its L∞ norm).
 * The relative part is taken against the whole output, not entry by entry, because rounding error
 * scales with the magnitude of the values a layer combines, not with the (possibly tiny) entry it
 * lands in; an entrywise relative test would fail near every zero crossing.
 *
 * <p>Defaults follow e3nn: {@code 1e-3 + 1e-3 * |expected|∞} in float32 and
 * {@code 1e-9 + 1e-9 * |expected|∞} in float64. A layer that declares
 * {@link org.equivariant4j.core.layer.EquivariantLayer#approximation()} is checked against its
 * declaration instead (never stricter than the dtype's default, since rounding still happens).
 *
 * @param absolute largest acceptable absolute error, &gt;= 0
 * @param relative largest acceptable error as a fraction of {@code max |expected|}, &gt;= 0
 * @param origin   where the numbers come from, shown in failure messages (e.g. "FLOAT32 default")
 */
public record Tolerance(double absolute, double relative, String origin) {

    public Tolerance {
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new InvalidArgumentException("Tolerance: absolute and relative must be >= 0, got " + absolute + " and "
                    + relative);
        }
        origin = origin == null || origin.isBlank() ? "explicit" : origin;
    }

    /** An explicit tolerance. */
    public static Tolerance of(double absolute, double relative) {
        return new Tolerance(absolute, relative, "explicit");
    }

    /** 1e-3 + 1e-3·|expected|∞ for FLOAT32, 1e-9 + 1e-9·|expected|∞ for FLOAT64. */
    public static Tolerance defaultFor(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> new Tolerance(1e-3, 1e-3, "FLOAT32 default");
            case FLOAT64 -> new Tolerance(1e-9, 1e-9, "FLOAT64 default");
            default -> throw new InvalidArgumentException("Tolerance: no default for non-floating dtype " + dtype);
        };
    }

    /**
     * The tolerance a layer is held to in {@code dtype}: the dtype default, or, when it declares an
     * approximation, the larger of the declaration and the default, per component.
     */
    public static Tolerance forLayer(DType dtype, Optional<ApproximateEquivariance> approximation) {
        Tolerance base = defaultFor(dtype);
        return approximation.map(a -> new Tolerance(Math.max(a.absolute(), base.absolute), Math.max(a.relative(),
                base.relative), "declared approximation: " + a.reason())).orElse(base);
    }

    /** The largest error accepted for an output whose largest magnitude is {@code scale}. */
    public double bound(double scale) {
        return absolute + relative * scale;
    }

    /** Whether {@code error} (NaN fails) is acceptable for an expected output of magnitude {@code scale}. */
    public boolean accepts(double error, double scale) {
        return error <= bound(scale);
    }

    @Override
    public String toString() {
        return absolute + " + " + relative + "·|expected|∞ (" + origin + ")";
    }
}
