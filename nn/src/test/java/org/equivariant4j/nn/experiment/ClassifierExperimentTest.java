package org.equivariant4j.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The classifier-experiment template: shared options first with the experiment's defaults, one stream seeded by --seed. */
class ClassifierExperimentTest {

    /** Records the first draw of the stream it is given instead of building a run. */
    private static final class Probe extends ClassifierExperiment {
        long firstDraw;

        Probe() {
            super("probe", "a probe", new Defaults(7, 16, 300, 100));
        }

        @Override
        protected List<OptionSpec> experimentOptions() {
            return List.of(OptionSpec.ofInt("width", 4, "hidden width", 1, 64), learningRate(2e-3));
        }

        @Override
        protected ClassifierRun prepare(ExperimentConfig config, Rng rng) {
            firstDraw = rng.nextLong();
            return null;
        }
    }

    @Test
    void sharedOptionsComeFirstWithTheExperimentsDefaultsThenItsOwn() {
        List<OptionSpec> options = new Probe().options();
        assertThat(options).extracting(OptionSpec::name)
                .containsExactly("epochs", "batch-size", "seed", "train-size", "test-size", "width", "lr");
        assertThat(options).extracting(OptionSpec::defaultValue).containsExactly(7, 16, 1, 300, 100, 4, 2e-3);
    }

    @Test
    void theStreamIsSeededBySeedOption() {
        Probe probe = new Probe();
        probe.start(ExperimentConfig.resolve(probe, Map.of("seed", "5")));
        assertThat(probe.firstDraw).isEqualTo(new Rng(5).nextLong());
        probe.start(ExperimentConfig.resolve(probe, Map.of("seed", "6")));
        assertThat(probe.firstDraw).isNotEqualTo(new Rng(5).nextLong());
    }
}
