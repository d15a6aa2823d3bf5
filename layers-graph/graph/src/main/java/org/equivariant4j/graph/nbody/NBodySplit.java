package org.equivariant4j.graph.nbody;

import java.util.stream.IntStream;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Many trajectories of one split, stored compactly in float32: positions and velocities
 * {@code [sample][frame][particle][xyz]} and charges {@code [sample][particle]}. Trajectory k of split
 * s is drawn from its own seed (derived from the dataset seed, s and k), so a split is the same whether
 * it is generated sequentially or in parallel, and a smaller split is a prefix of a larger one.
 */
public record NBodySplit(int samples, int frames, int particles, float[] positions, float[] velocities, float[] charges) {

    public NBodySplit {
        int frameValues = samples * frames * particles * 3;
        if (positions.length != frameValues || velocities.length != frameValues || charges.length != samples * particles) {
            throw new InvalidArgumentException("NBodySplit: array lengths do not match " + samples + " samples x " + frames
                    + " frames x " + particles + " particles");
        }
    }

    /** {@code count} trajectories of split {@code split} (0 train, 1 validation, 2 test) of the dataset with {@code seed}. */
    public static NBodySplit simulate(NBodyConfig config, long seed, int split, int count) {
        ChargedParticleSimulator simulator = new ChargedParticleSimulator(config);
        int n = config.particles();
        int frames = config.frames();
        int stride = frames * n * 3;
        float[] positions = new float[count * stride];
        float[] velocities = new float[count * stride];
        float[] charges = new float[count * n];
        IntStream.range(0, count).parallel().forEach(k -> {
            NBodyTrajectory t = simulator.simulate(new Rng(trajectorySeed(seed, split, k)));
            for (int i = 0; i < stride; i++) {
                positions[k * stride + i] = (float) t.positions()[i];
                velocities[k * stride + i] = (float) t.velocities()[i];
            }
            for (int i = 0; i < n; i++) {
                charges[k * n + i] = (float) t.charges()[i];
            }
        });
        return new NBodySplit(count, frames, n, positions, velocities, charges);
    }

    static long trajectorySeed(long seed, int split, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (split + 1) * 0xBF58476D1CE4E5B9L + (index + 1) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first {@code count} samples. */
    public NBodySplit head(int count) {
        if (count > samples) {
            throw new InvalidArgumentException("NBodySplit: asked for " + count + " samples of " + samples);
        }
        int stride = frames * particles * 3;
        return new NBodySplit(count, frames, particles, java.util.Arrays.copyOf(positions, count * stride),
                java.util.Arrays.copyOf(velocities, count * stride), java.util.Arrays.copyOf(charges, count * particles));
    }

    /** Value {@code xyz} of particle {@code p} of sample {@code s} at {@code frame} in {@code data} (positions or velocities). */
    float at(float[] data, int s, int frame, int p, int xyz) {
        return data[((s * frames + frame) * particles + p) * 3 + xyz];
    }
}
