package org.equivariant4j.fields.enf.bi;

import java.util.List;

/**
 * Contributes bi-invariants to {@link BiInvariants}: register an implementation with
 * {@code @AutoService(BiInvariantProvider.class)}. The SPI is local to this module (not a getter of core's
 * {@code Plugin}) because a bi-invariant is a type of this module; a jar that adds one depends on this module anyway.
 * Providers must be cheap to construct: bi-invariants are stateless values.
 */
public interface BiInvariantProvider {

    /** The bi-invariants this provider contributes; their ids must be unique across all providers. */
    List<BiInvariant> biInvariants();
}
