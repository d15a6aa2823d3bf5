/**
 * The generic equivariant blocks as a plugin: {@link org.equivariant4j.nn.equivariant.plugin.EquivariantBlocksPlugin}
 * (id {@code nn-blocks}) registers one {@link org.equivariant4j.core.spi.LayerProvider} per block, found through
 * {@link java.util.ServiceLoader} like any third party's layers.
 */
package org.equivariant4j.nn.equivariant.plugin;
