package org.equivariant4j.nn.equivariant;

import java.util.Arrays;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A small local equivariance check (the official kit lives on another branch): for every element g of a
 * finite group, {@code layer.forward(x.transform(g))} against {@code layer.forward(x).transform(g)}, and
 * random float64 fields on each domain.
 */
final class Equivariance {
    /** Float64 tolerance, as the project's kit uses for exact layers. */
    static final double FLOAT64_TOLERANCE = 1e-10;

    private Equivariance() {
    }

    /** Fails naming the layer, the element, the error and the seed unless the layer commutes with every element. */
    static void assertEquivariant(EquivariantLayer layer, GeometricTensor x, long seed) {
        double worst = 0;
        GroupElement worstElement = null;
        FiniteGroup group = (FiniteGroup) layer.inType().group();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            GeometricTensor fx = layer.forward(x);
            for (GroupElement g : group.elements()) {
                double error = maxAbsDifference(layer.forward(x.transform(g)), fx.transform(g));
                if (error > worst || Double.isNaN(error)) {
                    worst = error;
                    worstElement = g;
                }
            }
            double scale = Math.max(1.0, maxAbs(fx.tensor()));
            if (!(worst <= FLOAT64_TOLERANCE * scale)) {
                throw new AssertionError(layer + " is not equivariant: max |f(g.x) - g.f(x)| = " + worst + " at g = " + worstElement
                        + " (tolerance " + FLOAT64_TOLERANCE + " x " + scale + ", input " + x + ", seed " + seed + ")");
            }
        }
    }

    static double maxAbsDifference(GeometricTensor a, GeometricTensor b) {
        if (!Arrays.equals(a.tensor().shape(), b.tensor().shape())) {
            throw new AssertionError("shapes differ: " + a + " vs " + b);
        }
        double d = a.tensor().sub(b.tensor()).abs().max().item();
        if (a.positions() != null) {
            d = Math.max(d, a.positions().sub(b.positions()).abs().max().item());
        }
        return d;
    }

    static double maxAbs(Tensor t) {
        return t.abs().max().item();
    }

    /** A random float64 field of {@code type}: batch 3 of vectors, a 3 x 5 x 5 grid batch, or 6 points. */
    static GeometricTensor randomField(FieldType type, Rng rng) {
        int c = type.channels();
        Domain domain = type.domain();
        if (domain instanceof Domain.Grid grid) {
            int[] shape = new int[2 + grid.dimension()];
            shape[0] = 2;
            shape[1] = c;
            Arrays.fill(shape, 2, shape.length, 5);
            return GeometricTensor.of(Tensors.randn(rng, DType.FLOAT64, shape), type);
        }
        if (domain instanceof Domain.Points points) {
            return GeometricTensor.ofPoints(Tensors.randn(rng, DType.FLOAT64, 6, c),
                    Tensors.randn(rng, DType.FLOAT64, 6, points.dimension()), type);
        }
        return GeometricTensor.of(Tensors.randn(rng, DType.FLOAT64, 3, c), type);
    }
}
