package org.equivariant4j.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.data.TwoSpirals;
import org.equivariant4j.nn.layer.MLP;
import org.junit.jupiter.api.Test;

/** The training state of side-by-side classifiers: each optimiser's state dict under its classifier's name, restored strictly. */
class ClassifierSetTrainingStateTest {

    @Test
    void eachClassifiersOptimiserStateIsNamedByItAndRestores() {
        ClassifierSet trained = set();
        trained.trainEpoch(0, StepListener.NONE, () -> false);
        Map<String, Tensor> state = trained.trainingState();
        assertThat(state).containsKeys("a.state.0.exp_avg", "a.state.0.step", "a.param_groups.lr", "b.state.0.exp_avg_sq");

        ClassifierSet fresh = set();
        fresh.loadTrainingState(state);
        assertThat(fresh.trainingState().get("b.state.0.exp_avg").toDoubleArray())
                .containsExactly(state.get("b.state.0.exp_avg").toDoubleArray());
    }

    @Test
    void stateOfNoClassifierOrMissingAClassifierIsRefused() {
        ClassifierSet trained = set();
        trained.trainEpoch(0, StepListener.NONE, () -> false);
        Map<String, Tensor> state = new LinkedHashMap<>(trained.trainingState());
        state.keySet().removeIf(k -> k.startsWith("b."));
        state.put("c.param_groups.lr", state.get("a.param_groups.lr"));
        assertThatThrownBy(() -> set().loadTrainingState(state)).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("entries of no optimiser [c.param_groups.lr]")
                .hasMessageContaining("no optimiser state for [b]").hasMessageContaining("optimisers: [a, b]");
    }

    private static ClassifierSet set() {
        Rng rng = new Rng(3);
        ClassifierSet set = new ClassifierSet(3, 16, TwoSpirals.generate(16, 1.0, 0.0, rng.split()));
        MLP a = new MLP(new int[] {2, 4, 2}, ReLU::new, rng.split());
        MLP b = new MLP(new int[] {2, 4, 2}, ReLU::new, rng.split());
        set.add("a", a, a::forward, 0.01, null);
        set.add("b", b, b::forward, 0.01, null);
        return set;
    }
}
