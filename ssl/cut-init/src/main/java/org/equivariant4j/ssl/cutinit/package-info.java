/**
 * The cosine-similarity pitfall and its remedies (Draganov, Vadgama and Bekkers 2024): {@link
 * org.equivariant4j.ssl.cutinit.CutInit} divides a network's initial weights by c; {@link
 * org.equivariant4j.ssl.cutinit.GradScale} rescales the gradient reaching an embedding by its norm; {@code analysis}
 * measures the gradient of the cosine against its closed form; {@code experiment} trains SimCLR, BYOL and SimSiam with
 * and without them.
 */
package org.equivariant4j.ssl.cutinit;
