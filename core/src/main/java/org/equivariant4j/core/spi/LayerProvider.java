package org.equivariant4j.core.spi;

import java.util.List;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;

/**
 * Makes one kind of layer for the groups it supports, so tools (the test kit, {@code eq4j check})
 * can build and exercise every registered layer without knowing its class.
 */
public interface LayerProvider {

    /** Layer id, unique across all plugins, e.g. {@code "equivariant-linear"}. */
    String id();

    /** One line for listings. */
    String description();

    /** Canonical names of groups this layer is offered for by default (tools may try others). */
    List<String> groups();

    /** A small instance of the layer for {@code group}, initialised from {@code seed}. */
    Module create(Group group, long seed);
}
