package org.equivariant4j.backend.nd4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equivariant4j.backend.nd4j.Nd4jTensor;
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
public final class Autograd {

    private Autograd() {
    }

    public static void backward(Nd4jTensor root, INDArray seed) {
        if (!root.requiresGrad()) {
            throw new Equivariant4jException("backward: the tensor " + Arrays.toString(root.shape())
                    + " does not require a gradient (no input of the ops that made it requires one, or it was made under"
                    + " GradMode.disabled())");
        }
        List<Nd4jTensor> order = topologicalOrder(root);
        Map<Nd4jTensor, INDArray> pending = new IdentityHashMap<>();
        pending.put(root, seed);
        boolean anomaly = AnomalyMode.isEnabled();
        Set<INDArray> sums = Collections.newSetFromMap(new IdentityHashMap<>());
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
                Node node = t.node();
                if (node == null) {
                    t.accumulateGrad(g);
                    continue;
                }
                INDArray[] inputGrads = node.backward().apply(g);
                Nd4jTensor[] inputs = node.inputs();
                for (int k = 0; k < inputs.length; k++) {
                    Nd4jTensor in = inputs[k];
                    INDArray gi = inputGrads[k];
                    if (gi == null || !in.requiresGrad()) {
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
                    if (prev == null) {
                        pending.put(in, gi);
                    } else if (sums.contains(prev)) {
                        // A sum made below belongs to this pass alone: add into it instead of allocating another.
                        prev.addi(gi);
                    } else {
                        INDArray sum = prev.add(gi);
                        sums.add(sum);
                        pending.put(in, sum);
                    }
                }
            }
        }
    }

    private static List<Nd4jTensor> topologicalOrder(Nd4jTensor root) {
        List<Nd4jTensor> order = new ArrayList<>();
        Set<Nd4jTensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Nd4jTensor t = (Nd4jTensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t.node();
            Nd4jTensor[] inputs = node == null ? new Nd4jTensor[0] : node.inputs();
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
        return order;
    }
}
