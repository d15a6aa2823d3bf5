/**
 * Shared pieces of classification experiments, for every module that contributes one: {@link
 * org.equivariant4j.nn.experiment.ClassifierSet} (classifiers trained side by side on the same batches),
 * {@link org.equivariant4j.nn.experiment.ClassifierRun} (an {@code ExperimentRun} evaluating them on named test
 * sets), {@link org.equivariant4j.nn.experiment.ClassifierExperiment} (the template of an experiment built on
 * them: the shared options and the seeded set-up) and {@link org.equivariant4j.nn.experiment.GridSymmetry} (how a
 * finite group of grid symmetries moves the pixels of flattened images, for augmentation and rotated test sets).
 *
 * <p>Data-parallel training: {@link org.equivariant4j.nn.experiment.DataParallelExperiment} (an experiment whose
 * epochs a host's trainer can drive, with {@link org.equivariant4j.nn.experiment.TrainingReplica}s on the workers),
 * {@link org.equivariant4j.nn.experiment.DataParallelTraining} (the host's factory of that trainer) and
 * {@link org.equivariant4j.nn.experiment.EpochTrainer} (what trains a run's model one epoch at a time).
 */
package org.equivariant4j.nn.experiment;
