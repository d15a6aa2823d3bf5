/** Evaluation metrics computed without recording a graph. */
package org.equivariant4j.nn.metric;
