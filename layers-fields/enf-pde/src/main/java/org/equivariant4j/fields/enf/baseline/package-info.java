/**
 * The grid baseline of the ENF experiments: a small residual CNN time-stepper on the full grid
 * ({@link org.equivariant4j.fields.enf.baseline.GridStepper}), trained on frame pairs and rolled out from the initial
 * frame by {@link org.equivariant4j.fields.enf.baseline.GridBaseline}, scored beside the persistence forecast.
 */
package org.equivariant4j.fields.enf.baseline;
