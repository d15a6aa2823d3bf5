package org.equivariant4j.gconv.ccnn.kernel;

import org.equivariant4j.core.tensor.Rng;

/**
 * Draws from the Gamma distribution (shape k, rate β) with a seeded {@link Rng}: Marsaglia and
 * Tsang's squeeze method for k >= 1, and for k < 1 the boost {@code Gamma(k) = Gamma(k + 1) U^{1/k}}.
 */
final class GammaSampler {
    private GammaSampler() {
    }

    static double sample(Rng rng, double shape, double rate) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return sample(rng, shape + 1, rate) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }
}
