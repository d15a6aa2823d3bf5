package org.equivariant4j.gconv.ccnn.kernel;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.layer.Linear;

/**
 * SIREN (Sitzmann et al. 2020), the kernel network of CKConv: {@code layers} hidden layers
 * {@code h = sin(ω₀ (W h + b))} and a linear output. Initialisation as in the paper: the first
 * layer U(-1/d, 1/d) (so ω₀ x spans ω₀ radians and sets the starting frequencies), the others
 * U(-√(6/H)/ω₀, √(6/H)/ω₀) (so every pre-activation ω₀ (W h + b) stays of unit scale, whatever ω₀).
 */
public final class Siren extends KernelNet {
    private final double omega0;
    private final List<Linear> hidden = new ArrayList<>();
    private final Linear output;

    public Siren(int dims, int width, int layers, int out, double omega0, DType dtype, Rng rng) {
        super(dims, out);
        this.omega0 = omega0;
        double later = Math.sqrt(6.0 / width) / omega0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? dims : width;
            double bound = l == 0 ? 1.0 / dims : later;
            hidden.add(registerModule("sine" + l, Linear.builder(in, width).dtype(dtype).weightInit(UniformInit.within(bound))
                    .rng(rng).build()));
        }
        output = registerModule("out", Linear.builder(width, out).dtype(dtype).weightInit(UniformInit.within(later)).rng(rng)
                .build());
    }

    @Override
    protected Tensor evaluate(Tensor positions) {
        Tensor h = positions;
        for (Linear layer : hidden) {
            h = layer.forward(h).mul(omega0).sin();
        }
        return output.forward(h);
    }

    @Override
    public String toString() {
        return "Siren(d=" + dims() + ", " + hidden.size() + " x " + output.inFeatures() + ", ω₀=" + omega0 + " -> " + outChannels()
                + ")";
    }
}
