package org.equivariant4j.graph.nbody;

import org.equivariant4j.core.tensor.Rng;

/**
 * Simulates one trajectory of the {@link NBodyConfig charged-particle system} in plain Java doubles
 * (data generation, not a differentiable op): the reference generator's integrator step for step —
 * a first velocity kick, then for each step a drift {@code x += dt v}, a saved frame every
 * {@code sampleEvery} steps, the force and a kick {@code v += dt F}. As in the reference, walls only
 * reflect the initial positions; the trajectory itself is free.
 */
public final class ChargedParticleSimulator {
    private static final int DIM = 3;
    private final NBodyConfig config;

    public ChargedParticleSimulator(NBodyConfig config) {
        this.config = config;
    }

    public NBodyConfig config() {
        return config;
    }

    /** One trajectory drawn with {@code rng}. */
    public NBodyTrajectory simulate(Rng rng) {
        int n = config.particles();
        double[] charges = new double[n];
        for (int i = 0; i < n; i++) {
            charges[i] = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
        }
        double[] x = new double[n * DIM];
        double[] v = new double[n * DIM];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian() * config.locStd();
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(v[i * DIM] * v[i * DIM] + v[i * DIM + 1] * v[i * DIM + 1] + v[i * DIM + 2] * v[i * DIM + 2]);
            for (int d = 0; d < DIM; d++) {
                v[i * DIM + d] *= config.velocityNorm() / norm;
            }
        }
        reflectIntoBox(x, v);

        int frames = config.frames();
        double[] positions = new double[frames * n * DIM];
        double[] velocities = new double[frames * n * DIM];
        double[] force = new double[n * DIM];
        double dt = config.dt();
        forces(x, charges, force);
        kick(v, force, dt);
        int saved = 0;
        for (int step = 1; step < config.steps(); step++) {
            for (int k = 0; k < x.length; k++) {
                x[k] += dt * v[k];
            }
            if (step % config.sampleEvery() == 0) {
                System.arraycopy(x, 0, positions, saved * n * DIM, n * DIM);
                System.arraycopy(v, 0, velocities, saved * n * DIM, n * DIM);
                saved++;
            }
            forces(x, charges, force);
            kick(v, force, dt);
        }
        return new NBodyTrajectory(n, frames, positions, velocities, charges);
    }

    private static void kick(double[] v, double[] force, double dt) {
        for (int k = 0; k < v.length; k++) {
            v[k] += dt * force[k];
        }
    }

    /** Coulomb-like forces with like charges repelling, each component clipped to ±maxForce. */
    void forces(double[] x, double[] charges, double[] out) {
        int n = charges.length;
        double max = config.maxForce();
        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            double fz = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double dx = x[i * DIM] - x[j * DIM];
                double dy = x[i * DIM + 1] - x[j * DIM + 1];
                double dz = x[i * DIM + 2] - x[j * DIM + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                double size = config.strength() * charges[i] * charges[j] / (r2 * Math.sqrt(r2));
                fx += size * dx;
                fy += size * dy;
                fz += size * dz;
            }
            out[i * DIM] = clip(fx, max);
            out[i * DIM + 1] = clip(fy, max);
            out[i * DIM + 2] = clip(fz, max);
        }
    }

    private static double clip(double f, double max) {
        return Math.max(-max, Math.min(max, f));
    }

    /** Elastic reflection at the walls of [-box, box]: position mirrored, velocity pointed back inside. */
    private void reflectIntoBox(double[] x, double[] v) {
        double box = config.boxSize();
        for (int k = 0; k < x.length; k++) {
            if (x[k] > box) {
                x[k] = 2 * box - x[k];
                v[k] = -Math.abs(v[k]);
            } else if (x[k] < -box) {
                x[k] = -2 * box - x[k];
                v[k] = Math.abs(v[k]);
            }
        }
    }

    /** Total energy {@code Σ |v|²/2 + Σ_{i<j} strength q_i q_j / r_ij} of a state (for checks). */
    public double energy(double[] x, double[] v, double[] charges) {
        int n = charges.length;
        double kinetic = 0;
        for (double c : v) {
            kinetic += 0.5 * c * c;
        }
        double potential = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int d = 0; d < DIM; d++) {
                    double t = x[i * DIM + d] - x[j * DIM + d];
                    r2 += t * t;
                }
                potential += config.strength() * charges[i] * charges[j] / Math.sqrt(r2);
            }
        }
        return kinetic + potential;
    }
}
