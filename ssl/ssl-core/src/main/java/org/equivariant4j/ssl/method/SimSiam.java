package org.equivariant4j.ssl.method;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.ssl.loss.Cosine;

/**
 * SimSiam: backbone, projector and predictor; the loss is {@code -cos(p1, sg(z2)) / 2 - cos(p2, sg(z1)) / 2}
 * (mean over the batch), where p are predictions, z projections and sg the stop-gradient (a detach), which keeps the
 * non-contrastive objective from collapsing.
 */
public final class SimSiam extends SslMethod {
    private final UnaryModule projector;
    private final UnaryModule predictor;

    public SimSiam(UnaryModule backbone, UnaryModule projector, UnaryModule predictor, UnaryOperator<Tensor> beforeCosine) {
        super(backbone, beforeCosine);
        this.projector = registerModule("projector", projector);
        this.predictor = registerModule("predictor", predictor);
    }

    @Override
    public Tensor loss(TwoViews views) {
        Tensor z1 = projector.forward(backbone().forward(views.first()));
        Tensor z2 = projector.forward(backbone().forward(views.second()));
        Tensor p1 = toCosine(predictor.forward(z1));
        Tensor p2 = toCosine(predictor.forward(z2));
        return objective(p1, p2, z1, z2);
    }

    /**
     * {@code -cos(p1, sg(z2)) / 2 - cos(p2, sg(z1)) / 2}, batch means: the gradient reaches the predictions only.
     */
    public static Tensor objective(Tensor p1, Tensor p2, Tensor z1, Tensor z2) {
        Tensor a = Cosine.similarity(p1, z2.detach()).mean();
        Tensor b = Cosine.similarity(p2, z1.detach()).mean();
        return a.add(b).mul(-0.5);
    }

    @Override
    public Tensor cosineInputs(Tensor images) {
        return predictor.forward(projector.forward(backbone().forward(images)));
    }

    @Override
    public String toString() {
        return "SimSiam";
    }
}
