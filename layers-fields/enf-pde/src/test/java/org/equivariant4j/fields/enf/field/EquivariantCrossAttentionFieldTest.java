package org.equivariant4j.fields.enf.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.BiInvariants;
import org.equivariant4j.fields.enf.bi.Discrepancy;
import org.equivariant4j.fields.enf.bi.PoseMotion;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EquivariantCrossAttentionFieldTest {
    private static final BiInvariants REGISTRY = BiInvariants.load();
    private static final Tolerance FLOAT64 = Tolerance.defaultFor(DType.FLOAT64);
    private static final int BATCH = 2;
    private static final int QUERIES = 6;
    private static final int LATENTS = 3;
    private static final int CONTEXT = 4;
    private static final int MOTIONS = 8;

    static Stream<String> equivariantIds() {
        return REGISTRY.ids().stream().filter(id -> !id.equals("absolute"));
    }

    /** A small float64 field with frequencies high enough that the output varies over the domain. */
    static EquivariantCrossAttentionField field(BiInvariant bi, EmbeddingKind kind, long seed) {
        double query = kind == EmbeddingKind.FOURIER ? 1.0 : 3;
        double value = kind == EmbeddingKind.FOURIER ? 0.5 : 2;
        EquivariantCrossAttentionField f = EquivariantCrossAttentionField.builder(bi, CONTEXT, 2).hidden(8).heads(2)
                .embedding(kind, query, value).window(0.7).rng(new Rng(seed)).build();
        f.to(DType.FLOAT64);
        return f;
    }

    static LatentPointCloud latents(BiInvariant bi, Rng rng, int batch, int count) {
        Tensor poses = bi.samplePoses(rng, batch * count, DType.FLOAT64).reshape(batch, count, bi.poseDim());
        return new LatentPointCloud(poses, Tensors.randn(rng, DType.FLOAT64, batch, count, CONTEXT));
    }

    static Tensor coordinates(BiInvariant bi, Rng rng, int batch, int count) {
        return bi.sampleCoordinates(rng, batch * count, DType.FLOAT64).reshape(batch, count, bi.coordinateDim());
    }

    @ParameterizedTest
    @MethodSource("equivariantIds")
    void decodedFieldIsInvariantWhenQueriesAndLatentsMoveTogether(String id) {
        BiInvariant bi = REGISTRY.get(id);
        for (EmbeddingKind kind : EmbeddingKind.values()) {
            EquivariantCrossAttentionField field = field(bi, kind, 21);
            Rng rng = new Rng(22);
            Discrepancy worst = new Discrepancy(0, 0);
            Discrepancy latentsOnly = new Discrepancy(0, 0);
            for (int m = 0; m < MOTIONS; m++) {
                Tensor x = coordinates(bi, rng, BATCH, QUERIES);
                LatentPointCloud z = latents(bi, rng, BATCH, LATENTS);
                PoseMotion g = bi.sample(rng);
                LatentPointCloud moved = new LatentPointCloud(g.actOnPoses(z.poses()), z.contexts());
                Tensor f = field.forward(x, z);
                worst = worst.worst(Discrepancy.of(field.forward(g.actOnCoordinates(x), moved), f));
                latentsOnly = latentsOnly.worst(Discrepancy.of(field.forward(x, moved), f));
            }
            assertThat(worst.within(FLOAT64)).as("%s, %s over %d motions (seed 22): %s", field, kind, MOTIONS,
                    worst.describe(FLOAT64)).isTrue();
            // Not invariant for a trivial reason: moving the latents alone changes the field by far more.
            assertThat(latentsOnly.error()).as("%s, %s: latents moved alone", field, kind).isGreaterThan(1e-3);
        }
    }

    /** The negative control of the bound: the absolute-position field changes under plane motions. */
    @Test
    void absolutePositionFieldIsNotInvariant() {
        BiInvariant bi = REGISTRY.get("absolute");
        EquivariantCrossAttentionField field = field(bi, EmbeddingKind.FOURIER, 21);
        Rng rng = new Rng(23);
        Tensor x = coordinates(bi, rng, BATCH, QUERIES);
        LatentPointCloud z = latents(bi, rng, BATCH, LATENTS);
        PoseMotion g = bi.sample(rng);
        Tensor moved = field.forward(g.actOnCoordinates(x), new LatentPointCloud(g.actOnPoses(z.poses()), z.contexts()));
        Discrepancy d = Discrepancy.of(moved, field.forward(x, z));
        assertThat(d.within(FLOAT64)).as(d.describe(FLOAT64)).isFalse();
        assertThat(d.error()).isGreaterThan(1e-3);
    }

    @Test
    void outputShapeAndReferenceDefaults() {
        BiInvariant bi = REGISTRY.get("se2");
        EquivariantCrossAttentionField field = EquivariantCrossAttentionField.builder(bi, 16, 1).window(0.5)
                .rng(new Rng(1)).build();
        assertThat(field.hidden()).isEqualTo(64);
        assertThat(field.heads()).isEqualTo(2);
        Rng rng = new Rng(2);
        Tensor x = coordinates(bi, rng, 2, 7).to(DType.FLOAT32);
        Tensor poses = bi.samplePoses(rng, 8, DType.FLOAT32).reshape(2, 4, 3);
        Tensor out = field.forward(x, new LatentPointCloud(poses, Tensors.randn(rng, 2, 4, 16)));
        assertThat(out.shape()).containsExactly(2, 7, 1);
        assertThat(out.dtype()).isEqualTo(DType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("equivariantIds")
    void gradientsInContextsPosesAndCoordinatesMatchFiniteDifferences(String id) {
        BiInvariant bi = REGISTRY.get(id);
        EquivariantCrossAttentionField field = field(bi, EmbeddingKind.FOURIER, 31);
        Rng rng = new Rng(32);
        Tensor x = coordinates(bi, rng, 1, 3);
        LatentPointCloud z = latents(bi, rng, 1, 2);
        GradientCheck.of(id + " field", in -> field.forward(in[0], new LatentPointCloud(in[1], in[2])), x, z.poses(),
                z.contexts()).assertCorrect();
    }

    @Test
    void gradientsInParametersMatchFiniteDifferences() {
        BiInvariant bi = REGISTRY.get("se2");
        EquivariantCrossAttentionField field = field(bi, EmbeddingKind.POLYNOMIAL, 41);
        Rng rng = new Rng(42);
        Tensor x = coordinates(bi, rng, 1, 3);
        LatentPointCloud z = latents(bi, rng, 1, 2);
        // The first weight of every part: the gradient path through each part is checked once (biases are simpler).
        field.children().forEach((part, module) -> {
            String last = part + "." + module.namedParameters().keySet().stream().filter(n -> n.endsWith("weight"))
                    .findFirst().orElseThrow();
            ParameterGradientCheck.of(field, last, () -> field.forward(x, z)).entries(2).assertCorrect();
        });
    }

    @Test
    void wrongInputsAreRefusedByName() {
        BiInvariant bi = REGISTRY.get("se2");
        EquivariantCrossAttentionField field = field(bi, EmbeddingKind.FOURIER, 51);
        Rng rng = new Rng(52);
        Tensor x = coordinates(bi, rng, BATCH, QUERIES);
        LatentPointCloud z = latents(bi, rng, BATCH, LATENTS);
        assertThatThrownBy(() -> field.forward(coordinates(bi, rng, BATCH + 1, QUERIES), z))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("EquivariantCrossAttentionField(se2")
                .hasMessageContaining("expected coordinates [" + BATCH + ", Q, 2]")
                .hasMessageContaining("[" + (BATCH + 1) + ", " + QUERIES + ", 2]");
        LatentPointCloud wrongContext = new LatentPointCloud(z.poses(), Tensors.zeros(DType.FLOAT64, BATCH, LATENTS, 5));
        assertThatThrownBy(() -> field.forward(x, wrongContext)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("contexts [B, L, " + CONTEXT + "]").hasMessageContaining("contexts [2, 3, 5]");
        LatentPointCloud positionsOnly = new LatentPointCloud(z.poses().narrow(-1, 0, 2), z.contexts());
        assertThatThrownBy(() -> field.forward(x, positionsOnly)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("poses [B, L, 3]");
        assertThatThrownBy(() -> field.forward(x.to(DType.FLOAT32), z)).isInstanceOf(DTypeMismatchException.class);
        assertThatThrownBy(() -> new LatentPointCloud(z.poses(), Tensors.zeros(DType.FLOAT64, BATCH, LATENTS + 1, 4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("LatentPointCloud")
                .hasMessageContaining("[2, 4, 4]");
        assertThatThrownBy(() -> EquivariantCrossAttentionField.builder(bi, 4, 1).rng(new Rng(0)).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void polynomialFeaturesListEveryMonomialOnce() {
        PolynomialFeatures features = new PolynomialFeatures(2, 3);
        assertThat(features.outFeatures()).isEqualTo(9);                   // C(2 + 3, 3) - 1
        Tensor x = Tensors.of(new double[] {2, 3}, DType.FLOAT64, 1, 2);
        assertThat(features.forward(x).toDoubleArray()).containsExactly(2, 3, 4, 6, 9, 8, 12, 18, 27);
        assertThat(new PolynomialFeatures(4, 2).outFeatures()).isEqualTo(14);
        assertThatThrownBy(() -> features.forward(Tensors.zeros(DType.FLOAT64, 1, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[..., 2]");
    }

    @Test
    void embeddingsKeepLeadingDimensions() {
        Rng rng = new Rng(61);
        for (EmbeddingKind kind : EmbeddingKind.values()) {
            InvariantEmbedding e = new InvariantEmbedding(kind, 3, 8, 5, kind == EmbeddingKind.FOURIER ? 1 : 2, rng);
            assertThat(e.forward(Tensors.randn(rng, 2, 4, 6, 3)).shape()).containsExactly(2, 4, 6, 5);
        }
        assertThatThrownBy(() -> new InvariantEmbedding(EmbeddingKind.FOURIER, 3, 7, 5, 1, rng))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> new InvariantEmbedding(EmbeddingKind.POLYNOMIAL, 3, 8, 5, 1.5, rng))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("degree");
    }
}
