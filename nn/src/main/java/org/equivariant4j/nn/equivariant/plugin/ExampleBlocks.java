package org.equivariant4j.nn.equivariant.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.equivariant.EquivariantLinear;
import org.equivariant4j.nn.equivariant.GatedNonlinearity;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.NormNonlinearity;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;

/**
 * The small instance of each block that {@link EquivariantBlocksPlugin} offers for a finite group: what
 * tools and the test kit build and exercise. All act on vectors ({@code [N, C]}), the domain every finite
 * group acts on (the blocks act on channels only; their tests cover grids and point clouds). Parameters
 * and buffers that start at a neutral value (zero biases, unit variances) are drawn from the seed instead:
 * a check of a norm ReLU with bias 0 (the identity) or of a linear map with bias 0 would not see a
 * non-equivariant bias.
 */
final class ExampleBlocks {

    private ExampleBlocks() {
    }

    /** 2x regular -> 3x regular + trivial: coefficients initialised from the seed as usual, biases drawn from it. */
    static Module linear(FiniteGroup group, long seed) {
        Rng rng = new Rng(seed);
        Representation regular = Representation.regular(group);
        FieldType in = vectors(copies(2, regular));
        List<Representation> out = new ArrayList<>(Collections.nCopies(3, regular));
        out.add(Representation.trivial(group));
        return randomised(new EquivariantLinear(in, vectors(out), rng), name -> name.startsWith("bias"), rng);
    }

    /** ReLU on 2x regular. */
    static Module pointwiseRelu(FiniteGroup group, long seed) {
        return PointwiseNonlinearity.relu(vectors(copies(2, Representation.regular(group))));
    }

    /** Norm ReLU on every non-trivial irrep and the regular representation, with biases drawn from the seed. */
    static Module normNonlinearity(FiniteGroup group, long seed) {
        return randomised(new NormNonlinearity(vectors(nonTrivialIrrepsAndRegular(group))), name -> true, new Rng(seed));
    }

    /** Gates (one trivial field each) for every non-trivial irrep and the regular representation. */
    static Module gatedNonlinearity(FiniteGroup group, long seed) {
        return new GatedNonlinearity(vectors(nonTrivialIrrepsAndRegular(group)));
    }

    /** Max pooling of 2x regular + trivial to 3x trivial. */
    static Module groupPooling(FiniteGroup group, long seed) {
        List<Representation> fields = copies(2, Representation.regular(group));
        fields.add(Representation.trivial(group));
        return new GroupPooling(vectors(fields), GroupPooling.Mode.MAX);
    }

    /**
     * Batch norm of 2x regular + trivial <b>in evaluation mode</b>: weight, bias and running statistics drawn
     * from the seed (variances positive). Evaluation mode because the kit measures every layer in it (in training
     * mode f(x) and f(g·x) would each update the running statistics); the blocks' own tests check the batch
     * statistics of training mode.
     */
    static Module batchNorm(FiniteGroup group, long seed) {
        List<Representation> fields = copies(2, Representation.regular(group));
        fields.add(Representation.trivial(group));
        EquivariantBatchNorm bn = randomised(new EquivariantBatchNorm(vectors(fields)), name -> true, new Rng(seed));
        bn.eval();
        return bn;
    }

    private static FieldType vectors(List<Representation> fields) {
        return FieldType.of(Domain.vectors(), Representation.directSum(fields));
    }

    private static List<Representation> copies(int n, Representation r) {
        return new ArrayList<>(Collections.nCopies(n, r));
    }

    private static List<Representation> nonTrivialIrrepsAndRegular(FiniteGroup group) {
        List<Representation> irreps = group.irreps();
        List<Representation> fields = new ArrayList<>(irreps.subList(1, irreps.size())); // irreps() lists the trivial one first
        fields.add(Representation.regular(group));
        return fields;
    }

    /**
     * Replaces the floating parameters and buffers whose names {@code selected} accepts by standard normal draws
     * in their own dtype; variances (names ending in {@code var}) by |draw| + 0.5.
     */
    private static <M extends Module> M randomised(M module, Predicate<String> selected, Rng rng) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        module.stateDict().forEach((name, t) -> {
            if (!selected.test(name) || !t.dtype().isFloating()) {
                state.put(name, t);
                return;
            }
            Tensor draw = Tensors.randn(rng, t.dtype(), t.shape());
            state.put(name, name.endsWith("var") ? draw.abs().add(0.5) : draw);
        });
        module.loadStateDict(state);
        return module;
    }
}
