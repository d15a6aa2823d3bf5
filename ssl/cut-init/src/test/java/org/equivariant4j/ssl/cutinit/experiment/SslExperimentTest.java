package org.equivariant4j.ssl.cutinit.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.junit.jupiter.api.Test;

/**
 * SimCLR at toy size (128 images, three epochs of four steps): what the README's runs rest on, each as an inequality
 * with a margin a broken model fails. The norm-growth law itself is tested exactly in {@code NormGrowthTest}.
 */
class SslExperimentTest {
    private static final Map<String, String> TOY = Map.of("train-size", "128", "test-size", "64", "batch-size", "32",
            "width", "4", "projection", "16", "cuts", "1");

    @Test
    void simclrTrainsWithoutCollapseAndItsEmbeddingNormsGrow() {
        SslExperiment e = SslExperiment.simclr();
        ExperimentRun run = e.start(ExperimentConfig.resolve(e, TOY));
        Map<String, Double> init = run.evaluate();
        Map<String, Double> last = init;
        for (int epoch = 0; epoch < 3; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
            last = run.evaluate();
        }
        // Cosine training grows the norm (weight decay 1e-6 cannot undo it): by more than 10 % in 12 steps.
        assertThat(last.get("emb_norm.c1")).as("norm growth").isGreaterThan(1.1 * init.get("emb_norm.c1"));
        // Not collapsed: far above chance (1/12 = 8.3 %); a collapsed embedding votes one class for every query.
        assertThat(last.get("knn_acc.c1")).isGreaterThan(0.2);
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).get(0)).isEqualTo("c1");
    }

    @Test
    void theCutModelsStartFromTheSameWeightsDividedSoTheirNormsAreSmaller() {
        SslExperiment e = SslExperiment.simclr();
        Map<String, String> options = new java.util.HashMap<>(TOY);
        options.put("cuts", "1,3");
        Map<String, Double> init = e.start(ExperimentConfig.resolve(e, options)).evaluate();
        // Between 1/27 and about 1/3 of the plain norm (CutInitTest explains the range); same kNN (BN, ReLU: same directions).
        assertThat(init.get("emb_norm.c3")).isLessThan(init.get("emb_norm.c1") / 2);
        assertThat(init.get("knn_acc.c3")).isEqualTo(init.get("knn_acc.c1"));
    }

    @Test
    void byolAndSimSiamRunAVariantWithGradScale() {
        for (SslExperiment e : List.of(SslExperiment.byol(), SslExperiment.simsiam())) {
            ExperimentRun run = e.start(ExperimentConfig.resolve(e, Map.of("train-size", "64", "test-size", "32", "batch-size",
                    "32", "width", "2", "projection", "8", "cuts", "9", "grad-scale", "true")));
            Map<String, Double> train = run.trainEpoch(0, StepListener.NONE, () -> false).metrics();
            assertThat(train).containsOnlyKeys("train_loss.c9", "train_loss.gs");
            assertThat(train.values()).allSatisfy(v -> assertThat(v).isFinite());
            assertThat(run.evaluate()).containsOnlyKeys("knn_acc.c9", "knn_acc.gs", "emb_norm.c9", "emb_norm.gs");
        }
    }

    @Test
    void badCutsOrAMissingDataFolderAreRefusedClearly() {
        SslExperiment e = SslExperiment.simclr();
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("cuts", "1,0.5")))).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("cuts").hasMessageContaining("1,0.5");
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("cuts", "3,3")))).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("data", "/nonexistent-ssl-data"))))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("CIFAR-10").hasMessageContaining("IDX");
    }
}
