package org.equivariant4j.backend.nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.NumericalAnomalyException;
import org.equivariant4j.core.tensor.AnomalyMode;
import org.equivariant4j.core.tensor.GradMode;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse-mode traversal: orders the graph below a root topologically (iteratively, so deep
 * graphs cannot overflow the stack), then walks it once in reverse, summing the gradient of each
 * tensor over all its uses before passing it on. Leaves that require a gradient accumulate it.
 */
final class Autograd {

    private Autograd() {
    }

    /**
     * Back-propagates {@code seed}, the gradient of {@code root}. {@code seedIsOurs} says the pass
     * may free the seed when done (it made it); a caller's array is never freed.
     */
    public static void backward(Nd4jTensor root, INDArray seed, boolean seedIsOurs) {
        if (GraphAutograd.firstOrderOnGraphPath()) {
            GraphAutograd.backwardUnrecorded(root, Nd4jTensor.leaf(seed));
            return;
        }
        requireGrad("backward", root);
        run(List.of(root), List.of(seed), seedIsOurs, null);
    }

    /**
     * The first-order gradients of {@code sum <seeds[i], roots[i]>} with respect to {@code targets}
     * (plain arrays the caller owns; {@code null} where a target is not reached), leaving leaves'
     * gradients alone; only the part of the graph between the roots and the targets is walked.
     */
    static INDArray[] gradients(List<Nd4jTensor> roots, List<INDArray> seeds, boolean seedsAreOurs, List<Nd4jTensor> targets) {
        Map<Nd4jTensor, INDArray> results = new IdentityHashMap<>();
        for (Nd4jTensor t : targets) {
            results.put(t, null);
        }
        run(roots, seeds, seedsAreOurs, results);
        INDArray[] out = new INDArray[targets.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = results.get(targets.get(i));
        }
        return out;
    }

    /** Refuses a root that has no graph, naming the call. */
    static void requireGrad(String call, Nd4jTensor root) {
        if (!root.requiresGrad()) {
            throw new Equivariant4jException(call + ": the tensor " + Arrays.toString(root.shape())
                    + " does not require a gradient (no input of the ops that made it requires one, or it was made under"
                    + " GradMode.disabled())");
        }
    }

    /**
     * The pass. With {@code targets} null, leaves accumulate their gradients; otherwise the gradient
     * reaching each key of {@code targets} is stored there (a copy of its own) and leaves are left alone.
     */
    private static void run(List<Nd4jTensor> roots, List<INDArray> seeds, boolean seedsAreOurs,
            Map<Nd4jTensor, INDArray> targets) {
        List<Nd4jTensor> order = topologicalOrder(roots, null);
        Set<Nd4jTensor> needed = targets == null ? null : leadingTo(order, targets.keySet());
        Map<Nd4jTensor, INDArray> pending = new IdentityHashMap<>();
        GradientBuffers buffers = new GradientBuffers();
        for (Nd4jTensor t : order) {
            buffers.protect(t.value());
            if (t.node() != null) {
                for (Nd4jTensor in : t.node().inputs()) {
                    buffers.protect(in.value());
                }
            }
        }
        for (INDArray seed : seeds) {
            if (!seedsAreOurs) {
                buffers.protect(seed);
            }
        }
        Set<INDArray> sums = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int r = 0; r < roots.size(); r++) {
            INDArray seed = seeds.get(r);
            INDArray prev = pending.get(roots.get(r));
            if (prev == null) {
                pending.put(roots.get(r), seed);
                buffers.pending(seed);
            } else if (!seed.isEmpty()) {
                // The same output given twice: its seeds add up.
                INDArray sum = prev.add(seed);
                sums.add(sum);
                pending.put(roots.get(r), sum);
                buffers.pending(sum);
                buffers.handedOn(prev);
            }
        }
        boolean anomaly = AnomalyMode.isEnabled();
        // The backward functions themselves are built from raw ND4J calls; no recording is needed,
        // but a user-level op called inside one must not grow the graph either.
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Nd4jTensor t = order.get(i);
                INDArray g = pending.remove(t);
                if (g == null) {
                    continue;
                }
                // Handed on from here (a backward may pass it through to several inputs): no longer ours to add into.
                sums.remove(g);
                buffers.handedOn(g);
                Node node = t.node();
                if (targets != null) {
                    if (targets.containsKey(t)) {
                        // The caller keeps this one: a copy of its own, which no pass will free.
                        targets.put(t, g.dup());
                    }
                    if (node == null) {
                        buffers.freeDead();
                        continue;
                    }
                } else if (node == null) {
                    if (buffers.canAdopt(g) && t.adoptGrad(g)) {
                        buffers.adopted(g);
                    } else {
                        t.accumulateGrad(g);
                    }
                    buffers.freeDead();
                    continue;
                }
                INDArray[] inputGrads = node.backward().apply(g);
                Nd4jTensor[] inputs = node.inputs();
                for (int k = 0; k < inputs.length; k++) {
                    Nd4jTensor in = inputs[k];
                    INDArray gi = inputGrads[k];
                    if (gi == null || !in.requiresGrad() || (needed != null && !needed.contains(in))) {
                        if (gi != null) {
                            buffers.consumed(gi);
                        }
                        continue;
                    }
                    if (!Arrays.equals(gi.shape(), in.value().shape())) {
                        throw new IllegalStateException("backward of " + node.op() + ": gradient " + Arrays.toString(gi.shape())
                                + " for input " + k + " of shape " + Arrays.toString(in.value().shape()));
                    }
                    if (anomaly && Nd4jTensor.hasNonFinite(gi)) {
                        throw new NumericalAnomalyException("backward of " + node.op() + " produced NaN or Inf in the gradient of"
                                + " input " + k + " (shape " + Arrays.toString(gi.shape()) + ")");
                    }
                    INDArray prev = pending.get(in);
                    if (prev != null && gi.isEmpty()) {
                        // Both have no entries: nothing to add (and ND4J refuses to add empty arrays).
                        buffers.consumed(gi);
                    } else if (prev == null) {
                        pending.put(in, gi);
                        buffers.pending(gi);
                    } else if (sums.contains(prev)) {
                        // A sum made below belongs to this pass alone: add into it instead of allocating another.
                        prev.addi(gi);
                        buffers.consumed(gi);
                    } else {
                        INDArray sum = prev.add(gi);
                        sums.add(sum);
                        pending.put(in, sum);
                        buffers.pending(sum);
                        buffers.handedOn(prev);
                        buffers.consumed(gi);
                    }
                }
                // Every output is registered now: what nobody refers to any more is freed (see GradientBuffers).
                buffers.freeDead();
            }
        }
    }

    /**
     * The tensors of {@code order} (a topological order, inputs first) from which some tensor of
     * {@code targets} can be reached going down the graph, targets included: the part a gradient
     * with respect to the targets has to pass through.
     */
    static Set<Nd4jTensor> leadingTo(List<Nd4jTensor> order, Set<Nd4jTensor> targets) {
        Set<Nd4jTensor> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Nd4jTensor t : order) {
            boolean reaches = targets.contains(t);
            if (!reaches && t.node() != null) {
                for (Nd4jTensor in : t.node().inputs()) {
                    if (needed.contains(in)) {
                        reaches = true;
                        break;
                    }
                }
            }
            if (reaches) {
                needed.add(t);
            }
        }
        return needed;
    }

    /**
     * The tensors below {@code roots} that require a gradient, each after all of its inputs; the walk
     * does not go below a tensor of {@code stopAt} (may be null).
     */
    static List<Nd4jTensor> topologicalOrder(List<Nd4jTensor> roots, Set<Nd4jTensor> stopAt) {
        List<Nd4jTensor> order = new ArrayList<>();
        Set<Nd4jTensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Nd4jTensor root : roots) {
            if (visited.add(root)) {
                stack.push(new Object[] {root, 0});
            }
            visitAll(stack, visited, order, stopAt);
        }
        return order;
    }

    private static void visitAll(Deque<Object[]> stack, Set<Nd4jTensor> visited, List<Nd4jTensor> order, Set<Nd4jTensor> stopAt) {
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Nd4jTensor t = (Nd4jTensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t.node();
            Nd4jTensor[] inputs = node == null || (stopAt != null && stopAt.contains(t)) ? new Nd4jTensor[0] : node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Nd4jTensor in = inputs[next];
                if (in.requiresGrad() && visited.add(in)) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
    }
}
