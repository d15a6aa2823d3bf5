/** Finite-difference gradient checks for any op or module written against {@code Tensor}. */
package org.equivariant4j.testkit.gradient;
