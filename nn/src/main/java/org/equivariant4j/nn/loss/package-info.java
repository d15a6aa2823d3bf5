/** Training objectives as {@link org.equivariant4j.nn.loss.Loss} values: cross-entropy, mean squared error, binary cross-entropy with logits. */
package org.equivariant4j.nn.loss;
