/** The module's {@link org.equivariant4j.core.spi.Plugin}: the ENF forecasting experiments for {@code eq4j run}. */
package org.equivariant4j.fields.enf.plugin;
