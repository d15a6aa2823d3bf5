package org.equivariant4j.fields.latentforce.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which parts make a {@link LatentForceModel}'s accelerations: the models the experiments compare. */
public enum ForceModel {
    /** The method: the neural field of absolute position plus the E(n)-equivariant EGNN interactions. */
    AETHER("aether", "neural field + EGNN interactions", true, InteractionNetwork.EGNN, false),
    /** EGNN interactions alone: equivariant, so blind to absolute position and to the global field. */
    EGNN("egnn", "EGNN interactions only (equivariant)", false, InteractionNetwork.EGNN, false),
    /** The method with the paper's interaction network: the neural field plus interactions in local frames (2D). */
    AETHER_LOCS("aether-locs", "neural field + local-frame interactions", true, InteractionNetwork.LOCAL_FRAMES, false),
    /** Local-frame interactions alone: rotation-equivariant, blind to absolute position (2D). */
    LOCS("locs", "local-frame interactions only (equivariant)", false, InteractionNetwork.LOCAL_FRAMES, false),
    /** A message-passing network on absolute positions and velocities: can see the field, has no symmetry prior. */
    GNN("gnn", "GNN on absolute positions (non-equivariant)", false, null, true),
    /** The neural field alone: no interactions. */
    FIELD("field", "neural field only", true, null, false);

    private final String id;
    private final String label;
    private final boolean field;
    private final InteractionNetwork interactions;
    private final boolean gnn;

    ForceModel(String id, String label, boolean field, InteractionNetwork interactions, boolean gnn) {
        this.id = id;
        this.label = label;
        this.field = field;
        this.interactions = interactions;
        this.gnn = gnn;
    }

    /** The id the experiments' {@code models} option uses. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean hasField() {
        return field;
    }

    public boolean hasInteractions() {
        return interactions != null;
    }

    /** The interaction network, or null for a model without one. */
    public InteractionNetwork interactions() {
        return interactions;
    }

    public boolean hasGnn() {
        return gnn;
    }

    /** The ids of all models, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(ForceModel::id).collect(Collectors.joining(", "));
    }

    /** The model of id {@code id}, or null. */
    public static ForceModel byId(String id) {
        for (ForceModel m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
