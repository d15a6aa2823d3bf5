package org.equivariant4j.runtime;

import java.util.List;

import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.GroupProvider;

/**
 * A plugin's group family as the registry hands it out: the same family, except that a
 * {@link #create} returning null is refused on the spot, naming the family, the plugin and its jar,
 * instead of failing later wherever the group is first used. (Families build their groups lazily, so
 * this cannot be checked when the plugin is loaded.)
 */
record CheckedGroupProvider(GroupProvider family, LoadedPlugin plugin) implements GroupProvider {

    @Override
    public String id() {
        return family.id();
    }

    @Override
    public String description() {
        return family.description();
    }

    @Override
    public List<String> examples() {
        return family.examples();
    }

    @Override
    public boolean accepts(String name) {
        return family.accepts(name);
    }

    @Override
    public Group create(String name) {
        Group group = family.create(name);
        if (group == null) {
            throw new PluginLoadException(plugin.declaration().who() + ": group family '" + family.id() + "' ("
                    + family.getClass().getName() + ").create(\"" + name + "\") returned null");
        }
        return group;
    }

    @Override
    public String toString() {
        return family.toString();
    }
}
