package org.equivariant4j.fields.enf.bi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.UnknownIdException;

/**
 * The bi-invariants known to a class path, by id: every {@link BiInvariantProvider} found by {@link ServiceLoader}.
 * An instance is an immutable snapshot; {@link #load()} discovers afresh (no static state), and
 * {@link #of(List)} builds one from given providers (tests, embedding applications).
 *
 * <pre>{@code
 * BiInvariant se2 = BiInvariants.load().get("se2");
 * }</pre>
 */
public final class BiInvariants {
    private final Map<String, BiInvariant> byId;

    private BiInvariants(Map<String, BiInvariant> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Every provider on the class path of this module's class loader. */
    public static BiInvariants load() {
        List<BiInvariantProvider> providers = new ArrayList<>();
        ServiceLoader.load(BiInvariantProvider.class, BiInvariants.class.getClassLoader()).forEach(providers::add);
        if (providers.isEmpty()) {
            throw new PluginLoadException("BiInvariants: no BiInvariantProvider on the class path; this module's own"
                    + " StandardBiInvariants should be registered in META-INF/services (is the jar complete?)");
        }
        return of(providers);
    }

    /**
     * The bi-invariants of {@code providers}, in their order.
     *
     * @throws DuplicateIdException when two contributions share an id (naming both providers)
     */
    public static BiInvariants of(List<? extends BiInvariantProvider> providers) {
        Map<String, BiInvariant> found = new LinkedHashMap<>();
        Map<String, BiInvariantProvider> origin = new LinkedHashMap<>();
        for (BiInvariantProvider provider : providers) {
            for (BiInvariant b : provider.biInvariants()) {
                BiInvariantProvider earlier = origin.putIfAbsent(b.id(), provider);
                if (earlier != null) {
                    throw new DuplicateIdException("BiInvariants: id '" + b.id() + "' is contributed by "
                            + earlier.getClass().getName() + " and by " + provider.getClass().getName());
                }
                found.put(b.id(), b);
            }
        }
        return new BiInvariants(found);
    }

    /**
     * The bi-invariant with this id.
     *
     * @throws UnknownIdException listing the known ids
     */
    public BiInvariant get(String id) {
        BiInvariant b = byId.get(id);
        if (b == null) {
            throw new UnknownIdException("bi-invariant id", id, ids());
        }
        return b;
    }

    /** The known ids, in discovery order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The known bi-invariants, in discovery order. */
    public List<BiInvariant> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public String toString() {
        return "BiInvariants" + ids();
    }
}
