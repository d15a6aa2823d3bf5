package org.equivariant4j.ssl.cutinit.experiment;

import org.equivariant4j.nn.optim.SGD;
import org.equivariant4j.ssl.method.SslMethod;

/**
 * One model of a run: a name ({@code c1}, {@code c3}, {@code gs}), its cut-initialisation divisor, whether it uses
 * GradScale, the method instance and its optimiser.
 */
record Variant(String name, double cut, boolean gradScale, SslMethod method, SGD optimizer) {
}
