package org.equivariant4j.graph.conditioning.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.graph.conditioning.ConditioningFactory;
import org.equivariant4j.graph.conditioning.ConditioningMode;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.nbody.training.NBodyExperiment;
import org.equivariant4j.graph.message.RadialBasis;

import com.google.auto.service.AutoService;

/**
 * Contributes the N-body experiments of EGNN with conditioned message functions: {@code nbody-egnn-weak},
 * {@code nbody-egnn-strong}, {@code nbody-egnn-pure}: every piece of the edge MLPs is conditioned on the charge
 * product q_i q_j, the input distance |x_i − x_j|² (the other edge attribute) concatenated to its input, trained
 * and evaluated exactly as {@code nbody-egnn}. Conditioning multiplicatively on the squared distance too makes
 * the strong and pure models explode at initialisation (training MSE 1e12-1e14, README). The geometric ones,
 * {@code nbody-egnn-rbf-weak}, {@code -strong}, {@code -pure}, condition on a normalised radial basis of the input
 * distance ({@link #distanceBasis()}: values in [0, 1] summing to 1 per edge), the charge product and the squared
 * distance concatenated.
 */
@AutoService(Plugin.class)
public final class ConditioningPlugin implements Plugin {
    public static final String ID = "graph-conditioning";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(ConditioningPlugin.class, "conditioning"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.EXPERIMENTS);
    }

    /**
     * The basis of the {@code nbody-egnn-rbf-*} experiments: 8 centres on [0, 10] (pairwise distances at the input
     * frame: median 3.7, 99th percentile 9.1 on the training split of data seed 43).
     */
    public static RadialBasis distanceBasis() {
        return RadialBasis.of(8, 10.0);
    }

    /** The edge attribute columns holding the basis: 2 to K+1 (0 is q_i q_j, 1 the squared distance). */
    static int[] radialColumns() {
        return IntStream.range(2, 2 + distanceBasis().size()).toArray();
    }

    @Override
    public List<Experiment> experiments() {
        List<Experiment> out = new ArrayList<>();
        for (ConditioningMode mode : ConditioningMode.values()) {
            String name = mode.name().toLowerCase(Locale.ROOT);
            out.add(new NBodyExperiment("nbody-egnn-" + name, "EGNN, " + name + " conditioning",
                    (group, hidden, layers, rng) -> new EgnnNBodyModel(group, hidden, layers, ConditioningFactory.of(mode).conditionOn(0),
                            rng)));
        }
        for (ConditioningMode mode : ConditioningMode.values()) {
            String name = mode.name().toLowerCase(Locale.ROOT);
            out.add(new NBodyExperiment("nbody-egnn-rbf-" + name, "EGNN, " + name + " conditioning on a radial basis of the distance",
                    (group, hidden, layers, rng) -> new EgnnNBodyModel(group, hidden, layers,
                            ConditioningFactory.of(mode).conditionOn(radialColumns()), distanceBasis(), rng)));
        }
        return out;
    }
}
