package org.equivariant4j.core.module;

import org.equivariant4j.core.tensor.Tensor;

/** A module that maps one tensor to one tensor: the unit {@code Sequential} composes. */
public abstract class UnaryModule extends Module {

    public abstract Tensor forward(Tensor input);
}
