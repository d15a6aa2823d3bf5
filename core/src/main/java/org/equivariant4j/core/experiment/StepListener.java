package org.equivariant4j.core.experiment;

/** Told after every optimisation step of {@link ExperimentRun#trainEpoch}; called on the training thread. */
@FunctionalInterface
public interface StepListener {

    /** A listener that ignores every step. */
    StepListener NONE = step -> { };

    void onStep(StepProgress step);
}
