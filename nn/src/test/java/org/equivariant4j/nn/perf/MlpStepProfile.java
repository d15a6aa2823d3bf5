package org.equivariant4j.nn.perf;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;

/**
 * Not a test (surefire does not pick it up): times the phases of an MLP 256-256-256-10 training
 * step (batch 256, float32, Adam), as the side-by-side benchmark measures it. Run its main with the
 * test classpath and {@code OMP_NUM_THREADS=2}; the argument is the number of steps (the first
 * third is warm-up).
 */
public final class MlpStepProfile {
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Rng rng = new Rng(1);
        MLP model = new MLP(new int[] {256, 256, 256, 10}, ReLU::new, rng);
        Adam adam = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor x = Tensors.randn(new Rng(2), 256, 256);
        long[] lab = new long[256];
        for (int i = 0; i < lab.length; i++) {
            lab[i] = i % 10;
        }
        Tensor y = Tensors.of(lab, 256);
        long[] t = new long[5];
        for (int s = 0; s < steps; s++) {
            if (s == steps / 3) {
                java.util.Arrays.fill(t, 0);
            }
            long a = System.nanoTime();
            adam.zeroGrad();
            long b = System.nanoTime();
            Tensor out = model.forward(x);
            long c = System.nanoTime();
            Tensor l = loss.compute(out, y);
            long d = System.nanoTime();
            l.backward();
            long e = System.nanoTime();
            adam.step();
            long f = System.nanoTime();
            t[0] += b - a; t[1] += c - b; t[2] += d - c; t[3] += e - d; t[4] += f - e;
        }
        int n = steps - steps / 3;
        String[] names = {"zeroGrad", "forward", "loss", "backward", "step"};
        double total = 0;
        for (int i = 0; i < 5; i++) {
            System.out.printf("%-10s %8.3f ms%n", names[i], t[i] / 1e6 / n);
            total += t[i] / 1e6 / n;
        }
        System.out.printf("%-10s %8.3f ms%n", "TOTAL", total);
    }
}
