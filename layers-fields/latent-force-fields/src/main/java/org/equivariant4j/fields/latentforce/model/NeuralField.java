package org.equivariant4j.fields.latentforce.model;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.layer.RandomFourierFeatures;

/**
 * The neural field {@code F_θ(x, c)}: the acceleration the global field gives a particle of coupling {@code c}
 * at absolute position {@code x}, an MLP (SiLU) over random Fourier features of {@code x} and the coupling. Not
 * equivariant by design: the global field is what breaks the symmetry. As in the Aether code, the coupling is an
 * input (the network learns how the field acts on charges of either sign, or on masses) rather than a factor.
 */
public final class NeuralField extends Module {
    private final int dims;
    private final RandomFourierFeatures embedding;
    private final MLP mlp;

    /**
     * @param dims     space dimension
     * @param features random Fourier features (the embedding has {@code 2 * features} numbers)
     * @param std      standard deviation of the Fourier frequencies (cycles per unit length)
     * @param hidden   width of the MLP's two hidden layers
     */
    public NeuralField(int dims, int features, double std, int hidden, Rng rng) {
        this.dims = dims;
        this.embedding = registerModule("embedding", new RandomFourierFeatures(dims, features, std, rng));
        this.mlp = registerModule("mlp", new MLP(new int[] {embedding.outFeatures() + 1, hidden, hidden, dims}, SiLU::new, rng));
    }

    public int dims() {
        return dims;
    }

    /** {@code F_θ} at {@code positions [N, dims]} for couplings {@code [N, 1]}: {@code [N, dims]}. */
    public Tensor forward(Tensor positions, Tensor couplings) {
        if (positions.rank() != 2 || positions.size(1) != dims || couplings.rank() != 2 || couplings.size(1) != 1
                || couplings.size(0) != positions.size(0)) {
            throw new ShapeMismatchException("NeuralField: expected positions [N, " + dims + "] and couplings [N, 1], got "
                    + java.util.Arrays.toString(positions.shape()) + " and " + java.util.Arrays.toString(couplings.shape()));
        }
        return mlp.forward(Tensors.concat(1, embedding.forward(positions), couplings));
    }

    @Override
    public String toString() {
        return "NeuralField(" + dims + "D, " + embedding + ")";
    }
}
