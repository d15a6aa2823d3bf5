package org.equivariant4j.gconv.ccnn.kernel;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.Linear;

/**
 * Random Fourier features (Tancik et al. 2020) followed by a GELU MLP: positions x become
 * {@code [cos 2π Bx, sin 2π Bx]} with a fixed Gaussian frequency matrix B ({@code [H/2, d]},
 * standard deviation σ = ω₀, a buffer: saved, never trained), which lets a plain MLP fit
 * frequencies up to about σ cycles per unit. Then {@code layers} GELU layers and a linear output,
 * PyTorch's default initialisation.
 */
public final class FourierFeatureMlp extends KernelNet {
    private static final String FREQUENCIES = "frequencies";
    private final double sigma;
    private final List<Linear> hidden = new ArrayList<>();
    private final Linear output;

    public FourierFeatureMlp(int dims, int width, int layers, int out, double sigma, DType dtype, Rng rng) {
        super(dims, out);
        this.sigma = sigma;
        int features = Math.max(1, width / 2);
        registerBuffer(FREQUENCIES, Tensors.randn(rng, DType.FLOAT64, features, dims).mul(sigma).to(dtype));
        for (int l = 0; l < layers; l++) {
            hidden.add(registerModule("gelu" + l, Linear.builder(l == 0 ? 2 * features : width, width).dtype(dtype).rng(rng).build()));
        }
        output = registerModule("out", Linear.builder(width, out).dtype(dtype).rng(rng).build());
    }

    @Override
    protected Tensor evaluate(Tensor positions) {
        Tensor phase = positions.matmul(buffer(FREQUENCIES).transpose(0, 1)).mul(2 * Math.PI);
        Tensor h = Tensors.concat(1, phase.cos(), phase.sin());
        for (Linear layer : hidden) {
            h = layer.forward(h).gelu();
        }
        return output.forward(h);
    }

    @Override
    public String toString() {
        return "FourierFeatureMlp(d=" + dims() + ", " + hidden.size() + " x " + output.inFeatures() + ", σ=" + sigma + " -> "
                + outChannels() + ")";
    }
}
