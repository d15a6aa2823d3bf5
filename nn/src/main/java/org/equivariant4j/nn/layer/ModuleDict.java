package org.equivariant4j.nn.layer;

import org.equivariant4j.core.module.Module;

/**
 * Named child modules, as {@code torch.nn.ModuleDict}: one module tree over several models, so that their
 * parameters share one state dict (child {@code name}'s parameters appear as {@code name.<parameter>}) — e.g. the
 * models an experiment trains side by side, checkpointed together.
 */
public final class ModuleDict extends Module {

    /** Adds {@code module} under {@code name} (non-empty, without '.', not yet used; refused otherwise); returns it. */
    public <M extends Module> M put(String name, M module) {
        return registerModule(name, module);
    }

    /** The module under {@code name}, or null. */
    public Module get(String name) {
        return children().get(name);
    }

    @Override
    public String toString() {
        return "ModuleDict" + children().keySet();
    }
}
