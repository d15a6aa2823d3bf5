package org.equivariant4j.ssl.invariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Measures how invariant a classifier is under a finite group acting on its inputs, per group element, with the three
 * metrics of Moskalev et al. (2023). The paper publishes only their names; <b>these definitions are ours</b>. For a
 * model f giving logits {@code f(x) ∈ R^K}, predictive distribution {@code p(x) = softmax(f(x))}, inputs
 * {@code x_1 … x_N} and an element g acting on inputs by an {@link OrbitAction}:
 * <ol>
 * <li><b>Predictive-distribution invariance</b>: {@code PDI(g) = (1/N) Σ_i JS(p(x_i), p(g·x_i))}, the mean
 *     Jensen–Shannon divergence in nats ({@link PredictiveDivergence}); 0 for an invariant model, at most
 *     {@code ln 2}. The max over i and the mean symmetrised KL are reported beside it.</li>
 * <li><b>Logit invariance</b>: {@code LI(g) = sqrt(Σ_i |f(g·x_i) - f(x_i)|²) / sqrt(Σ_i |f(x_i) - z̄|²)} with
 *     {@code z̄ = (1/N) Σ_j f(x_j)}: how far the logits move along the orbit, relative to how far they move between
 *     different inputs. It is scale-free (multiplying f by a constant leaves it unchanged), 0 for an invariant model,
 *     and about {@code √2} when {@code f(g·x)} is as unrelated to {@code f(x)} as the logits of two random inputs are.
 *     With no spread between the inputs (a constant model, or N = 1) it is 0 when the numerator is 0, else +∞.</li>
 * <li><b>Saliency-invariance similarity</b>: with the saliency map {@code s_c(x) = ∇_x f_c(x)} (the input gradient of
 *     the logit of class c, signed) and {@code c_i = argmax f(x_i)} the class predicted at {@code x_i},
 *     {@code SIS(g) = (1/N) Σ_i cos(s_{c_i}(g·x_i), g·s_{c_i}(x_i))}. An invariant f has
 *     {@code f(g·x) = f(x)}, hence {@code ∇f(g·x) = ρ(g)^-T ∇f(x) = g·∇f(x)} for an orthogonal action, and scores 1;
 *     a map that does not turn with its input scores less. The class is the one predicted at {@code x_i} on both sides,
 *     so the two maps explain the same output. If both maps are zero (an input the output does not depend on) the
 *     pair scores 1, as a zero gradient transforms trivially; if exactly one is zero it scores 0. The min over i is
 *     reported beside the mean.</li>
 * </ol>
 * The fraction of inputs whose predicted class survives the move ({@link ElementInvariance#agreement()}) is reported
 * too: a model can agree on every orbit (classify the orbit correctly) and still score badly on all three metrics,
 * which is the paper's point.
 *
 * <p>The model runs on inputs in the dtype they are given in; the metrics are computed in float64. Saliency maps are
 * input gradients of a sum over the batch, so <b>the model must treat examples independently</b>: when a module is
 * given it is put in evaluation mode for the measurement (batch norm uses its running statistics) and its mode is
 * restored afterwards; the backward passes reach its parameters, whose gradients are cleared ({@link Module#zeroGrad})
 * at the end. Inputs are processed in chunks of {@link #chunkSize(int)} examples.
 *
 * <pre>{@code
 * InvarianceReport report = InvarianceChecker.of("cnn", cnn, cnn::forward, OrbitAction.onFlattenedImages(C4, 16))
 *         .measure(testImages);
 * }</pre>
 */
public final class InvarianceChecker {
    private static final int DEFAULT_CHUNK = 256;

    private final String subject;
    private final Module module;
    private final UnaryOperator<Tensor> model;
    private final OrbitAction action;
    private final int chunk;

    private InvarianceChecker(String subject, Module module, UnaryOperator<Tensor> model, OrbitAction action, int chunk) {
        this.subject = subject;
        this.module = module;
        this.model = model;
        this.action = action;
        this.chunk = chunk;
    }

    /**
     * A checker of {@code model} (inputs to logits {@code [N, K]}) whose parameters live in {@code module}, under
     * {@code action}.
     */
    public static InvarianceChecker of(String subject, Module module, UnaryOperator<Tensor> model, OrbitAction action) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(action, "action");
        if (!action.movesGradientsLikeInputs()) {
            throw new InvalidArgumentException("InvarianceChecker(" + subject + "): the saliency metric needs an orthogonal"
                    + " action on the inputs (then gradients transform like inputs), but " + action + " is not orthogonal");
        }
        return new InvarianceChecker(subject, module, model, action, DEFAULT_CHUNK);
    }

    /** A checker of a function without a module: the caller keeps it in evaluation mode and owns its gradients. */
    public static InvarianceChecker of(String subject, UnaryOperator<Tensor> model, OrbitAction action) {
        return of(subject, null, model, action);
    }

    /** The same checker running the model on at most {@code size} inputs at a time. */
    public InvarianceChecker chunkSize(int size) {
        if (size < 1) {
            throw new InvalidArgumentException("InvarianceChecker(" + subject + "): chunk size must be >= 1, got " + size);
        }
        return new InvarianceChecker(subject, module, model, action, size);
    }

    public OrbitAction action() {
        return action;
    }

    /** Every element of the group, measured on {@code inputs} ({@code [N, ...]}, N >= 1). */
    public InvarianceReport measure(Tensor inputs) {
        return measure(action.elements(), inputs);
    }

    /** The given elements, measured on {@code inputs}. */
    public InvarianceReport measure(List<GroupElement> elements, Tensor inputs) {
        if (elements.isEmpty() || inputs.rank() == 0 || inputs.size(0) == 0) {
            throw new InvalidArgumentException("InvarianceChecker(" + subject + "): needs at least one element and one input,"
                    + " got " + elements.size() + " elements and inputs of shape " + java.util.Arrays.toString(inputs.shape()));
        }
        if (!inputs.dtype().isFloating()) {
            throw new InvalidArgumentException("InvarianceChecker(" + subject + "): inputs must be floating point (gradients are"
                    + " taken with respect to them), got " + inputs.dtype());
        }
        boolean wasTraining = module != null && module.isTraining();
        if (module != null) {
            module.eval();
        }
        try {
            return compute(elements, inputs);
        } finally {
            if (module != null) {
                module.zeroGrad();
                if (wasTraining) {
                    module.train();
                }
            }
        }
    }

    private InvarianceReport compute(List<GroupElement> elements, Tensor inputs) {
        int n = inputs.size(0);
        List<Accumulator> sums = new ArrayList<>();
        elements.forEach(g -> sums.add(new Accumulator(g)));
        List<Tensor> logitsOfX = new ArrayList<>();
        for (int start = 0; start < n; start += chunk) {
            Tensor x = inputs.narrow(0, start, Math.min(chunk, n - start)).detach();
            Saliency atX = Saliency.of(model, x, null);
            logitsOfX.add(atX.logits());
            for (int k = 0; k < elements.size(); k++) {
                GroupElement g = elements.get(k);
                Tensor gx;
                try (GradMode.Scope ignored = GradMode.disabled()) {
                    gx = action.apply(g, x);
                }
                Saliency atGx = Saliency.of(model, gx, atX.classes());
                Tensor expected;
                try (GradMode.Scope ignored = GradMode.disabled()) {
                    expected = action.apply(g, atX.map());
                }
                sums.get(k).add(atX, atGx, expected);
            }
        }
        double spread = spread(logitsOfX, n);
        List<ElementInvariance> out = sums.stream().map(a -> a.result(n, spread)).toList();
        return new InvarianceReport(subject, action.toString(), inputs.dtype(), n, out);
    }

    /** {@code Σ_i |f(x_i) - z̄|²} over all inputs. */
    private static double spread(List<Tensor> logits, int n) {
        int k = logits.get(0).size(1);
        double[] mean = new double[k];
        for (Tensor z : logits) {
            double[] v = z.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                mean[i % k] += v[i] / n;
            }
        }
        double s = 0;
        for (Tensor z : logits) {
            double[] v = z.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                double d = v[i] - mean[i % k];
                s += d * d;
            }
        }
        return s;
    }

    /** Sums of one element's per-example quantities over the chunks. */
    private static final class Accumulator {
        private final GroupElement element;
        private double js;
        private double jsMax;
        private double symmetricKl;
        private double squaredDistance;
        private double similarity;
        private double similarityMin = Double.POSITIVE_INFINITY;
        private int agreeing;

        Accumulator(GroupElement element) {
            this.element = element;
        }

        void add(Saliency atX, Saliency atGx, Tensor expectedMap) {
            Tensor a = atX.logits();
            Tensor b = atGx.logits();
            if (a.size(0) != b.size(0) || a.rank() != 2 || !java.util.Arrays.equals(a.shape(), b.shape())) {
                throw new ShapeMismatchException("InvarianceChecker: the model gave logits " + java.util.Arrays.toString(a.shape())
                        + " for x and " + java.util.Arrays.toString(b.shape()) + " for g·x; expected [N, K] both");
            }
            for (double v : PredictiveDivergence.JENSEN_SHANNON.between(a, b).toDoubleArray()) {
                js += v;
                jsMax = Math.max(jsMax, v);
            }
            symmetricKl += PredictiveDivergence.SYMMETRIC_KL.between(a, b).sum().item();
            squaredDistance += b.sub(a).pow(2).sum().item();
            long[] before = atX.classes().toLongArray();
            long[] after = b.argmax(1).toLongArray();
            for (int i = 0; i < before.length; i++) {
                agreeing += before[i] == after[i] ? 1 : 0;
            }
            for (double c : cosines(atGx.map(), expectedMap)) {
                similarity += c;
                similarityMin = Math.min(similarityMin, c);
            }
        }

        ElementInvariance result(int n, double spread) {
            double distance = Math.sqrt(squaredDistance);
            double logitDistance = spread > 0 ? distance / Math.sqrt(spread) : distance == 0 ? 0 : Double.POSITIVE_INFINITY;
            return new ElementInvariance(element, js / n, jsMax, symmetricKl / n, logitDistance, similarity / n, similarityMin,
                    agreeing / (double) n);
        }
    }

    /** Per-example cosine similarity of two batches of maps, with the zero-map convention of the class comment. */
    static double[] cosines(Tensor a, Tensor b) {
        int n = a.size(0);
        Tensor fa = a.reshape(n, -1);
        Tensor fb = b.reshape(n, -1);
        double[] dot = fa.mul(fb).sum(1, false).toDoubleArray();
        double[] na = fa.mul(fa).sum(1, false).toDoubleArray();
        double[] nb = fb.mul(fb).sum(1, false).toDoubleArray();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (na[i] == 0 || nb[i] == 0) {
                out[i] = na[i] == nb[i] ? 1 : 0;
            } else {
                out[i] = Math.max(-1, Math.min(1, dot[i] / Math.sqrt(na[i] * nb[i])));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "InvarianceChecker(" + subject + " under " + action + ")";
    }

    /** The logits (float64) at a batch, the explained classes, and the saliency maps (float64) of those classes. */
    private record Saliency(Tensor logits, Tensor classes, Tensor map) {

        /** At {@code x}, for {@code classes} ({@code [N]}, INT64), or for the predicted ones when null. */
        static Saliency of(UnaryOperator<Tensor> model, Tensor x, Tensor classes) {
            Tensor leaf = x.detach().requiresGrad(true);
            Tensor logits;
            Tensor explained;
            try (GradMode.Scope ignored = GradMode.enabled()) {
                Tensor z = model.apply(leaf);
                if (z.rank() != 2 || z.size(0) != x.size(0)) {
                    throw new ShapeMismatchException("InvarianceChecker: expected logits [" + x.size(0) + ", K] from the model"
                            + " but got " + java.util.Arrays.toString(z.shape()));
                }
                explained = classes != null ? classes : z.detach().argmax(1);
                z.gather(1, explained.reshape(x.size(0), 1)).sum().backward();
                logits = z.detach().to(DType.FLOAT64);
            }
            Tensor grad = leaf.grad();
            Tensor map = grad == null ? x.detach().to(DType.FLOAT64).mul(0.0) : grad.detach().to(DType.FLOAT64);
            return new Saliency(logits, explained, map);
        }
    }
}
