package org.equivariant4j.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimisers' state dicts: saved (through a safetensors file, as a checkpoint does) after k
 * steps and loaded into a fresh optimiser over a fresh parameter holding the same values, the
 * resumed optimiser takes exactly the steps the uninterrupted one takes, bit for bit. The negative
 * control resumes without the state and must differ, so the equality is not vacuous.
 */
class OptimizerStateDictTest {
    private static final int BEFORE = 3;
    private static final int AFTER = 4;

    @TempDir
    Path tmp;

    private static final Function<List<Parameter>, Optimizer> ADAM = ps -> Adam.builder(ps).learningRate(0.1).weightDecay(0.01)
            .build();
    private static final Function<List<Parameter>, Optimizer> ADAMW = ps -> AdamW.builder(ps).learningRate(0.1).build();
    private static final Function<List<Parameter>, Optimizer> SGD_MOMENTUM = ps -> SGD.builder(ps).learningRate(0.1)
            .momentum(0.9).build();
    private static final Function<List<Parameter>, Optimizer> SGD_NESTEROV = ps -> SGD.builder(ps).learningRate(0.05)
            .momentum(0.9).nesterov(true).build();

    @Test
    void adamResumedFromItsStateDictEqualsTheUninterruptedRunBitForBit() {
        assertResumesExactly(ADAM);
    }

    @Test
    void adamWResumedFromItsStateDictEqualsTheUninterruptedRunBitForBit() {
        assertResumesExactly(ADAMW);
    }

    @Test
    void sgdMomentumResumedFromItsStateDictEqualsTheUninterruptedRunBitForBit() {
        assertResumesExactly(SGD_MOMENTUM);
        assertResumesExactly(SGD_NESTEROV);
    }

    @Test
    void resumingWithoutTheStateDiffers() {
        for (Function<List<Parameter>, Optimizer> make : List.of(ADAM, ADAMW, SGD_MOMENTUM)) {
            double[] uninterrupted = train(make, BEFORE + AFTER);
            double[] restarted = resume(make, false);
            assertThat(restarted).as("negative control: %s restarted without its state", make.apply(List.of(
                    OptimizerFixture.parameter()))).isNotEqualTo(uninterrupted);
        }
    }

    @Test
    void adamStateIsNamedAsPyTorchNamesIt() {
        Parameter p = OptimizerFixture.parameter();
        Parameter unused = OptimizerFixture.parameter();
        Optimizer adam = ADAM.apply(List.of(p, unused));
        assertThat(adam.stateDict()).as("no state before the first step").containsOnlyKeys(Optimizer.LEARNING_RATE_KEY);
        step(adam, p);
        step(adam, p);
        Map<String, Tensor> state = adam.stateDict();
        assertThat(state).as("only the updated parameter has state").containsOnlyKeys("state.0.step", "state.0.exp_avg",
                "state.0.exp_avg_sq", Optimizer.LEARNING_RATE_KEY);
        assertThat(state.get("state.0.step").toLongArray()).containsExactly(2);
        assertThat(state.get(Optimizer.LEARNING_RATE_KEY).toDoubleArray()).containsExactly(0.1);
    }

    @Test
    void theLearningRateIsRestored() {
        Parameter p = OptimizerFixture.parameter();
        Optimizer saved = SGD_MOMENTUM.apply(List.of(p));
        saved.setLearningRate(0.0125);
        Optimizer fresh = SGD_MOMENTUM.apply(List.of(OptimizerFixture.parameter()));
        fresh.loadStateDict(saved.stateDict());
        assertThat(fresh.learningRate()).isEqualTo(0.0125);
    }

    @Test
    void aMismatchedStateIsRefusedListingEveryProblemAndChangingNothing() {
        Map<String, Tensor> bad = stateAfterOneStep(ADAM);
        bad.put("state.0.exp_avg", Tensors.zeros(DType.FLOAT64, 3));
        bad.remove("state.0.exp_avg_sq");
        bad.put("state.7.exp_avg", Tensors.zeros(DType.FLOAT64, 2));
        bad.put(Optimizer.LEARNING_RATE_KEY, Tensors.scalar(Double.NaN, DType.FLOAT64));

        Parameter q = OptimizerFixture.parameter();
        Optimizer fresh = ADAM.apply(List.of(q));
        assertThatThrownBy(() -> fresh.loadStateDict(bad)).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("Adam.loadStateDict").hasMessageContaining("unexpected [state.7.exp_avg]")
                .hasMessageContaining("param_groups.lr: expected a finite rate >= 0 but was NaN")
                .hasMessageContaining("state.0: missing [exp_avg_sq]")
                .hasMessageContaining("exp_avg: expected shape [2] but was [3]");
        assertThat(fresh.stateDict()).as("nothing loaded").containsOnlyKeys(Optimizer.LEARNING_RATE_KEY);
        assertThat(fresh.learningRate()).isEqualTo(0.1);
    }

    @Test
    void aStepCountThatIsNoCountIsRefused() {
        Map<String, Tensor> bad = stateAfterOneStep(ADAM);
        bad.put("state.0.step", Tensors.of(new long[] {0}));
        assertThatThrownBy(() -> ADAM.apply(List.of(OptimizerFixture.parameter())).loadStateDict(bad))
                .isInstanceOf(StateDictMismatchException.class).hasMessageContaining("step: expected a whole number >= 1 but was 0");
    }

    @Test
    void momentumStateIntoSgdWithoutMomentumIsRefused() {
        Map<String, Tensor> momentum = stateAfterOneStep(SGD_MOMENTUM);
        Optimizer plain = new SGD(List.of(OptimizerFixture.parameter()), 0.1);
        assertThatThrownBy(() -> plain.loadStateDict(momentum)).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("SGD without momentum keeps no state, but got [momentum_buffer]");
    }

    @Test
    void adamStateIntoSgdIsRefused() {
        Map<String, Tensor> adam = stateAfterOneStep(ADAM);
        assertThatThrownBy(() -> SGD_MOMENTUM.apply(List.of(OptimizerFixture.parameter())).loadStateDict(adam))
                .isInstanceOf(StateDictMismatchException.class).hasMessageContaining("missing [momentum_buffer]")
                .hasMessageContaining("unexpected [exp_avg, exp_avg_sq, step]");
    }

    /** A copy of the state dict of an optimiser made by {@code make} after one step, to edit. */
    private static Map<String, Tensor> stateAfterOneStep(Function<List<Parameter>, Optimizer> make) {
        Parameter p = OptimizerFixture.parameter();
        Optimizer optimizer = make.apply(List.of(p));
        step(optimizer, p);
        return new LinkedHashMap<>(optimizer.stateDict());
    }

    private void assertResumesExactly(Function<List<Parameter>, Optimizer> make) {
        double[] uninterrupted = train(make, BEFORE + AFTER);
        assertThat(resume(make, true)).as("%s resumed after %d steps", make.apply(List.of(OptimizerFixture.parameter())), BEFORE)
                .isEqualTo(uninterrupted);
    }

    private static double[] train(Function<List<Parameter>, Optimizer> make, int steps) {
        Parameter p = OptimizerFixture.parameter();
        Optimizer optimizer = make.apply(List.of(p));
        for (int i = 0; i < steps; i++) {
            step(optimizer, p);
        }
        return p.value().toDoubleArray();
    }

    /** BEFORE steps, a checkpoint file (parameter and optionally optimiser state), a fresh start from it, AFTER steps. */
    private double[] resume(Function<List<Parameter>, Optimizer> make, boolean withState) {
        Parameter p = OptimizerFixture.parameter();
        Optimizer optimizer = make.apply(List.of(p));
        for (int i = 0; i < BEFORE; i++) {
            step(optimizer, p);
        }
        Map<String, Tensor> checkpoint = new LinkedHashMap<>();
        checkpoint.put("p", p.value());
        optimizer.stateDict().forEach((k, v) -> checkpoint.put("optim/" + k, v));
        Path file = tmp.resolve("ckpt-" + System.nanoTime() + ".safetensors");
        Safetensors.save(checkpoint, file, Map.of());

        Map<String, Tensor> loaded = Safetensors.load(file);
        Parameter q = new Parameter(loaded.get("p"));
        Optimizer resumed = make.apply(List.of(q));
        if (withState) {
            Map<String, Tensor> state = new LinkedHashMap<>();
            loaded.forEach((k, v) -> {
                if (k.startsWith("optim/")) {
                    state.put(k.substring("optim/".length()), v);
                }
            });
            resumed.loadStateDict(state);
        }
        for (int i = 0; i < AFTER; i++) {
            step(resumed, q);
        }
        return q.value().toDoubleArray();
    }

    private static void step(Optimizer optimizer, Parameter p) {
        optimizer.zeroGrad();
        OptimizerFixture.backward(p);
        optimizer.step();
    }
}
