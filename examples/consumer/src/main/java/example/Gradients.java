package example;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** The README's first example: a loss through a matmul and a ReLU, and its gradient. */
public final class Gradients {

    private Gradients() {
    }

    /** d/dw of mean(relu(x w)^2) for seeded x [32, 64] and w [64, 10]. */
    public static Tensor example() {
        Rng rng = new Rng(7);
        Tensor x = Tensors.randn(rng, 32, 64);
        Tensor w = Tensors.randn(rng, 64, 10).requiresGrad(true);
        Tensor loss = x.matmul(w).relu().pow(2).mean();
        loss.backward();
        return w.grad();
    }
}
