package org.equivariant4j.fields.latentforce.model;

/** Which parts make a {@link LatentForceModel}'s accelerations: the models the experiments compare. */
public enum ForceModel {
    /** The method: the neural field of absolute position plus the E(n)-equivariant EGNN interactions. */
    AETHER("aether", "neural field + EGNN interactions", true, true, false),
    /** EGNN interactions alone: equivariant, so blind to absolute position and to the global field. */
    EGNN("egnn", "EGNN interactions only (equivariant)", false, true, false),
    /** A message-passing network on absolute positions and velocities: can see the field, has no symmetry prior. */
    GNN("gnn", "GNN on absolute positions (non-equivariant)", false, false, true),
    /** The neural field alone: no interactions. */
    FIELD("field", "neural field only", true, false, false);

    private final String id;
    private final String label;
    private final boolean field;
    private final boolean interactions;
    private final boolean gnn;

    ForceModel(String id, String label, boolean field, boolean interactions, boolean gnn) {
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
        return interactions;
    }

    public boolean hasGnn() {
        return gnn;
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
