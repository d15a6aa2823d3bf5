package org.equivariant4j.fields.latentforce.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator against physics: the static field is minus the gradient of its potential (central differences),
 * total energy is conserved without clipping at a small step, and the pair law is attractive or repulsive as the
 * law says. A sign error in any force term breaks one of these.
 */
class FieldSystemSimulatorTest {

    private static FieldSystem system(InteractionLaw law) {
        return law == InteractionLaw.COULOMB ? FieldSystem.electrostatic() : FieldSystem.gravitational();
    }

    @ParameterizedTest
    @EnumSource(InteractionLaw.class)
    void theFieldIsMinusTheGradientOfItsPotential(InteractionLaw law) {
        FieldSystem sys = system(law);
        StaticSources sources = StaticSources.draw(sys, new Rng(3));
        Rng rng = new Rng(4);
        double h = 1e-5;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[sys.dims()];
            for (int d = 0; d < x.length; d++) {
                x[d] = rng.nextDouble(-2, 2);
            }
            double[] e = new double[sys.dims()];
            sources.field(x, 0, e, 0);
            for (int d = 0; d < x.length; d++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[d] += h;
                minus[d] -= h;
                double gradient = (sources.potential(plus, 0) - sources.potential(minus, 0)) / (2 * h);
                assertThat(e[d]).as("E_%d at trial %d", d, trial).isCloseTo(-gradient, within(1e-5 * (1 + Math.abs(gradient))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(InteractionLaw.class)
    void energyIsConservedWithoutClipping(InteractionLaw law) {
        FieldSystem sys = system(law).unclipped().withSteps(2000);
        FieldSystem fine = new FieldSystem(sys.name(), sys.law(), sys.dims(), sys.particles(), sys.sources(), sys.sourceStrength(),
                sys.signedSources(), sys.sourceBox(), sys.strength(), sys.locStd(), sys.velocityNorm(), 1e-4, 2000, 100, 0.0,
                0.5);
        FieldSystemSimulator simulator = new FieldSystemSimulator(fine, StaticSources.draw(fine, new Rng(5)));
        Trajectory t = simulator.simulate(new Rng(6));
        int stride = t.particles() * t.dims();
        double first = simulator.energy(java.util.Arrays.copyOfRange(t.positions(), 0, stride),
                java.util.Arrays.copyOfRange(t.velocities(), 0, stride), t.couplings());
        double last = simulator.energy(java.util.Arrays.copyOfRange(t.positions(), (t.frames() - 1) * stride, t.frames() * stride),
                java.util.Arrays.copyOfRange(t.velocities(), (t.frames() - 1) * stride, t.frames() * stride), t.couplings());
        // the leapfrog-style scheme stores positions and velocities half a step apart: the energy of a stored pair
        // carries an O(dt) offset, so the check is relative with a margin well below what a sign error gives (O(1))
        assertThat(Math.abs(last - first)).isLessThan(1e-2 * (1 + Math.abs(first)));
    }

    @Test
    void likeChargesRepelAndMassesAttract() {
        FieldSystem coulomb = new FieldSystem("two charges", InteractionLaw.COULOMB, 2, 2, 0, 1, true, 1, 1, 1, 0, 0.001, 100, 100,
                0, 0);
        FieldSystemSimulator s = new FieldSystemSimulator(coulomb, StaticSources.draw(coulomb, new Rng(1)));
        double[] a = new double[4];
        s.accelerations(new double[] {-1, 0, 1, 0}, new double[] {1, 1}, a);
        assertThat(a[0]).isNegative();
        assertThat(a[2]).isPositive();
        s.accelerations(new double[] {-1, 0, 1, 0}, new double[] {1, -1}, a);
        assertThat(a[0]).isPositive();
        FieldSystem gravity = new FieldSystem("two masses", InteractionLaw.GRAVITY, 2, 2, 0, 1, false, 1, 1, 1, 0, 0.001, 100, 100,
                0, 0);
        FieldSystemSimulator g = new FieldSystemSimulator(gravity, StaticSources.draw(gravity, new Rng(1)));
        g.accelerations(new double[] {-1, 0, 1, 0}, new double[] {1, 3}, a);
        assertThat(a[0]).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(a[2]).isCloseTo(-1.0 / 4, within(1e-12));
    }

    @Test
    void aStaticMassPullsAndASourceChargePushesALikeCharge() {
        FieldSystem gravity = FieldSystem.gravitational();
        StaticSources mass = StaticSources.draw(gravity, new Rng(2));
        double[] p = mass.position(0);
        double[] x = p.clone();
        x[0] += 1;
        double[] e = new double[3];
        mass.field(x, 0, e, 0);
        assertThat(e[0]).isNegative();
        FieldSystem electro = FieldSystem.electrostatic();
        StaticSources charges = StaticSources.draw(electro, new Rng(2));
        double[] q = charges.position(0);
        double[] y = {q[0] + 0.05, q[1]};
        double[] f = new double[2];
        charges.field(y, 0, f, 0);
        assertThat(Math.signum(f[0])).isEqualTo(Math.signum(charges.strength(0)));
    }

    @Test
    void datasetsAreAFunctionOfTheSeedAndShareTheirSources() {
        FieldSystem sys = FieldSystem.electrostatic().withSteps(400);
        FieldDataset a = FieldDataset.generate(sys, 9, 3, 0, 2);
        FieldDataset b = FieldDataset.generate(sys, 9, 5, 0, 2);
        FieldDataset c = FieldDataset.generate(sys, 10, 3, 0, 2);
        assertThat(a.sources().position(3)).containsExactly(b.sources().position(3));
        assertThat(a.test().get(1).positions()).containsExactly(b.test().get(1).positions());
        assertThat(a.train().get(2).positions()).containsExactly(b.train().get(2).positions());
        assertThat(a.sources().position(3)).isNotEqualTo(c.sources().position(3));
        assertThat(a.train().get(0).frames()).isEqualTo(4);
    }
}
