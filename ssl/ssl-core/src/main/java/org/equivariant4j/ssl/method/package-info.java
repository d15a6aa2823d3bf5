/**
 * The joint-embedding SSL methods as modules: {@link org.equivariant4j.ssl.method.SimClr} (contrastive, NT-Xent),
 * {@link org.equivariant4j.ssl.method.Byol} (predictor and an EMA target) and {@link org.equivariant4j.ssl.method.SimSiam}
 * (predictor and stop-gradient), with the {@link org.equivariant4j.ssl.method.MlpHead} projectors and predictors.
 */
package org.equivariant4j.ssl.method;
