package org.equivariant4j.backend.nd4j;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equivariant4j.core.error.NumericalAnomalyException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.tensor.AnomalyMode;
import org.equivariant4j.core.tensor.GradMode;

/**
 * The create-graph backward pass: the same reverse walk as {@link Autograd}, but every op's
 * backward runs as its {@link GraphBackward} (tensor ops) with recording on, and gradients are
 * summed with recorded adds, so the gradients it yields are differentiable tensors.
 *
 * <p>Why two passes rather than one backward per op used for both orders: first-order training is
 * what almost every step runs, and its raw-array backward works in place, frees intermediate
 * gradients early ({@link GradientBuffers}) and creates no tensor or node objects. Running the
 * tensor-op backward with recording off in first-order passes costs that (measured in the backend
 * README). The two forms of an op share their shape helpers; the maths of each is a line or two.
 *
 * <p>This pass frees nothing early: every gradient it makes may be a value of the graph it records,
 * which later passes read. A later first-order pass over that graph protects those values as it
 * protects every graph value.
 */
final class GraphAutograd {
    /**
     * {@code -Dequivariant4j.autograd.firstOrder=graph} runs first-order {@code backward()} through
     * this pass with recording off (each op's tensor-op backward, no early frees) instead of the
     * raw-array pass: the alternative design, kept switchable so that the measurement that chose
     * between them (backend README) can be repeated. Any other value, or none, is the raw pass.
     */
    static final String FIRST_ORDER_PROPERTY = "equivariant4j.autograd.firstOrder";

    private GraphAutograd() {
    }

    /** Create-graph {@code backward}: leaves accumulate differentiable gradients. */
    static void backward(List<Nd4jTensor> roots, List<Nd4jTensor> seeds) {
        for (Nd4jTensor r : roots) {
            Autograd.requireGrad("backward(createGraph)", r);
        }
        run(roots, seeds, null, false, true);
    }

    /** Whether first-order backward passes should run here unrecorded (see {@link #FIRST_ORDER_PROPERTY}). */
    static boolean firstOrderOnGraphPath() {
        return "graph".equals(System.getProperty(FIRST_ORDER_PROPERTY));
    }

    /** A first-order backward through the tensor-op backwards with recording off: leaves accumulate plain gradients. */
    static void backwardUnrecorded(Nd4jTensor root, Nd4jTensor seed) {
        Autograd.requireGrad("backward", root);
        run(List.of(root), List.of(seed), null, false, false);
    }

    /**
     * Create-graph gradients of {@code sum <seeds[i], roots[i]>} with respect to {@code targets}
     * ({@code null} where unreached). With {@code partial} the walk stops at the targets: what flows
     * into a target from a path through another target is left out, and the graph below the targets
     * is not visited (an op's backward computing its own partial derivatives through a composite of
     * tensor ops on stand-ins of its inputs).
     */
    static Nd4jTensor[] gradients(List<Nd4jTensor> roots, List<Nd4jTensor> seeds, List<Nd4jTensor> targets, boolean partial) {
        Map<Nd4jTensor, Nd4jTensor> results = new IdentityHashMap<>();
        for (Nd4jTensor t : targets) {
            results.put(t, null);
        }
        run(roots, seeds, results, partial, true);
        Nd4jTensor[] out = new Nd4jTensor[targets.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = results.get(targets.get(i));
        }
        return out;
    }

    private static void run(List<Nd4jTensor> roots, List<Nd4jTensor> seeds, Map<Nd4jTensor, Nd4jTensor> targets,
            boolean partial, boolean record) {
        List<Nd4jTensor> order = Autograd.topologicalOrder(roots, partial ? targets.keySet() : null);
        Set<Nd4jTensor> needed = targets == null ? null : Autograd.leadingTo(order, targets.keySet());
        Map<Nd4jTensor, Nd4jTensor> pending = new IdentityHashMap<>();
        boolean anomaly = AnomalyMode.isEnabled();
        try (GradMode.Scope ignored = record ? GradMode.enabled() : GradMode.disabled()) {
            for (int r = 0; r < roots.size(); r++) {
                pending.merge(roots.get(r), seeds.get(r), ElementwiseOps::add);
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                Nd4jTensor t = order.get(i);
                Nd4jTensor g = pending.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.node();
                if (targets != null) {
                    if (targets.containsKey(t)) {
                        targets.put(t, g);
                    }
                } else if (node == null) {
                    if (record) {
                        t.accumulateGraphGrad(g);
                    } else {
                        t.accumulateGrad(g.value());
                    }
                }
                if (node == null) {
                    continue;
                }
                if (node.graphBackward() == null) {
                    throw new UnsupportedFeatureException("backward with createGraph: the op " + node.op()
                            + " has no differentiable backward, so its gradient cannot be differentiated again");
                }
                Nd4jTensor[] inputGrads = node.graphBackward().apply(g, t);
                Nd4jTensor[] inputs = node.inputs();
                for (int k = 0; k < inputs.length; k++) {
                    Nd4jTensor in = inputs[k];
                    Nd4jTensor gi = inputGrads[k];
                    if (gi == null || !in.requiresGrad() || (needed != null && !needed.contains(in))) {
                        continue;
                    }
                    if (!Arrays.equals(gi.value().shape(), in.value().shape())) {
                        throw new IllegalStateException("graph backward of " + node.op() + ": gradient "
                                + Arrays.toString(gi.shape()) + " for input " + k + " of shape " + Arrays.toString(in.shape()));
                    }
                    if (anomaly && Nd4jTensor.hasNonFinite(gi.value())) {
                        throw new NumericalAnomalyException("backward of " + node.op() + " produced NaN or Inf in the"
                                + " gradient of input " + k + " (shape " + Arrays.toString(gi.shape()) + ")");
                    }
                    pending.merge(in, gi, ElementwiseOps::add);
                }
            }
        }
    }
}
