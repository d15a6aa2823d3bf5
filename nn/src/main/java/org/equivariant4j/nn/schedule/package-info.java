/**
 * Learning-rate schedules as pure functions of the step: {@link org.equivariant4j.nn.schedule.StepDecay},
 * {@link org.equivariant4j.nn.schedule.CosineDecay}, and {@link org.equivariant4j.nn.schedule.LinearWarmup} in front of either; and
 * {@link org.equivariant4j.nn.schedule.ScheduledLearningRate}, which binds one to an optimiser and saves its position.
 */
package org.equivariant4j.nn.schedule;
