package org.equivariant4j.gconv.se3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.NumericalAnomalyException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Re-estimates the batch-norm running statistics of a model from training data at its current weights
 * ("precise BN", as PyTorch's {@code torch.optim.swa_utils.update_bn}): every {@code running_mean} and
 * {@code running_var} becomes the plain average of the batch statistics of the same {@code batches} training
 * batches, run in training mode without a graph. The result depends on the weights and the data alone.
 *
 * <p>Why: the running averages left by training follow the feature statistics with momentum 0.1, and the
 * separable G-CNNs' statistics move faster than that, so eval mode with them predicted one class. The first fix
 * re-ran batches on top of whatever averages were there, which made every evaluation depend on the evaluations
 * before it ({@code evaluate()} twice on the same weights gave 12.5 % and then 18.8 % canonical accuracy for
 * the octahedral model at toy size). Starting instead from a fresh batch norm's values (mean 0, variance 1)
 * is deterministic but biased: with momentum 0.1 they keep a weight of 0.9^24 ≈ 8 % after 24 batches, enough
 * to keep the toy models at chance (12.5 %) in nearly every epoch when their features' variance is far from 1.
 *
 * <p>How, without a momentum-free mode in {@code nn}: a batch-norm update is {@code running ← (1 - m) running
 * + m batch}, affine in the old value. Running the first batch from running statistics 0 and again from 1
 * gives {@code m batch} and {@code 1 - m + m batch}, so m is measured (not assumed) and every batch, run from
 * 0, yields its statistics as {@code running / m}. {@code num_batches_tracked} counters are left as training
 * left them.
 */
final class BatchNormRecalibration {
    private static final String MEAN = "running_mean";
    private static final String VAR = "running_var";
    private static final String COUNT = "num_batches_tracked";

    private final Tensor features;
    private final int batch;
    private final int batches;

    /** Re-estimates from the first {@code batches} batches of {@code batch} rows of {@code features} (fewer if it is smaller). */
    BatchNormRecalibration(Tensor features, int batch, int batches) {
        this.features = features;
        this.batch = Math.min(batch, features.size(0));
        this.batches = Math.max(1, Math.min(batches, features.size(0) / this.batch));
    }

    /** Replaces {@code module}'s running statistics by their re-estimate through {@code forward}; leaves it in eval mode. */
    void apply(Module module, UnaryOperator<Tensor> forward) {
        Map<String, Tensor> state = module.stateDict();
        List<String> statistics = new ArrayList<>();
        state.keySet().stream().filter(n -> is(n, MEAN) || is(n, VAR)).forEach(statistics::add);
        if (!statistics.isEmpty()) {
            module.train();
            Map<String, Tensor> fromZero = run(module, forward, state, statistics, 0, 0.0);
            Map<String, Tensor> fromOne = run(module, forward, state, statistics, 0, 1.0);
            Map<String, Tensor> momentum = new LinkedHashMap<>();
            Map<String, Tensor> sum = new LinkedHashMap<>();
            for (String name : statistics) {
                Tensor m = fromZero.get(name).sub(fromOne.get(name)).add(1.0);
                if (!(m.abs().min(0, false).item() > 0)) {
                    throw new NumericalAnomalyException("BatchNormRecalibration: the running statistics '" + name + "' do not"
                            + " move with the batch (momentum " + m + "), so they cannot be re-estimated");
                }
                momentum.put(name, m);
                sum.put(name, fromZero.get(name).div(m));
            }
            for (int b = 1; b < batches; b++) {
                Map<String, Tensor> r = run(module, forward, state, statistics, b, 0.0);
                statistics.forEach(n -> sum.put(n, sum.get(n).add(r.get(n).div(momentum.get(n)))));
            }
            Map<String, Tensor> estimated = new LinkedHashMap<>(state);
            statistics.forEach(n -> estimated.put(n, sum.get(n).div(batches)));
            module.loadStateDict(estimated);
        }
        module.eval();
    }

    /** Batch {@code b} in training mode from every running statistic set to {@code start}: the statistics it leaves. */
    private Map<String, Tensor> run(Module module, UnaryOperator<Tensor> forward, Map<String, Tensor> state,
            List<String> statistics, int b, double start) {
        Map<String, Tensor> initial = new LinkedHashMap<>(state);
        for (String name : statistics) {
            Tensor v = state.get(name);
            Tensor zeros = Tensors.zeros(v.dtype(), v.shape());
            initial.put(name, start == 0 ? zeros : zeros.add(start));
        }
        module.loadStateDict(initial);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            forward.apply(features.narrow(0, b * batch, batch));
        }
        Map<String, Tensor> after = module.stateDict();
        Map<String, Tensor> out = new LinkedHashMap<>();
        statistics.forEach(n -> out.put(n, after.get(n)));
        return out;
    }

    private static boolean is(String name, String buffer) {
        return name.equals(buffer) || name.endsWith("." + buffer);
    }
}
