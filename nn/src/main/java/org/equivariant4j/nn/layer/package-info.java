/** Layers that map one tensor to one tensor: {@link org.equivariant4j.nn.layer.Linear}, {@link org.equivariant4j.nn.layer.MLP}, {@link org.equivariant4j.nn.layer.Sequential}, {@link org.equivariant4j.nn.layer.Dropout}. */
package org.equivariant4j.nn.layer;
