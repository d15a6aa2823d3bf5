package org.equivariant4j.ssl.cutinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.ssl.method.MlpHead;
import org.equivariant4j.ssl.method.SimClr;
import org.equivariant4j.ssl.monitor.EmbeddingNorms;
import org.junit.jupiter.api.Test;

class CutInitTest {

    private static SimClr model() {
        return new SimClr(new SmallCnn(1, 2, new Rng(1)), new MlpHead(8, 8, 4, false, new Rng(2)), 0.5, UnaryOperator.identity());
    }

    @Test
    void allDividesEveryParameterAndNoBuffer() {
        SimClr m = model();
        Map<String, Tensor> before = m.stateDict();
        assertThat(CutInit.cutInit(m, 3, CutScope.ALL)).containsExactlyElementsOf(m.namedParameters().keySet());
        Map<String, Tensor> after = m.stateDict();
        for (String name : before.keySet()) {
            double[] b = before.get(name).toDoubleArray();
            double[] a = after.get(name).toDoubleArray();
            boolean parameter = m.namedParameters().containsKey(name);
            for (int i = 0; i < b.length; i++) {
                assertThat(a[i]).as("%s[%d]", name, i).isCloseTo(parameter ? b[i] / 3 : b[i], within(1e-7));
            }
        }
    }

    @Test
    void lastDividesOnlyTheOutputLayer() {
        SimClr m = model();
        Map<String, Tensor> before = m.stateDict();
        assertThat(CutInit.cutInit(m, 9, CutScope.LAST)).containsExactly("projector.2.weight", "projector.2.bias");
        Map<String, Tensor> after = m.stateDict();
        assertThat(after.get("projector.2.weight").toDoubleArray()[0])
                .isCloseTo(before.get("projector.2.weight").toDoubleArray()[0] / 9, within(1e-7));
        assertThat(after.get("projector.0.weight").toDoubleArray()).containsExactly(before.get("projector.0.weight").toDoubleArray());
    }

    @Test
    void cuttingShrinksTheEmbeddingsTheCosineSees() {
        Tensor x = Tensors.randn(new Rng(3), DType.FLOAT32, 8, 1, 8, 8);
        SimClr plain = model();
        SimClr cut = model();
        CutInit.cutInit(cut, 3, CutScope.ALL);
        double ratio = EmbeddingNorms.mean(cut.cosineInputs(x)) / EmbeddingNorms.mean(plain.cosineInputs(x));
        // BN renormalises after each convolution, so the last BN's affine map divides the features by exactly 3; each
        // linear layer then divides its bias by 3 and its weight term by 3 more. Between 1/27 (weights dominate) and
        // about 1/3 (biases dominate); a cut that missed a layer group would leave the ratio near 1.
        assertThat(ratio).isLessThan(0.5);
        assertThat(CutInit.cutInit(model(), 1, CutScope.ALL)).isNotEmpty();
    }

    @Test
    void aDivisorBelowOneIsRefused() {
        assertThatThrownBy(() -> CutInit.cutInit(model(), 0.5, CutScope.ALL)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("c >= 1").hasMessageContaining("0.5");
        assertThatThrownBy(() -> CutScope.of("first")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'last'");
    }
}
