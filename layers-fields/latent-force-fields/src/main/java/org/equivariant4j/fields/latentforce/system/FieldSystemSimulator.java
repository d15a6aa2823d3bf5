package org.equivariant4j.fields.latentforce.system;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Simulates a {@link FieldSystem} among its {@link StaticSources} in plain Java doubles (data generation, not a
 * differentiable op), with the N-body generator's integrator: a first velocity kick, then per step a drift
 * {@code x += dt v}, a frame every {@code sampleEvery} steps, and a kick {@code v += dt a}.
 */
public final class FieldSystemSimulator {
    private final FieldSystem system;
    private final StaticSources sources;

    public FieldSystemSimulator(FieldSystem system, StaticSources sources) {
        if (sources.dims() != system.dims()) {
            throw new InvalidArgumentException("FieldSystemSimulator: sources in " + sources.dims() + " dimensions for a "
                    + system.dims() + "-dimensional system");
        }
        this.system = system;
        this.sources = sources;
    }

    public FieldSystem system() {
        return system;
    }

    public StaticSources sources() {
        return sources;
    }

    /** One trajectory drawn with {@code rng}: couplings, then positions, then velocities. */
    public Trajectory simulate(Rng rng) {
        int n = system.particles();
        int dims = system.dims();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = system.law() == InteractionLaw.COULOMB ? (rng.nextDouble() < 0.5 ? -1.0 : 1.0) : 1.0;
        }
        double[] x = new double[n * dims];
        double[] v = new double[n * dims];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian() * system.locStd();
        }
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                v[i * dims + d] = rng.nextGaussian();
                norm += v[i * dims + d] * v[i * dims + d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dims; d++) {
                v[i * dims + d] *= system.velocityNorm() / norm;
            }
        }
        int frames = system.frames();
        double[] positions = new double[frames * n * dims];
        double[] velocities = new double[frames * n * dims];
        double[] a = new double[n * dims];
        double dt = system.dt();
        accelerations(x, c, a);
        kick(v, a, dt);
        int saved = 0;
        for (int step = 1; step <= system.steps(); step++) {
            for (int k = 0; k < x.length; k++) {
                x[k] += dt * v[k];
            }
            if (step % system.sampleEvery() == 0 && saved < frames) {
                System.arraycopy(x, 0, positions, saved * n * dims, n * dims);
                System.arraycopy(v, 0, velocities, saved * n * dims, n * dims);
                saved++;
            }
            accelerations(x, c, a);
            kick(v, a, dt);
        }
        return new Trajectory(n, frames, dims, positions, velocities, c);
    }

    private static void kick(double[] v, double[] a, double dt) {
        for (int k = 0; k < v.length; k++) {
            v[k] += dt * a[k];
        }
    }

    /** The accelerations of all particles at positions {@code x}: pair law plus static field, clipped. */
    void accelerations(double[] x, double[] c, double[] out) {
        int n = c.length;
        int dims = system.dims();
        double eps2 = system.softening() * system.softening();
        InteractionLaw law = system.law();
        for (int i = 0; i < n; i++) {
            sources.field(x, i * dims, out, i * dims);
            double own = law.fieldFactor(c[i]);
            for (int d = 0; d < dims; d++) {
                out[i * dims + d] *= own;
            }
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double r2 = eps2;
                for (int d = 0; d < dims; d++) {
                    double t = x[i * dims + d] - x[j * dims + d];
                    r2 += t * t;
                }
                double size = system.strength() * law.pairFactor(c[i], c[j]) / (r2 * Math.sqrt(r2));
                for (int d = 0; d < dims; d++) {
                    out[i * dims + d] += size * (x[i * dims + d] - x[j * dims + d]);
                }
            }
            double max = system.maxAcceleration();
            if (max > 0) {
                for (int d = 0; d < dims; d++) {
                    out[i * dims + d] = Math.max(-max, Math.min(max, out[i * dims + d]));
                }
            }
        }
    }

    /**
     * The acceleration the static field alone gives a particle of coupling {@code coupling} at {@code x}, clipped as
     * in the simulation: the ground truth the learned field is compared with.
     */
    public double[] fieldAcceleration(double[] x, double coupling) {
        double[] out = new double[system.dims()];
        sources.field(x, 0, out, 0);
        double own = system.law().fieldFactor(coupling);
        double max = system.maxAcceleration();
        for (int d = 0; d < out.length; d++) {
            out[d] *= own;
            if (max > 0) {
                out[d] = Math.max(-max, Math.min(max, out[d]));
            }
        }
        return out;
    }

    /**
     * Total energy of a state (unit masses for charges, the couplings as masses for gravity): kinetic, pair and field
     * potential energy, for the conservation checks.
     */
    public double energy(double[] x, double[] v, double[] c) {
        int n = c.length;
        int dims = system.dims();
        double eps2 = system.softening() * system.softening();
        InteractionLaw law = system.law();
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double mass = law == InteractionLaw.COULOMB ? 1.0 : c[i];
            for (int d = 0; d < dims; d++) {
                energy += 0.5 * mass * v[i * dims + d] * v[i * dims + d];
            }
            energy += c[i] * sources.potential(x, i * dims);
            for (int j = i + 1; j < n; j++) {
                double r2 = eps2;
                for (int d = 0; d < dims; d++) {
                    double t = x[i * dims + d] - x[j * dims + d];
                    r2 += t * t;
                }
                double pair = law == InteractionLaw.COULOMB ? c[i] * c[j] : -c[i] * c[j];
                energy += system.strength() * pair / Math.sqrt(r2);
            }
        }
        return energy;
    }
}
