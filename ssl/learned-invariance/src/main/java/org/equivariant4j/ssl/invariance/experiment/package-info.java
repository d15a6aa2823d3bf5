/**
 * The experiment {@code learned-invariance}: a non-tied CNN trained plainly, with orbit augmentation, and with
 * augmentation plus the invariance regulariser, beside weight-tied C4 and D4 G-CNNs, measured with the package's
 * metrics in distribution, under input distribution shifts, and for input sensitivity ("spectral decay").
 */
package org.equivariant4j.ssl.invariance.experiment;
