package org.equivariant4j.fields.enf.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.Se2BiInvariant;
import org.equivariant4j.fields.enf.field.EmbeddingKind;
import org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField;
import org.equivariant4j.fields.enf.field.LatentPointCloud;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.GradientCheckResult;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

class MetaAutoDecoderTest {
    private static final BiInvariant SE2 = new Se2BiInvariant();
    private static final int CONTEXT = 3;

    private static EquivariantCrossAttentionField smallField(long seed) {
        EquivariantCrossAttentionField field = EquivariantCrossAttentionField.builder(SE2, CONTEXT, 1).hidden(8).heads(2)
                .embedding(EmbeddingKind.FOURIER, 1.0, 0.5).window(0.8).rng(new Rng(seed)).build();
        field.to(DType.FLOAT64);
        return field;
    }

    /** A small float64 problem: one field fitted at 5 points and judged at 4 others, two latents. */
    private record Problem(Tensor x, Tensor y, Tensor xEval, Tensor yEval, Tensor poses, Tensor contexts,
            Tensor poseRates, Tensor contextRates) {

        static Problem make(long seed) {
            Rng rng = new Rng(seed);
            return new Problem(SE2.sampleCoordinates(rng, 5, DType.FLOAT64).reshape(1, 5, 2),
                    Tensors.randn(rng, DType.FLOAT64, 1, 5, 1),
                    SE2.sampleCoordinates(rng, 4, DType.FLOAT64).reshape(1, 4, 2),
                    Tensors.randn(rng, DType.FLOAT64, 1, 4, 1),
                    SE2.samplePoses(rng, 2, DType.FLOAT64).reshape(1, 2, 3),
                    Tensors.randn(rng, DType.FLOAT64, 1, 2, CONTEXT),
                    Tensors.of(new double[] {0.6, 0.4, 0.8}, DType.FLOAT64, 3),
                    Tensors.of(new double[] {2.0, 1.5, 2.5}, DType.FLOAT64, CONTEXT));
        }

        Tensor outerLoss(EquivariantCrossAttentionField field, Tensor[] in, MetaGradient mode) {
            LatentPointCloud fitted = MetaAutoDecoder.innerLoop(field, new LatentPointCloud(in[0], in[1]), in[2], in[3], x,
                    y, 2, mode);
            return MetaAutoDecoder.reconstructionLoss(field, xEval, yEval, fitted);
        }

        GradientCheck check(EquivariantCrossAttentionField field, MetaGradient mode) {
            return GradientCheck.of("outer loss through 2 inner steps, " + mode, in -> outerLoss(field, in, mode), poses,
                    contexts, poseRates, contextRates);
        }

        /** The meta-gradient in {@code mode}, every input's entries in one array. */
        double[] metaGradient(EquivariantCrossAttentionField field, MetaGradient mode) {
            Tensor[] leaves = {poses.detach().requiresGrad(true), contexts.detach().requiresGrad(true),
                    poseRates.detach().requiresGrad(true), contextRates.detach().requiresGrad(true)};
            java.util.List<Tensor> g = Tensor.grad(java.util.List.of(outerLoss(field, leaves, mode)),
                    java.util.List.of(leaves), false);
            return g.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.toDoubleArray())).toArray();
        }
    }

    @Test
    void secondOrderMetaGradientMatchesFiniteDifferencesThroughTheInnerLoop() {
        EquivariantCrossAttentionField field = smallField(1);
        Problem problem = Problem.make(2);
        problem.check(field, MetaGradient.SECOND_ORDER).assertCorrect();
        // The field's own parameters see the inner steps too (their effect on each inner gradient).
        for (String name : new String[] {"toQuery.weight", "valueMixer.second.weight"}) {
            ParameterGradientCheck.of(field, name, () -> MetaAutoDecoder.reconstructionLoss(field, problem.xEval(),
                    problem.yEval(), MetaAutoDecoder.innerLoop(field, new LatentPointCloud(problem.poses(),
                            problem.contexts()), problem.poseRates(), problem.contextRates(), problem.x(), problem.y(), 2,
                            MetaGradient.SECOND_ORDER))).entries(2).assertCorrect();
        }
    }

    /** The negative control of the check above: first-order MAML drops the curvature terms and fails it. */
    @Test
    void firstOrderMetaGradientFailsTheSameCheck() {
        EquivariantCrossAttentionField field = smallField(1);
        Problem problem = Problem.make(2);
        GradientCheckResult firstOrder = problem.check(field, MetaGradient.FIRST_ORDER).measure();
        assertThat(firstOrder.passed()).as(firstOrder.describe()).isFalse();
        // The difference, measured: relative distance of the first-order meta-gradient from the exact one.
        double[] exact = problem.metaGradient(field, MetaGradient.SECOND_ORDER);
        double[] approximate = problem.metaGradient(field, MetaGradient.FIRST_ORDER);
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            difference += (exact[i] - approximate[i]) * (exact[i] - approximate[i]);
            norm += exact[i] * exact[i];
        }
        double relative = Math.sqrt(difference / norm);
        System.out.printf("first-order vs second-order meta-gradient: relative difference %.3g%n", relative);
        assertThat(relative).as("first-order is a different gradient, not a rounding of the exact one").isGreaterThan(1e-3);
    }

    @Test
    void evaluationWithoutGradientsFitsTheSameLatentsDetached() {
        EquivariantCrossAttentionField field = smallField(3);
        Problem p = Problem.make(4);
        LatentPointCloud start = new LatentPointCloud(p.poses(), p.contexts());
        LatentPointCloud trained = MetaAutoDecoder.innerLoop(field, start, p.poseRates(), p.contextRates(), p.x(), p.y(), 3,
                MetaGradient.SECOND_ORDER);
        LatentPointCloud evaluated;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            evaluated = MetaAutoDecoder.innerLoop(field, start, p.poseRates(), p.contextRates(), p.x(), p.y(), 3,
                    MetaGradient.SECOND_ORDER);
        }
        assertThat(evaluated.poses().requiresGrad()).isFalse();
        assertThat(evaluated.contexts().requiresGrad()).isFalse();
        assertThat(evaluated.poses().toDoubleArray()).containsExactly(trained.poses().toDoubleArray(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(evaluated.contexts().toDoubleArray()).containsExactly(trained.contexts().toDoubleArray(),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void wrongTargetsAndStepSizesAreRefused() {
        EquivariantCrossAttentionField field = smallField(5);
        Problem p = Problem.make(6);
        LatentPointCloud start = new LatentPointCloud(p.poses(), p.contexts());
        assertThatThrownBy(() -> MetaAutoDecoder.innerLoop(field, start, p.poseRates(), p.contextRates(), p.x(),
                Tensors.zeros(DType.FLOAT64, 2, 5, 2), 1, MetaGradient.SECOND_ORDER))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("targets [B, Q, 1]")
                .hasMessageContaining("[2, 5, 2]");
        assertThatThrownBy(() -> MetaAutoDecoder.innerLoop(field, start, p.contextRates(), p.contextRates().narrow(0, 0, 2),
                p.x(), p.y(), 1, MetaGradient.SECOND_ORDER)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("step sizes [3] and [3]").hasMessageContaining("[2]");
    }

    @Test
    void learningRatesAreKeptInTheReferenceRange() {
        LatentInitialisation init = new LatentInitialisation(SE2, 4, 5, 1.0, 5.0, new Rng(7));
        init.poseLearningRates().assign(Tensors.of(new double[] {-1, 20, 0.5}, DType.FLOAT32, 3));
        init.clampLearningRates();
        assertThat(init.poseLearningRates().toDoubleArray()).containsExactly(new double[] {1e-6, 10, 0.5},
                org.assertj.core.data.Offset.offset(1e-9));
        LatentPointCloud start = init.expand(3);
        assertThat(start.poses().shape()).containsExactly(3, 4, 3);
        assertThat(start.contexts().shape()).containsExactly(3, 4, 5);
        assertThat(init.namedParameters().keySet()).containsExactly("poses", "contexts", "poseLearningRates",
                "contextLearningRates");
    }
}
