package org.equivariant4j.fields.latentforce.system;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * The trajectories of one {@link FieldSystem} for training, validation and test, all moving among the same
 * {@link StaticSources}: a function of the data seed alone. The sources are drawn first, then each split's
 * trajectories from a stream of its own, so that asking for more training trajectories changes neither the
 * field nor the test set. Generated in memory (a 5,000-step trajectory of 5 particles among 20 sources takes
 * about a millisecond), so no cache is kept.
 */
public final class FieldDataset {
    private final FieldSystemSimulator simulator;
    private final List<Trajectory> train;
    private final List<Trajectory> valid;
    private final List<Trajectory> test;
    private final long dataSeed;

    private FieldDataset(FieldSystemSimulator simulator, List<Trajectory> train, List<Trajectory> valid, List<Trajectory> test,
            long dataSeed) {
        this.simulator = simulator;
        this.train = train;
        this.valid = valid;
        this.test = test;
        this.dataSeed = dataSeed;
    }

    /** Simulates the splits; sizes are numbers of trajectories (validation may be 0). */
    public static FieldDataset generate(FieldSystem system, long dataSeed, int trainSize, int validSize, int testSize) {
        if (trainSize < 1 || validSize < 0 || testSize < 1) {
            throw new InvalidArgumentException("FieldDataset: needs at least one training and one test trajectory, got train "
                    + trainSize + ", valid " + validSize + ", test " + testSize);
        }
        Rng root = new Rng(dataSeed);
        StaticSources sources = StaticSources.draw(system, new Rng(root.nextLong()));
        FieldSystemSimulator simulator = new FieldSystemSimulator(system, sources);
        Rng trainRng = new Rng(root.nextLong());
        Rng validRng = new Rng(root.nextLong());
        Rng testRng = new Rng(root.nextLong());
        return new FieldDataset(simulator, simulate(simulator, trainRng, trainSize), simulate(simulator, validRng, validSize),
                simulate(simulator, testRng, testSize), dataSeed);
    }

    private static List<Trajectory> simulate(FieldSystemSimulator simulator, Rng rng, int count) {
        List<Trajectory> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(simulator.simulate(rng));
        }
        return List.copyOf(out);
    }

    public FieldSystem system() {
        return simulator.system();
    }

    public FieldSystemSimulator simulator() {
        return simulator;
    }

    public StaticSources sources() {
        return simulator.sources();
    }

    public List<Trajectory> train() {
        return train;
    }

    public List<Trajectory> valid() {
        return valid;
    }

    public List<Trajectory> test() {
        return test;
    }

    public long dataSeed() {
        return dataSeed;
    }
}
