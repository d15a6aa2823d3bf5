package org.equivariant4j.nn.schedule;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} steps:
 * {@code lr(t) = baseLr * gamma^floor(t / stepSize)}, as PyTorch's {@code StepLR} (counted in steps).
 *
 * @param baseLearningRate the rate of step 0
 * @param stepSize         steps between decays
 * @param gamma            the factor applied at each decay
 */
public record StepDecay(double baseLearningRate, long stepSize, double gamma) implements LearningRateSchedule {

    public StepDecay {
        if (!(baseLearningRate >= 0) || Double.isInfinite(baseLearningRate)) {
            throw new InvalidArgumentException("StepDecay: base learning rate must be finite and >= 0, got " + baseLearningRate);
        }
        if (stepSize <= 0) {
            throw new InvalidArgumentException("StepDecay: step size must be positive, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new InvalidArgumentException("StepDecay: gamma must be in (0, 1], got " + gamma);
        }
    }

    @Override
    public double learningRate(long step) {
        if (step < 0) {
            throw new InvalidArgumentException("StepDecay: step must be >= 0, got " + step);
        }
        return baseLearningRate * Math.pow(gamma, step / stepSize);
    }
}
