package org.equivariant4j.equivariance;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Runs a module in another dtype and in evaluation mode for the length of a scope, then puts it back
 * exactly as it was: {@link Module#to} converts in place, so the original tensors are kept and loaded
 * back on close (float64 values would not survive a round trip through float32). Evaluation mode,
 * because a layer in training mode may update running statistics between {@code f(x)} and
 * {@code f(g·x)}, or drop different units in each.
 *
 * <p>While converted, the parameters are new tensors: gradients accumulated then are dropped on close.
 */
final class DTypeScope implements AutoCloseable {
    private final Module module;
    private final Map<String, Tensor> saved;
    private final DType original;
    private final boolean converted;
    private final boolean wasTraining;

    private DTypeScope(Module module, DType dtype) {
        this.module = module;
        this.saved = module.stateDict();
        Set<DType> floating = saved.values().stream().map(Tensor::dtype).filter(DType::isFloating)
                .collect(Collectors.toSet());
        if (floating.size() > 1) {
            throw new InvalidArgumentException(module + " holds floating state in several dtypes " + floating
                    + "; the equivariance checker converts the whole layer, so convert it to one dtype first (Module.to)");
        }
        this.original = floating.isEmpty() ? dtype : floating.iterator().next();
        this.converted = original != dtype;
        this.wasTraining = module.isTraining();
        module.eval();
        if (converted) {
            module.to(dtype);
        }
    }

    /** Converts {@code module} (may be null: nothing to convert) to {@code dtype} and evaluation mode until closed. */
    static DTypeScope of(Module module, DType dtype) {
        return module == null ? null : new DTypeScope(module, dtype);
    }

    @Override
    public void close() {
        if (converted) {
            module.to(original);
            module.loadStateDict(saved);
        }
        if (wasTraining) {
            module.train();
        }
    }
}
