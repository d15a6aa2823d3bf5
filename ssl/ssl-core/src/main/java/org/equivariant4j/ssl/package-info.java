/**
 * Shared pieces of self-supervised learning on images, independent of any one paper: {@code augment} (a batched,
 * seeded augmentation pipeline and its two views per image), {@code loss} (cosine similarity, NT-Xent), {@code method}
 * (SimCLR, BYOL and SimSiam as modules with their projector and predictor heads), {@code monitor} (a kNN classifier on
 * frozen embeddings and embedding-norm statistics) and {@code data} (a CIFAR-10 binary reader).
 */
package org.equivariant4j.ssl;
