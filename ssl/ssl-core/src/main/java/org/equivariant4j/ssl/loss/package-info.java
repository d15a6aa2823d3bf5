/** The similarity objectives of joint-embedding SSL: the cosine similarity and SimCLR's NT-Xent. */
package org.equivariant4j.ssl.loss;
