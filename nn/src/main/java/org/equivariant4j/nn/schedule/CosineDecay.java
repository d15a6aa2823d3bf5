package org.equivariant4j.nn.schedule;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Half a cosine from {@code baseLr} down to {@code minLr} over {@code totalSteps}, then
 * {@code minLr}: {@code lr(t) = minLr + (baseLr - minLr) * (1 + cos(pi * t / totalSteps)) / 2},
 * as PyTorch's {@code CosineAnnealingLR} without restarts (Loshchilov and Hutter 2017).
 *
 * @param baseLearningRate    the rate of step 0
 * @param minimumLearningRate the rate from step {@code totalSteps} on
 * @param totalSteps          the length of the decay
 */
public record CosineDecay(double baseLearningRate, double minimumLearningRate, long totalSteps) implements LearningRateSchedule {

    public CosineDecay {
        if (!(minimumLearningRate >= 0 && minimumLearningRate <= baseLearningRate) || Double.isInfinite(baseLearningRate)) {
            throw new InvalidArgumentException("CosineDecay: need 0 <= minimum <= base (finite), got base " + baseLearningRate
                    + ", minimum " + minimumLearningRate);
        }
        if (totalSteps <= 0) {
            throw new InvalidArgumentException("CosineDecay: total steps must be positive, got " + totalSteps);
        }
    }

    @Override
    public double learningRate(long step) {
        if (step < 0) {
            throw new InvalidArgumentException("CosineDecay: step must be >= 0, got " + step);
        }
        if (step >= totalSteps) {
            return minimumLearningRate;
        }
        double progress = (double) step / totalSteps;
        return minimumLearningRate + (baseLearningRate - minimumLearningRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
