package org.equivariant4j.ssl.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.ssl.loss.Cosine;

/**
 * BYOL: an online network (backbone, projector, predictor) predicts the projection of the other view by a target
 * network (backbone, projector) whose weights are an exponential moving average of the online ones,
 * {@code target <- tau target + (1 - tau) online} after every step. The loss is the mean of
 * {@code 2 - 2 cos(p1, z2') } and {@code 2 - 2 cos(p2, z1')} (primes: target, computed without a graph).
 *
 * <p>The target networks are given already built with the online ones' architecture; the constructor copies the
 * online weights into them, so both start equal (also after an initialisation scheme scaled both alike).
 */
public final class Byol extends SslMethod {
    private final UnaryModule projector;
    private final UnaryModule predictor;
    private final UnaryModule targetBackbone;
    private final UnaryModule targetProjector;
    private final double tau;

    public Byol(UnaryModule backbone, UnaryModule projector, UnaryModule predictor, UnaryModule targetBackbone,
            UnaryModule targetProjector, double tau, UnaryOperator<Tensor> beforeCosine) {
        super(backbone, beforeCosine);
        if (!(tau >= 0 && tau <= 1)) {
            throw new InvalidArgumentException("Byol: expected an EMA rate tau in [0, 1] but was " + tau);
        }
        this.projector = registerModule("projector", projector);
        this.predictor = registerModule("predictor", predictor);
        this.targetBackbone = registerModule("target_backbone", targetBackbone);
        this.targetProjector = registerModule("target_projector", targetProjector);
        this.tau = tau;
        copy(backbone, targetBackbone);
        copy(projector, targetProjector);
    }

    private static void copy(UnaryModule online, UnaryModule target) {
        Map<String, Tensor> state = online.stateDict();
        if (!state.keySet().equals(target.stateDict().keySet())) {
            throw new ShapeMismatchException("Byol: the target network must have the online one's architecture; state names "
                    + target.stateDict().keySet() + " versus " + state.keySet());
        }
        target.loadStateDict(state);
    }

    @Override
    public Tensor loss(TwoViews views) {
        Tensor p1 = toCosine(cosineInputs(views.first()));
        Tensor p2 = toCosine(cosineInputs(views.second()));
        Tensor t1;
        Tensor t2;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            t1 = targetProjector.forward(targetBackbone.forward(views.first()));
            t2 = targetProjector.forward(targetBackbone.forward(views.second()));
        }
        return objective(p1, p2, t1, t2);
    }

    /**
     * The mean of {@code 2 - 2 cos(p1, sg(t2))} and {@code 2 - 2 cos(p2, sg(t1))} (batch means), i.e. the mean squared
     * distance of the normalised vectors; the gradient reaches the online predictions only.
     */
    public static Tensor objective(Tensor p1, Tensor p2, Tensor t1, Tensor t2) {
        Tensor a = Cosine.similarity(p1, t2.detach()).mean();
        Tensor b = Cosine.similarity(p2, t1.detach()).mean();
        return a.add(b).mul(-1).add(2);
    }

    @Override
    public Tensor cosineInputs(Tensor images) {
        return predictor.forward(projector.forward(backbone().forward(images)));
    }

    @Override
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>(backbone().parameters());
        out.addAll(projector.parameters());
        out.addAll(predictor.parameters());
        return out;
    }

    /** The EMA update of the target. */
    @Override
    public void afterStep() {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            move(backbone(), targetBackbone);
            move(projector, targetProjector);
        }
    }

    private void move(UnaryModule online, UnaryModule target) {
        List<Parameter> from = online.parameters();
        List<Parameter> to = target.parameters();
        for (int i = 0; i < from.size(); i++) {
            Tensor t = to.get(i).value();
            to.get(i).set(t.mul(tau).add(from.get(i).value().detach().mul(1 - tau)));
        }
    }

    public double tau() {
        return tau;
    }

    @Override
    public String toString() {
        return "Byol(tau " + tau + ")";
    }
}
