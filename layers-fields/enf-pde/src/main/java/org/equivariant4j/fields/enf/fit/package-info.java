/**
 * Meta-learned auto-decoding: latents of new fields fitted in a few inner gradient steps from a learned
 * initialisation with learned step sizes ({@link org.equivariant4j.fields.enf.fit.LatentInitialisation},
 * {@link org.equivariant4j.fields.enf.fit.MetaAutoDecoder}), the outer loss differentiated through the steps to second
 * order or first ({@link org.equivariant4j.fields.enf.fit.MetaGradient}).
 */
package org.equivariant4j.fields.enf.fit;
