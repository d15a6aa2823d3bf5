package org.equivariant4j.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.GroupProvider;

import com.google.inject.Inject;

/** Every group family contributed by a plugin; resolves canonical group names such as {@code "D4"} or {@code "SO(3)"}. */
public final class GroupRegistry {
    private final Map<String, Contribution<GroupProvider>> providers;

    @Inject
    GroupRegistry(Map<String, Contribution<GroupProvider>> providers) {
        this.providers = Map.copyOf(providers);
    }

    /** The group called {@code name}, made by the one family that accepts the name. */
    public Group group(String name) {
        List<Contribution<GroupProvider>> accepting = families().stream().filter(c -> c.provider().accepts(name)).toList();
        if (accepting.isEmpty()) {
            throw new UnknownIdException("group name", name, families().stream()
                    .map(c -> c.provider().description() + " [" + c.plugin().id() + "]").toList());
        }
        if (accepting.size() > 1) {
            Contribution<GroupProvider> a = accepting.get(0);
            Contribution<GroupProvider> b = accepting.get(1);
            throw new DuplicateIdException("group name '" + name + "' is claimed by family '" + a.provider().id() + "' of plugin '"
                    + a.plugin().id() + "' from " + a.plugin().source() + " and by family '" + b.provider().id() + "' of plugin '"
                    + b.plugin().id() + "' from " + b.plugin().source());
        }
        return accepting.get(0).provider().create(name);
    }

    /** Every family with its plugin, sorted by id. */
    public List<Contribution<GroupProvider>> families() {
        return providers.values().stream().sorted(Comparator.comparing(c -> c.provider().id())).toList();
    }

    /** Example names of every family, for listings. */
    public List<String> exampleNames() {
        return families().stream().flatMap(c -> c.provider().examples().stream()).toList();
    }
}
