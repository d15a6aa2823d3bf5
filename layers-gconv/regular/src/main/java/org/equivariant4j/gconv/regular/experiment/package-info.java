/**
 * The 2D experiment {@code gcnn-rotated-2d}: {@link org.equivariant4j.gconv.regular.experiment.GcnnRotated2dExperiment}
 * on {@link org.equivariant4j.gconv.regular.experiment.Pentominoes} with
 * {@link org.equivariant4j.gconv.regular.experiment.GroupCnn} models.
 */
package org.equivariant4j.gconv.regular.experiment;
