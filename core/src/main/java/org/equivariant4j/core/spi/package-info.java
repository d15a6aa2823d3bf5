/**
 * The plugin SPI: {@link org.equivariant4j.core.spi.Plugin} and what it contributes. No Guice here:
 * discovery, the version handshake and wiring live in the {@code runtime} module.
 */
package org.equivariant4j.core.spi;
