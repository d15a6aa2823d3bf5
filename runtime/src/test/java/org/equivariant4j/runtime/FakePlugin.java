package org.equivariant4j.runtime;

import java.util.List;
import java.util.Set;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/** A configurable plugin for the runtime's own tests: declare anything, contribute anything. */
record FakePlugin(PluginDescriptor descriptor, List<GroupProvider> groupProviders, List<LayerProvider> layerProviders,
        List<Experiment> experiments) implements Plugin {

    static FakePlugin groups(String id, String... families) {
        return new FakePlugin(PluginDescriptor.of(id, "1.2.3", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS),
                List.of(families).stream().map(f -> (GroupProvider) new FakeFamily(f)).toList(), List.of(), List.of());
    }

    static FakePlugin experiments(String id, Experiment... experiments) {
        return new FakePlugin(PluginDescriptor.of(id, "2.0",
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.EXPERIMENTS), List.of(), List.of(),
                List.of(experiments));
    }

    static FakePlugin builtFor(String id, SpiVersion spi) {
        return new FakePlugin(new PluginDescriptor(id, "0.9", spi, Set.of(PluginFeature.GROUPS)), List.of(new FakeFamily("x")),
                List.of(), List.of());
    }

    static FakePlugin declaring(String id, Set<PluginFeature> features, boolean contributesGroups, boolean contributesLayers) {
        return declaring(id, features, contributesGroups, contributesLayers, false);
    }

    static FakePlugin declaring(String id, Set<PluginFeature> features, boolean contributesGroups, boolean contributesLayers,
            boolean contributesExperiments) {
        return new FakePlugin(new PluginDescriptor(id, "1.0", SpiVersion.CURRENT, features),
                contributesGroups ? List.of(new FakeFamily(id + "-family")) : List.of(),
                contributesLayers ? List.of(new FakeLayer(id + "-layer")) : List.of(),
                contributesExperiments ? List.of(new FakeExperiment(id + "-experiment")) : List.of());
    }

    /** A family that accepts names starting with its id and never needs to build a group in these tests. */
    record FakeFamily(String id) implements GroupProvider {
        @Override
        public String description() {
            return id + "<n>: a test family";
        }

        @Override
        public List<String> examples() {
            return List.of(id + "1");
        }

        @Override
        public boolean accepts(String name) {
            return name.startsWith(id);
        }

        @Override
        public Group create(String name) {
            throw new AssertionError("not needed in these tests: " + name);
        }
    }

    record FakeLayer(String id) implements LayerProvider {
        @Override
        public String description() {
            return "a test layer";
        }

        @Override
        public List<String> groups() {
            return List.of();
        }

        @Override
        public Module create(Group group, long seed) {
            throw new AssertionError("not needed in these tests");
        }
    }

    /** An experiment that is only ever listed in these tests, with the given options (by default just epochs). */
    record FakeExperiment(String id, List<OptionSpec> options) implements Experiment {
        FakeExperiment(String id) {
            this(id, List.of(StandardOptions.epochs(1)));
        }

        @Override
        public String description() {
            return "a test experiment";
        }

        @Override
        public ExperimentRun start(ExperimentConfig config) {
            throw new AssertionError("not needed in these tests");
        }
    }
}
