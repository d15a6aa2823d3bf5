/** What SSL training is watched by: a kNN classifier on frozen embeddings and embedding-norm statistics. */
package org.equivariant4j.ssl.monitor;
