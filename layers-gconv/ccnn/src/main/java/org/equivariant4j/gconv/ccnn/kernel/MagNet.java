package org.equivariant4j.gconv.ccnn.kernel;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.Linear;

/**
 * MAGNet, the multiplicative anisotropic Gabor network of FlexConv and CCNN (Romero et al. 2022),
 * a multiplicative filter network (Fathony et al. 2021) whose filters are anisotropic Gabor
 * functions: {@code g_l(x) = exp(-½ Σ_d (γ_ld (x_d - μ_ld))²) · sin(W_l x + b_l)} with a learnable
 * envelope width γ and centre μ per unit and dimension. The network is {@code h_0 = g_0(x)},
 * {@code h_l = (U_l h_{l-1} + c_l) ⊙ g_l(x)}, {@code out = V h_{L-1} + e}: each product adds
 * frequencies, so L filters reach L times the first layer's band without deep sine stacks.
 *
 * <p>Initialisation (the MFN/MAGNet scaling): γ ~ Gamma(α/L, β) with α = 6, β = 1, so the
 * envelopes of the L filters together are about as wide as one; μ ~ U(-1, 1); the filter
 * frequencies W ~ U(-1/√d, 1/√d) scaled elementwise by {@code ω₀ γ / √L}, so a wide filter (small
 * γ) starts at a low frequency and the product of L filters spans about ω₀; phases b ~ U(-π, π);
 * the linear maps U, V ~ U(-1/√H, 1/√H).
 */
public final class MagNet extends KernelNet {
    private static final double ALPHA = 6.0;
    private static final double BETA = 1.0;

    private final double omega0;
    private final List<Linear> sines = new ArrayList<>();
    private final List<Parameter> gammas = new ArrayList<>();
    private final List<Parameter> mus = new ArrayList<>();
    private final List<Linear> mixes = new ArrayList<>();
    private final Linear output;

    public MagNet(int dims, int width, int layers, int out, double omega0, DType dtype, Rng rng) {
        super(dims, out);
        this.omega0 = omega0;
        double frequencyScale = omega0 / Math.sqrt(layers);
        double hiddenBound = 1.0 / Math.sqrt(width);
        for (int l = 0; l < layers; l++) {
            double[] gamma = new double[width * dims];
            for (int i = 0; i < gamma.length; i++) {
                gamma[i] = GammaSampler.sample(rng, ALPHA / layers, BETA);
            }
            Tensor gammaTensor = Tensors.of(gamma, DType.FLOAT64, width, dims);
            gammas.add(registerParameter("gamma" + l, gammaTensor.to(dtype)));
            mus.add(registerParameter("mu" + l, Tensors.uniform(rng, -1, 1, dtype, width, dims)));
            double bound = 1.0 / Math.sqrt(dims);
            sines.add(registerModule("filter" + l, Linear.builder(dims, width).dtype(dtype)
                    .weightInit((shape, fan, dt, r) -> Tensors.uniform(r, -bound, bound, DType.FLOAT64, shape).mul(gammaTensor)
                            .mul(frequencyScale).to(dt))
                    .biasInit(UniformInit.within(Math.PI)).rng(rng).build()));
            if (l > 0) {
                mixes.add(registerModule("mix" + l, Linear.builder(width, width).dtype(dtype)
                        .weightInit(UniformInit.within(hiddenBound)).biasInit(UniformInit.within(hiddenBound)).rng(rng).build()));
            }
        }
        output = registerModule("out", Linear.builder(width, out).dtype(dtype).weightInit(UniformInit.within(hiddenBound))
                .biasInit(UniformInit.within(hiddenBound)).rng(rng).build());
    }

    @Override
    protected Tensor evaluate(Tensor positions) {
        Tensor h = filter(0, positions);
        for (int l = 1; l < sines.size(); l++) {
            h = mixes.get(l - 1).forward(h).mul(filter(l, positions));
        }
        return output.forward(h);
    }

    /** {@code g_l(x)}: [P, H]. */
    private Tensor filter(int l, Tensor x) {
        int p = x.size(0);
        int d = dims();
        // [P, 1, d] - [1, H, d], times γ, squared and summed over d.
        Tensor offset = x.reshape(p, 1, d).sub(mus.get(l).value().unsqueeze(0)).mul(gammas.get(l).value().unsqueeze(0));
        Tensor envelope = offset.mul(offset).sum(2, false).mul(-0.5).exp();
        return envelope.mul(sines.get(l).forward(x).sin());
    }

    @Override
    public String toString() {
        return "MagNet(d=" + dims() + ", " + sines.size() + " x " + output.inFeatures() + ", ω₀=" + omega0 + " -> " + outChannels()
                + ")";
    }
}
