package org.equivariant4j.gconv.weightsharing.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.StepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ws-labels}: the paper's settings are its defaults, and the tied comparison network stays exactly C4. */
class LabelledSettingTest {

    @Test
    void defaultsAreThePapersSetting() {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.labels();
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of());
        assertThat(c.stringValue("task")).isEqualTo("labels");
        assertThat(c.intValue("layers")).isEqualTo(4);
        assertThat(c.intValue("kernel")).isEqualTo(5);
        assertThat(c.intValue("channels")).isEqualTo(32);
        assertThat(c.intValue("batch-size")).isEqualTo(64);
        assertThat(c.doubleValue("lr")).isEqualTo(0.01);
        assertThat(c.doubleValue("lr-scores")).isEqualTo(0.01);
        assertThat(c.doubleValue("norm-penalty")).isEqualTo(0.1);
        assertThat(c.booleanValue("layer-norm")).isTrue();
        assertThat(c.stringValue("spatial-pool")).isEqualTo("mean");
        assertThat(c.stringValue("group-pool")).isEqualTo("mean");
        assertThat(c.stringValue("poses")).isEqualTo("C4");
    }

    @Test
    void theTiedNetworkIsAC4GCnnThroughoutTraining(@TempDir Path dir) {
        SymmetryDiscoveryExperiment e = SymmetryDiscoveryExperiment.labels();
        Map<String, String> o = new HashMap<>(Map.of("channels", "2", "layers", "2", "kernel", "3", "size", "11",
                "train-size", "128", "test-size", "64", "batch-size", "32", "sharing", "c4"));
        o.put("figure", dir.resolve("m.png").toString());
        DiscoveryRun run = (DiscoveryRun) e.start(ExperimentConfig.resolve(e, o));
        run.trainEpoch(0, StepListener.NONE, () -> false);
        Map<String, Double> m = run.evaluate();
        assertThat(m.get("c4_matched_max")).isEqualTo(0.0);
        for (var layer : run.network().weightSharingLayers()) {
            assertThat(layer.distanceToGroup()).as("%s", layer).isEqualTo(0.0);
        }
    }
}
