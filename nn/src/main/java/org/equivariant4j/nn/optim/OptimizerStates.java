package org.equivariant4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The state dicts of several named optimisers as one flat map, {@code <name>.<key>} (e.g. {@code mlp.state.0.exp_avg}),
 * and back: what an {@code ExperimentRun} that trains with more than one optimiser reports as its training state.
 */
public final class OptimizerStates {

    private OptimizerStates() {
    }

    /** Every optimiser's {@link Optimizer#stateDict()}, its keys prefixed by the optimiser's name and a dot. */
    public static Map<String, Tensor> of(Map<String, ? extends Optimizer> optimizers) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        optimizers.forEach((name, o) -> o.stateDict().forEach((k, v) -> out.put(name + "." + k, v)));
        return out;
    }

    /**
     * Splits {@code state} by name prefix and loads each part into its optimiser. Every entry must belong to an
     * optimiser and every optimiser must have entries.
     *
     * @param owner named in the error, e.g. {@code "ClassifierSet.loadTrainingState"}
     * @throws StateDictMismatchException naming the entries of no optimiser and the optimisers without state
     */
    public static void load(String owner, Map<String, ? extends Optimizer> optimizers, Map<String, Tensor> state) {
        Map<String, Map<String, Tensor>> byName = new LinkedHashMap<>();
        optimizers.keySet().forEach(n -> byName.put(n, new LinkedHashMap<>()));
        TreeSet<String> unexpected = new TreeSet<>();
        state.forEach((key, value) -> {
            int dot = key.indexOf('.');
            Map<String, Tensor> own = dot < 0 ? null : byName.get(key.substring(0, dot));
            if (own == null) {
                unexpected.add(key);
            } else {
                own.put(key.substring(dot + 1), value);
            }
        });
        List<String> missing = byName.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (!unexpected.isEmpty() || !missing.isEmpty()) {
            throw new StateDictMismatchException(owner + ": " + (unexpected.isEmpty() ? ""
                    : "entries of no optimiser " + unexpected + (missing.isEmpty() ? "" : "; ")) + (missing.isEmpty() ? ""
                    : "no optimiser state for " + missing) + " (optimisers: " + optimizers.keySet() + ")");
        }
        byName.forEach((name, own) -> optimizers.get(name).loadStateDict(own));
    }
}
