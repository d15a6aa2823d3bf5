/** The module's plugin: {@link org.equivariant4j.gconv.regular.plugin.GconvRegularPlugin}. */
package org.equivariant4j.gconv.regular.plugin;
