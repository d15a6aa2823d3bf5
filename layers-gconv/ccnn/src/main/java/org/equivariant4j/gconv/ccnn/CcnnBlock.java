package org.equivariant4j.gconv.ccnn;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.layer.Dropout;
import org.equivariant4j.nn.norm.BatchNorm;

/**
 * The CCNN residual block: {@code x + dropout(pointwise(gelu(spatial(norm(x)))))}, where the
 * spatial convolution is depthwise (a {@link FlexConv}, {@link CKConv} or, for the ablation, a
 * {@link DiscreteConv}) and the pointwise linear map mixes channels, so together they form a
 * depthwise-separable convolution. Batch normalisation; the same block for 1, 2 and 3 dimensions.
 */
public final class CcnnBlock extends UnaryModule {
    private final BatchNorm norm;
    private final UnaryModule spatial;
    private final Conv pointwise;
    private final Dropout dropout;

    public CcnnBlock(CcnnConfig config, Rng rng) {
        int c = config.hidden();
        this.norm = registerModule("norm", new BatchNorm(c, 1e-5, 0.1, true, config.dtype()));
        this.spatial = registerModule("spatial", spatialConv(config, rng));
        this.pointwise = registerModule("pointwise", Conv.builder(config.dims(), c, c, 1).dtype(config.dtype()).rng(rng).build());
        this.dropout = registerModule("dropout", new Dropout(config.dropout(), rng.split()));
    }

    /** The block's depthwise spatial convolution for {@code config}. */
    static UnaryModule spatialConv(CcnnConfig config, Rng rng) {
        int c = config.hidden();
        return switch (config.conv()) {
            case FLEX -> new FlexConv(config.dims(), c, c, true, config.padding(), config.referenceSize(), config.kernelNet(),
                    config.maskSigma(), config.dtype(), rng);
            case CK -> new CKConv(config.dims(), c, c, true, config.padding(), config.referenceSize(), config.kernelNet(),
                    config.dtype(), rng);
            case DISCRETE -> new DiscreteConv(config.dims(), c, config.discreteTaps() > 0 ? config.discreteTaps() : matchedTaps(config),
                    config.padding(), config.dtype(), rng);
        };
    }

    /**
     * The odd kernel size per dimension whose {@code C k^d} weights come closest to the kernel
     * network's parameter count, so the ablation compares models of the same size.
     */
    static int matchedTaps(CcnnConfig config) {
        long netParameters = config.kernelNet().build(config.dims(), config.hidden(), config.dtype(), new Rng(0)).parameterCount();
        double k = Math.pow((double) netParameters / config.hidden(), 1.0 / config.dims());
        int odd = 2 * (int) Math.round((k - 1) / 2) + 1;
        return Math.max(3, odd);
    }

    public UnaryModule spatial() {
        return spatial;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor h = spatial.forward(norm.forward(input)).gelu();
        return input.add(dropout.forward(pointwise.forward(h)));
    }

    @Override
    public String toString() {
        return "CcnnBlock(" + spatial + ")";
    }
}
