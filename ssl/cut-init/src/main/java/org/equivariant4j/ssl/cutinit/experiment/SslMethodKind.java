package org.equivariant4j.ssl.cutinit.experiment;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.cutinit.SmallCnn;
import org.equivariant4j.ssl.method.Byol;
import org.equivariant4j.ssl.method.MlpHead;
import org.equivariant4j.ssl.method.SimClr;
import org.equivariant4j.ssl.method.SimSiam;
import org.equivariant4j.ssl.method.SslMethod;

/**
 * The three methods of the experiments, each with its defaults: SimCLR (contrastive; the paper's c = 3) and BYOL and
 * SimSiam (non-contrastive; the paper's c = 9). Heads are the public code's in shape (projector with BatchNorm for
 * the non-contrastive ones), narrowed to the small backbone.
 */
enum SslMethodKind {
    SIMCLR("ssl-simclr", "SimCLR (NT-Xent)", 3, 0.3, 1e-6),
    BYOL("ssl-byol", "BYOL (predictor, EMA target)", 9, 0.1, 5e-4),
    SIMSIAM("ssl-simsiam", "SimSiam (predictor, stop-gradient)", 9, 0.1, 5e-4);

    final String id;
    final String label;
    /** The paper's cut for this family of losses. */
    final double paperCut;
    final double defaultLr;
    final double weightDecay;

    SslMethodKind(String id, String label, double paperCut, double defaultLr, double weightDecay) {
        this.id = id;
        this.label = label;
        this.paperCut = paperCut;
        this.defaultLr = defaultLr;
        this.weightDecay = weightDecay;
    }

    SslMethod build(int channels, int width, int projection, double temperature, double tau, UnaryOperator<Tensor> beforeCosine,
            Rng rng) {
        SmallCnn backbone = new SmallCnn(channels, width, rng);
        int f = backbone.features();
        return switch (this) {
            case SIMCLR -> new SimClr(backbone, new MlpHead(f, f, projection, false, rng), temperature, beforeCosine);
            case SIMSIAM -> new SimSiam(backbone, new MlpHead(f, f, projection, true, rng),
                    new MlpHead(projection, projection / 2, projection, true, rng), beforeCosine);
            case BYOL -> new Byol(backbone, new MlpHead(f, f, projection, true, rng),
                    new MlpHead(projection, projection, projection, true, rng), new SmallCnn(channels, width, rng),
                    new MlpHead(f, f, projection, true, rng), tau, beforeCosine);
        };
    }
}
