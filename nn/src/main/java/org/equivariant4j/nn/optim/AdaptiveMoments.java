package org.equivariant4j.nn.optim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The Adam update shared by {@link Adam} and {@link AdamW}, which differ only in how weight decay
 * enters. With {@code t} the parameter's step count (from 1):
 * <pre>
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * as in {@code torch.optim.Adam} (Kingma and Ba 2015), eps added after the square root.
 */
abstract class AdaptiveMoments extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private static final String STEP = "step";
    private static final String EXP_AVG = "exp_avg";
    private static final String EXP_AVG_SQ = "exp_avg_sq";

    private final Map<Parameter, Moments> moments = new IdentityHashMap<>();

    /** The per-parameter state: first and second moment estimates and the step count. */
    private static final class Moments {
        Tensor first;
        Tensor second;
        long step;
    }

    AdaptiveMoments(List<Parameter> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super(parameters, learningRate);
        requireArgument(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
        requireArgument(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
        requireArgument(eps >= 0 && Double.isFinite(eps), "eps must be finite and >= 0, got " + eps);
        requireArgument(weightDecay >= 0 && Double.isFinite(weightDecay), "weight decay must be finite and >= 0, got "
                + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    final double weightDecay() {
        return weightDecay;
    }

    /** The gradient the moments are estimated from (Adam adds the L2 term here). */
    abstract Tensor effectiveGradient(Tensor value, Tensor grad);

    /** Shrinks the value in place before the Adam step (AdamW's decoupled decay); Adam leaves it. */
    abstract void decayInPlace(Tensor value);

    @Override
    protected final Tensor update(Parameter parameter, Tensor value, Tensor grad) {
        Tensor g = effectiveGradient(value, grad);
        Moments s = moments.computeIfAbsent(parameter, k -> new Moments());
        if (s.first == null) {
            s.first = Tensors.zeros(value.dtype(), value.shape());
            s.second = Tensors.zeros(value.dtype(), value.shape());
        }
        s.step++;
        double correction1 = 1 - Math.pow(beta1, s.step);
        double correction2 = 1 - Math.pow(beta2, s.step);
        // lr * m_hat / (sqrt(v_hat) + eps) = (lr sqrt(c2) / c1) * m / (sqrt(v) + eps sqrt(c2)): the bias
        // corrections folded into scalars.
        double root2 = Math.sqrt(correction2);
        // The decay reads and writes only the value; the moments depend on g alone, so it may come first.
        decayInPlace(value);
        // In place, one fused pass over g, both moments and the value on engines that have it: a step makes no new
        // arrays and reads each array once.
        kernels().adam(value, s.first, s.second, g, beta1, beta2, -learningRate() * root2 / correction1, eps * root2);
        return value;
    }

    /** {@code step}, {@code exp_avg} and {@code exp_avg_sq}, as PyTorch names them; none before the first step. */
    @Override
    protected final Map<String, Tensor> parameterState(Parameter parameter) {
        Moments s = moments.get(parameter);
        if (s == null || s.first == null) {
            return Map.of();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(STEP, Tensors.of(new long[] {s.step}));
        out.put(EXP_AVG, s.first);
        out.put(EXP_AVG_SQ, s.second);
        return out;
    }

    @Override
    protected final String checkParameterState(Parameter parameter, Map<String, Tensor> state) {
        String problem = checkNamesAndShapes(parameter, state, List.of(STEP, EXP_AVG, EXP_AVG_SQ), List.of(STEP));
        if (problem != null) {
            return problem;
        }
        double step = state.get(STEP).toDoubleArray()[0];
        if (!(step >= 1 && step == Math.rint(step) && step < 0x1p53)) {
            return STEP + ": expected a whole number >= 1 but was " + step;
        }
        return null;
    }

    @Override
    protected final void loadParameterState(Parameter parameter, Map<String, Tensor> state) {
        if (state == null) {
            moments.remove(parameter);
            return;
        }
        Moments s = new Moments();
        DType dtype = parameter.value().dtype();
        s.first = copyOf(state.get(EXP_AVG), dtype);
        s.second = copyOf(state.get(EXP_AVG_SQ), dtype);
        s.step = (long) state.get(STEP).toDoubleArray()[0];
        moments.put(parameter, s);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps
                + ", weightDecay=" + weightDecay + ")";
    }

    /** The options Adam and AdamW share; {@code B} is the concrete builder, so setters chain. */
    abstract static class Options<B extends Options<B>> {
        final List<Parameter> parameters;
        double learningRate = 1e-3;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        double weightDecay;

        Options(List<Parameter> parameters, double defaultWeightDecay) {
            this.parameters = parameters;
            this.weightDecay = defaultWeightDecay;
        }

        abstract B self();

        public B learningRate(double value) {
            learningRate = value;
            return self();
        }

        public B betas(double first, double second) {
            beta1 = first;
            beta2 = second;
            return self();
        }

        public B eps(double value) {
            eps = value;
            return self();
        }

        /** The weight decay; what it means (L2 penalty or decoupled decay) is the optimiser's. */
        public B weightDecay(double value) {
            weightDecay = value;
            return self();
        }
    }
}
