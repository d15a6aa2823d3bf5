/** The paper's analysis of the cosine similarity's gradient, measured through the autodiff, and its figure. */
package org.equivariant4j.ssl.cutinit.analysis;
