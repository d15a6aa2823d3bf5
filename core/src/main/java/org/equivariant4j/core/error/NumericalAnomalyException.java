package org.equivariant4j.core.error;

/** Anomaly mode saw an op produce NaN or Inf; the message names the first such op and its input shapes. */
public class NumericalAnomalyException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public NumericalAnomalyException(String message) {
        super(message);
    }
}
