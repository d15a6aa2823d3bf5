/** Writing files so that a crash never leaves a half-written one. */
package org.equivariant4j.nn.io;
