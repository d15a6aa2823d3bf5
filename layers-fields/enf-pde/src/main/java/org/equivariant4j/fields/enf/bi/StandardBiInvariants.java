package org.equivariant4j.fields.enf.bi;

import java.util.List;

import com.google.auto.service.AutoService;

/** The bi-invariants this module ships: absolute, translation, se2, torus (unit side), sphere. */
@AutoService(BiInvariantProvider.class)
public final class StandardBiInvariants implements BiInvariantProvider {

    @Override
    public List<BiInvariant> biInvariants() {
        return List.of(new AbsolutePosition(), new TranslationBiInvariant(), new Se2BiInvariant(), new TorusBiInvariant(),
                new SphereBiInvariant());
    }
}
