package org.equivariant4j.ssl.cutinit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;

/**
 * Cut-initialisation: divides a freshly initialised model's weights by {@code c}, so its embeddings start with small
 * norms and the cosine similarity's 1/||z|| gradient starts large. The paper's choices are c = 3 for contrastive and
 * c = 9 for non-contrastive losses; c = 1 changes nothing. Buffers (running statistics) are left alone.
 */
public final class CutInit {
    private CutInit() {
    }

    /**
     * Divides the parameters of {@code model} in {@code scope} by {@code c}, in place (each parameter gets a new value).
     *
     * @return the names of the parameters divided, in the model's order
     */
    public static List<String> cutInit(Module model, double c, CutScope scope) {
        if (!(c >= 1) || Double.isInfinite(c)) {
            throw new InvalidArgumentException("cutInit: expected a finite divisor c >= 1 but was " + c);
        }
        Map<String, Parameter> named = model.namedParameters();
        if (named.isEmpty()) {
            throw new InvalidArgumentException("cutInit: " + model + " has no parameters to divide");
        }
        String owner = "";
        if (scope == CutScope.LAST) {
            String last = new ArrayList<>(named.keySet()).get(named.size() - 1);
            owner = last.substring(0, last.lastIndexOf('.') + 1);
        }
        List<String> divided = new ArrayList<>();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (Map.Entry<String, Parameter> e : named.entrySet()) {
                boolean inScope = scope == CutScope.ALL
                        || e.getKey().startsWith(owner) && e.getKey().indexOf('.', owner.length()) < 0;
                if (inScope) {
                    e.getValue().set(e.getValue().value().div(c));
                    divided.add(e.getKey());
                }
            }
        }
        return divided;
    }
}
