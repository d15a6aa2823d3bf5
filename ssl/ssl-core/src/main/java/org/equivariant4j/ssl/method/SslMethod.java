package org.equivariant4j.ssl.method;

import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.augment.TwoViews;

/**
 * A joint-embedding self-supervised method: a backbone whose features are what the method learns (and what a kNN
 * monitor reads), heads on top, and a loss of two views. As a module its children are all its networks, so its state
 * dict is its checkpoint and an initialisation scheme can reach every weight.
 *
 * <p>{@code beforeCosine} is applied to every vector the loss normalises, before the normalisation; identity by
 * default. It is the hook for gradient rescaling (GradScale) without the method knowing of it.
 */
public abstract class SslMethod extends Module {
    private final UnaryModule backbone;
    private final UnaryOperator<Tensor> beforeCosine;

    protected SslMethod(UnaryModule backbone, UnaryOperator<Tensor> beforeCosine) {
        this.backbone = registerModule("backbone", backbone);
        this.beforeCosine = beforeCosine;
    }

    /** The network whose features the method learns. */
    public final UnaryModule backbone() {
        return backbone;
    }

    /** The scalar loss of two views of one batch; builds the graph of the trainable parameters. */
    public abstract Tensor loss(TwoViews views);

    /**
     * The vectors of {@code images} that the loss passes to the cosine similarity (SimCLR: projections; BYOL and
     * SimSiam: predictions), before {@code beforeCosine}: the embeddings whose norms the cosine pitfall is about.
     */
    public abstract Tensor cosineInputs(Tensor images);

    /** What an optimiser updates (BYOL's target network is not among them). */
    public List<Parameter> trainableParameters() {
        return parameters();
    }

    /** Called after every optimiser step (BYOL moves its target here); nothing by default. */
    public void afterStep() {
    }

    /** The rows handed to the cosine: {@code beforeCosine} applied. */
    protected final Tensor toCosine(Tensor z) {
        return beforeCosine.apply(z);
    }
}
