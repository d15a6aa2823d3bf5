package org.equivariant4j.nn.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.Dropout;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.layer.Sequential;
import org.equivariant4j.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

/** core's {@link Module} and {@link Parameter}, tested here because they need a backend and real layers. */
class ModuleTest {

    private static Sequential model(long seed) {
        return new Sequential(new MLP(new int[] {3, 4, 2}, ReLU::new, new Rng(seed)), new BatchNorm(2), new Dropout(0.5, new Rng(seed)));
    }

    @Test
    void namesEveryParameterAndBufferByItsDottedPath() {
        Sequential m = model(1);
        assertThat(m.namedParameters().keySet()).containsExactly("0.layers.0.weight", "0.layers.0.bias", "0.layers.2.weight",
                "0.layers.2.bias", "1.weight", "1.bias");
        assertThat(m.stateDict().keySet()).containsExactly("0.layers.0.weight", "0.layers.0.bias", "0.layers.2.weight",
                "0.layers.2.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked");
        assertThat(m.parameterCount()).isEqualTo(3 * 4 + 4 + 4 * 2 + 2 + 2 + 2);
        assertThat(m.children()).containsOnlyKeys("0", "1", "2");
    }

    @Test
    void aStateDictRoundTripReproducesTheModel() {
        Sequential a = model(1);
        a.forward(Tensors.randn(new Rng(5), 8, 3));
        Sequential b = model(2);
        b.loadStateDict(a.stateDict());
        a.eval();
        b.eval();
        Tensor x = Tensors.randn(new Rng(6), 4, 3);
        assertThat(b.forward(x).toFloatArray()).containsExactly(a.forward(x).toFloatArray());
        assertThat(b.stateDict().get("1.running_mean").toFloatArray()).containsExactly(a.stateDict().get("1.running_mean")
                .toFloatArray());
        assertThat(b.stateDict().get("1.num_batches_tracked").item()).isEqualTo(1);
    }

    @Test
    void loadingKeepsParameterHoldersSoOptimisersStayValid() {
        Sequential a = model(1);
        List<Parameter> before = a.parameters();
        a.loadStateDict(model(2).stateDict());
        assertThat(a.parameters()).containsExactlyElementsOf(before);
        assertThat(before.get(0).value().requiresGrad()).isTrue();
        assertThat(before.get(0).value().isLeaf()).isTrue();
    }

    @Test
    void strictLoadingListsEveryMissingUnexpectedAndMisshapenNameAndChangesNothing() {
        Sequential m = model(1);
        Map<String, Tensor> state = new LinkedHashMap<>(model(2).stateDict());
        state.remove("1.bias");
        state.remove("0.layers.0.bias");
        state.put("2.weight", Tensors.ones(2));
        state.put("0.layers.2.weight", Tensors.zeros(2, 5));
        float[] before = m.stateDict().get("0.layers.0.weight").toFloatArray();
        assertThatThrownBy(() -> m.loadStateDict(state)).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("missing [0.layers.0.bias, 1.bias]")
                .hasMessageContaining("unexpected [2.weight]")
                .hasMessageContaining("0.layers.2.weight: expected shape [2, 4] but was [2, 5]");
        assertThat(m.stateDict().get("0.layers.0.weight").toFloatArray()).containsExactly(before);
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Sequential m = model(1);
        MLP mlp = (MLP) m.layers().get(0);
        assertThat(mlp.layers().layers().get(0).isTraining()).isTrue();
        m.eval();
        assertThat(m.isTraining()).isFalse();
        assertThat(mlp.layers().layers().get(0).isTraining()).isFalse();
        assertThat(m.layers().get(2).isTraining()).isFalse();
        Tensor x = Tensors.randn(new Rng(3), 4, 3);
        assertThat(m.forward(x).toFloatArray()).as("dropout off, running statistics used").containsExactly(m.forward(x).toFloatArray());
        m.train();
        assertThat(m.layers().get(1).isTraining()).isTrue();
    }

    @Test
    void toFloat64ConvertsFloatingParametersAndBuffersOnly() {
        Sequential m = model(1);
        List<Parameter> holders = m.parameters();
        float[] weight = holders.get(0).value().toFloatArray();
        m.to(DType.FLOAT64);
        assertThat(m.parameters()).containsExactlyElementsOf(holders);
        assertThat(m.stateDict()).allSatisfy((name, t) -> assertThat(t.dtype()).as(name)
                .isEqualTo(name.endsWith("num_batches_tracked") ? DType.INT64 : DType.FLOAT64));
        double[] converted = holders.get(0).value().toDoubleArray();
        for (int i = 0; i < weight.length; i++) {
            assertThat(converted[i]).isEqualTo(weight[i]);
        }
        assertThat(holders.get(0).value().requiresGrad()).isTrue();
        Tensor out = m.forward(Tensors.randn(new Rng(4), DType.FLOAT64, 5, 3));
        assertThat(out.dtype()).isEqualTo(DType.FLOAT64);
        out.sum().backward();
        assertThat(holders.get(0).grad().dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Linear layer = new Linear(2, 2, new Rng(1));
        layer.forward(Tensors.ones(1, 2)).sum().backward();
        assertThat(layer.weight().grad()).isNotNull();
        layer.zeroGrad();
        assertThat(layer.parameters()).allSatisfy(p -> assertThat(p.grad()).isNull());
    }

    @Test
    void gradientsAccumulateUntilCleared() {
        Linear layer = Linear.builder(1, 1).bias(false).dtype(DType.FLOAT64).rng(new Rng(1)).build();
        Tensor x = Tensors.of(new double[] {3}, DType.FLOAT64, 1, 1);
        layer.forward(x).sum().backward();
        layer.forward(x).sum().backward();
        assertThat(layer.weight().grad().item()).isCloseTo(6, within(1e-12));
    }

    @Test
    void parameterSetRefusesAnotherShape() {
        Parameter p = new Parameter(Tensors.zeros(2, 3));
        assertThatThrownBy(() -> p.set(Tensors.zeros(3, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Parameter.set: expected shape [2, 3] but was [3, 2]");
        assertThat(p).hasToString("Parameter[2, 3] FLOAT32");
    }

    @Test
    void registrationRefusesDuplicateAndDottedNames() {
        class Twice extends UnaryModule {
            Twice(String second) {
                registerParameter("w", Tensors.zeros(1));
                registerParameter(second, Tensors.zeros(1));
            }

            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        }
        assertThatThrownBy(() -> new Twice("w")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'w' is registered twice");
        assertThatThrownBy(() -> new Twice("a.b")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("without '.'");
    }
}
