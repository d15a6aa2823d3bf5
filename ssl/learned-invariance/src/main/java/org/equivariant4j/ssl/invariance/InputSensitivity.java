package org.equivariant4j.ssl.invariance;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * How sensitive a classifier's logits are to <em>any</em> input perturbation, not only to the group's: the measure
 * behind the paper's "spectral decay" (a model that learns invariance by becoming insensitive to every perturbation).
 * <b>Our definitions</b>, both relative to the logit spread {@code σ = sqrt((1/N) Σ_i |f(x_i) - z̄|²)} (the RMS distance
 * of a logit vector from the mean one over the inputs), so that models with logits of different scales compare:
 * <ul>
 * <li>{@link #jacobianSpectrum}: for each input, the singular values {@code σ_1 >= … >= σ_K} of the input Jacobian
 *     {@code J_i = ∂f/∂x (x_i)} (K x D), averaged over the inputs rank by rank and divided by σ. A lower curve is a
 *     model less sensitive in every direction; its area is {@link Spectrum#total()}.</li>
 * <li>{@link #randomPerturbationResponse}: {@code (1/N) Σ_i |f(x_i + ε u_i) - f(x_i)| / (ε σ)} with {@code u_i} a
 *     Gaussian direction of unit norm, drawn independently per input: the finite-difference response to a random
 *     perturbation of size ε.</li>
 * </ul>
 * The model must treat examples independently (the module is put in evaluation mode and restored; its parameter
 * gradients are cleared afterwards).
 */
public final class InputSensitivity {
    private final Module module;
    private final UnaryOperator<Tensor> model;

    private InputSensitivity(Module module, UnaryOperator<Tensor> model) {
        this.module = module;
        this.model = model;
    }

    /** Sensitivity of {@code model} (inputs to logits {@code [N, K]}), whose parameters live in {@code module} (or null). */
    public static InputSensitivity of(Module module, UnaryOperator<Tensor> model) {
        return new InputSensitivity(module, model);
    }

    /**
     * The mean singular values of the input Jacobian, largest first, divided by the logit spread.
     *
     * @param total sum of the normalised singular values
     * @param values the normalised singular values, rank by rank
     */
    public record Spectrum(double total, double[] values) {
        public Spectrum {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public String toString() {
            return "Spectrum[total " + total + ", " + Arrays.toString(values) + "]";
        }
    }

    /** The spectrum of {@link InputSensitivity} at {@code inputs} ({@code [N, ...]}, N >= 2). */
    public Spectrum jacobianSpectrum(Tensor inputs) {
        return evaluating(() -> {
            int n = requireInputs(inputs);
            Tensor x = inputs.detach();
            Tensor logits = logits(x);
            int k = logits.size(1);
            Tensor[] rows = new Tensor[k];
            for (int c = 0; c < k; c++) {
                Tensor leaf = x.requiresGrad(false).detach().requiresGrad(true);
                try (GradMode.Scope ignored = GradMode.enabled()) {
                    model.apply(leaf).narrow(1, c, 1).sum().backward();
                }
                Tensor grad = leaf.grad();
                rows[c] = (grad == null ? x.mul(0.0) : grad.detach()).to(DType.FLOAT64).reshape(n, 1, -1);
            }
            Tensor jacobian = Tensors.concat(1, rows);
            double[] gram = jacobian.matmul(jacobian.transpose(1, 2)).toDoubleArray();
            double[] mean = new double[k];
            for (int i = 0; i < n; i++) {
                double[] eigen = SymmetricEigenvalues.of(Arrays.copyOfRange(gram, i * k * k, (i + 1) * k * k), k);
                for (int r = 0; r < k; r++) {
                    mean[r] += Math.sqrt(Math.max(0, eigen[r])) / n;
                }
            }
            double sigma = spread(logits);
            double total = 0;
            for (int r = 0; r < k; r++) {
                mean[r] = sigma > 0 ? mean[r] / sigma : mean[r] == 0 ? 0 : Double.POSITIVE_INFINITY;
                total += mean[r];
            }
            return new Spectrum(total, mean);
        });
    }

    /** The normalised response to random perturbations of size {@code epsilon}, directions drawn from {@code rng}. */
    public double randomPerturbationResponse(Tensor inputs, double epsilon, Rng rng) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InvalidArgumentException("InputSensitivity: perturbation size must be finite and > 0, got " + epsilon);
        }
        return evaluating(() -> {
            int n = requireInputs(inputs);
            Tensor x = inputs.detach();
            Tensor direction = Tensors.randn(rng, DType.FLOAT64, x.shape()).reshape(n, -1);
            direction = direction.div(direction.norm(1, true)).reshape(x.shape()).to(x.dtype());
            Tensor before = logits(x);
            Tensor after = logits(x.add(direction.mul(epsilon)));
            double sigma = spread(before);
            double moved = after.sub(before).pow(2).sum(1, false).sqrt().mean().item() / epsilon;
            return sigma > 0 ? moved / sigma : moved == 0 ? 0 : Double.POSITIVE_INFINITY;
        });
    }

    private Tensor logits(Tensor x) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return model.apply(x).to(DType.FLOAT64);
        }
    }

    /** {@code sqrt((1/N) Σ_i |z_i - z̄|²)}. */
    private static double spread(Tensor logits) {
        Tensor centred = logits.sub(logits.mean(0, true));
        return Math.sqrt(centred.pow(2).sum().item() / logits.size(0));
    }

    private static int requireInputs(Tensor inputs) {
        if (inputs.rank() < 2 || inputs.size(0) < 2 || !inputs.dtype().isFloating()) {
            throw new InvalidArgumentException("InputSensitivity: needs a floating batch of at least 2 inputs [N, ...] (the"
                    + " logit spread is taken over them), got " + inputs.dtype() + " " + Arrays.toString(inputs.shape()));
        }
        return inputs.size(0);
    }

    private <T> T evaluating(java.util.function.Supplier<T> measurement) {
        boolean wasTraining = module != null && module.isTraining();
        if (module != null) {
            module.eval();
        }
        try {
            return measurement.get();
        } finally {
            if (module != null) {
                module.zeroGrad();
                if (wasTraining) {
                    module.train();
                }
            }
        }
    }
}
