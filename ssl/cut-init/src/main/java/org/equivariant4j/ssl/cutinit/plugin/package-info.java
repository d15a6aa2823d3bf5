/** The plugin that contributes the SSL cut-initialisation experiments. */
package org.equivariant4j.ssl.cutinit.plugin;
