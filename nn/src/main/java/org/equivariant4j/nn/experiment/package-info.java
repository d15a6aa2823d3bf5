/**
 * Shared experiment plumbing for classifiers: several models trained side by side on the same batches
 * ({@link org.equivariant4j.nn.experiment.ClassifierSet}) and an experiment run evaluating them on named
 * test sets ({@link org.equivariant4j.nn.experiment.ClassifierRun}); used by the CLI's built-in experiments
 * and by the method modules' experiments.
 */
package org.equivariant4j.nn.experiment;
