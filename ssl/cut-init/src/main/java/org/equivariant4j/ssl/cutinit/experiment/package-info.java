/**
 * The experiments {@code ssl-simclr}, {@code ssl-byol} and {@code ssl-simsiam}: one method trained with several
 * cut-initialisation divisors (and optionally GradScale) side by side on the same views, kNN accuracy and embedding
 * norms per epoch.
 */
package org.equivariant4j.ssl.cutinit.experiment;
