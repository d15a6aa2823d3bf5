package org.equivariant4j.ssl.method;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.ssl.loss.NtXentLoss;

/** SimCLR: backbone, projector, NT-Xent of the two views' projections (contrastive: the batch gives the negatives). */
public final class SimClr extends SslMethod {
    private final UnaryModule projector;
    private final NtXentLoss loss;

    public SimClr(UnaryModule backbone, UnaryModule projector, double temperature, UnaryOperator<Tensor> beforeCosine) {
        super(backbone, beforeCosine);
        this.projector = registerModule("projector", projector);
        this.loss = new NtXentLoss(temperature);
    }

    @Override
    public Tensor loss(TwoViews views) {
        return loss.compute(toCosine(cosineInputs(views.first())), toCosine(cosineInputs(views.second())));
    }

    @Override
    public Tensor cosineInputs(Tensor images) {
        return projector.forward(backbone().forward(images));
    }

    @Override
    public String toString() {
        return "SimClr(" + loss + ")";
    }
}
