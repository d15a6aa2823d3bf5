package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A quick timing of one message-passing layer, forward and backward, through the public
 * {@code Tensor} API with the kernels ({@code equivariant4j.kernels=auto}) and without ({@code nd4j}):
 * gather both end nodes of every edge, an edge MLP on their concatenation, segment-sum the messages
 * into the receiving nodes, add to the node features. 2000 nodes, 20000 edges, 64 features, float32:
 * the shapes of PERFORMANCE.md's EGNN row, without the coordinate part. For a developer's own
 * numbers; not a test, and not the JMH suite in {@code benchmarks/}.
 */
public final class MessagePassingBench {
    private static final int NODES = 2_000;
    private static final int EDGES = 20_000;
    private static final int FEATURES = 64;

    private MessagePassingBench() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Rng rng = new Rng(1);
        Tensor h = Tensors.uniform(rng, -1, 1, DType.FLOAT32, NODES, FEATURES).requiresGrad(true);
        Tensor w1 = Tensors.uniform(rng, -0.1, 0.1, DType.FLOAT32, 2 * FEATURES, FEATURES).requiresGrad(true);
        Tensor b1 = Tensors.zeros(FEATURES).requiresGrad(true);
        Tensor w2 = Tensors.uniform(rng, -0.1, 0.1, DType.FLOAT32, FEATURES, FEATURES).requiresGrad(true);
        Tensor b2 = Tensors.zeros(FEATURES).requiresGrad(true);
        long[] from = new long[EDGES];
        long[] to = new long[EDGES];
        for (int e = 0; e < EDGES; e++) {
            from[e] = rng.nextInt(NODES);
            to[e] = rng.nextInt(NODES);
        }
        Tensor senders = Tensors.of(from, EDGES);
        Tensor receivers = Tensors.of(to, EDGES);
        Tensor upstream = Tensors.uniform(rng, -1, 1, DType.FLOAT32, NODES, FEATURES);
        Runnable step = () -> {
            Tensor pair = Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, senders));
            Tensor message = pair.matmul(w1).add(b1).silu().matmul(w2).add(b2).silu();
            Tensor out = h.add(message.segmentSum(receivers, NODES));
            out.backward(upstream);
            for (Tensor p : new Tensor[] {h, w1, b1, w2, b2}) {
                p.zeroGrad();
            }
        };
        for (String mode : new String[] {"auto", "nd4j"}) {
            System.setProperty(KernelSelection.PROPERTY, mode);
            int n = "nd4j".equals(mode) ? Math.max(5, reps / 5) : reps;
            for (int i = 0; i < Math.min(n, 10); i++) {
                step.run();
            }
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                step.run();
                ns[i] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            System.out.printf("message-passing layer fwd+bwd, kernels=%-4s  median %8.2f ms   min %8.2f ms   (%d reps)%n", mode,
                    ns[n / 2] / 1e6, ns[0] / 1e6, n);
        }
        System.clearProperty(KernelSelection.PROPERTY);
    }
}
