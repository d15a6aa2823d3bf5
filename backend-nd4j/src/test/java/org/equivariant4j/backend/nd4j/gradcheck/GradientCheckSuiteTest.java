package org.equivariant4j.backend.nd4j.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.equivariant4j.core.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every differentiable op of {@link Tensor} (and the multi-tensor ops of {@code Tensors}) checked
 * against central finite differences in float64, one dynamic test per case, plus a coverage
 * test that fails when an op of the interface has no check.
 */
class GradientCheckSuiteTest {
    private static final Logger LOG = LoggerFactory.getLogger(GradientCheckSuiteTest.class);

    /** Methods of {@link Tensor} that are not differentiable ops: metadata, bookkeeping, comparisons, exits. */
    static final Set<String> NOT_DIFFERENTIABLE = Set.of("shape", "rank", "size", "numel", "dtype", "requiresGrad",
            "isLeaf", "grad", "zeroGrad", "backward", "detach", "assign", "gt", "lt", "eq", "argmax", "item", "toFloatArray",
            "toDoubleArray", "toLongArray", "unwrap");

    /** Differentiable ops that live on {@code Tensors} because they take several tensors. */
    static final Set<String> FACTORY_OPS = Set.of("concat", "stack", "where");

    private static final List<GradCaseFamily> FAMILIES = List.of(new ElementwiseGradCases(), new ReductionGradCases(),
            new LinalgGradCases(), new ShapeGradCases(), new IndexGradCases(), new ConvGradCases(), new PoolGradCases(),
            new SamplingGradCases(), new FftGradCases());

    private static final Set<String> CHECKED_OPS = new TreeSet<>();
    private static int checkedCases;

    static List<GradCase> allCases() {
        return FAMILIES.stream().flatMap(f -> f.cases().stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesFiniteDifferences() {
        return allCases().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            c.check().assertCorrect();
            synchronized (CHECKED_OPS) {
                CHECKED_OPS.add(c.op());
                checkedCases++;
            }
        }));
    }

    @Test
    void everyDifferentiableOpHasACheck() {
        assertThat(uncovered(allCases())).as("differentiable ops without a gradient check").isEmpty();
    }

    /** The differentiable ops of {@link Tensor} and {@code Tensors} that no case of {@code cases} checks. */
    static Set<String> uncovered(List<GradCase> cases) {
        Set<String> required = Stream.of(Tensor.class.getMethods()).map(Method::getName)
                .filter(n -> !NOT_DIFFERENTIABLE.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        required.addAll(FACTORY_OPS);
        Set<String> covered = cases.stream().map(GradCase::op).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(covered);
        return missing;
    }

    @AfterAll
    static void report() {
        LOG.info("gradient checks: {} ops checked in {} cases: {}", CHECKED_OPS.size(), checkedCases, CHECKED_OPS);
        System.out.println("[gradient checks] " + CHECKED_OPS.size() + " ops passed in " + checkedCases + " cases");
    }
}
