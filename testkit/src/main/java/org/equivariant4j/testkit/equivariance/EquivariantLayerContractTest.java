package org.equivariant4j.testkit.equivariance;

import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.equivariance.InputGenerator;
import org.equivariant4j.equivariance.PerturbedCopy;
import org.equivariant4j.equivariance.RandomFields;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link EquivariantLayer} meets, as JUnit 5 dynamic tests, for the layer's own
 * build. Extend it and say how to build the layer from a seed:
 * <pre>{@code
 * class GatedConvContractTest extends EquivariantLayerContractTest {
 *     protected EquivariantLayer createLayer(long seed) {
 *         return new GatedConv(FieldType.of(Domain.grid(2), Representation.regular(C4)), 3, seed);
 *     }
 * }
 * }</pre>
 * and get:
 * <ul>
 *   <li>{@link #equivariance()}: one test per dtype (FLOAT32, FLOAT64) and group element, each
 *       {@code f(g·x) = g·f(x)} within the dtype's default {@link Tolerance} (or the layer's declared
 *       approximation);</li>
 *   <li>{@link #declaredBoundControl()}: for a layer that declares an approximation, per dtype, the
 *       {@link #brokenCopy} exceeds the declared bound (without one, a copy perturbed by twice the declared bound at
 *       output entry 0, {@link PerturbedCopy#beyondDeclaredBound});</li>
 *   <li>{@link #equivariance()} and {@link #gradientEquivariance()} fail when no element but the identity
 *       acts exactly on the input: the identity alone proves nothing;</li>
 *   <li>{@link #gradientEquivariance()}: per element, the input gradient of {@code Σ f(x)²} transforms
 *       like the input (orthogonal representations only);</li>
 *   <li>{@link #typeChecks()}: fields of another representation, domain or group are refused with a
 *       {@code FieldTypeMismatchException} or {@code GroupMismatchException} naming the layer;</li>
 *   <li>{@link #stateDictRoundTrip()}: a layer from another seed that loads this one's state dict gives
 *       identical outputs (so every parameter and buffer is registered);</li>
 *   <li>{@link #parameterGradients()}: each parameter's autodiff gradient against finite differences, in
 *       float64, on a few entries;</li>
 *   <li>{@link #determinism()}: two layers from one seed are identical.</li>
 * </ul>
 * The elements default to the group's testing elements that act exactly on the input (grids admit
 * only lattice symmetries; the others are reported as a skipped test). Seeds come from
 * {@link #seed()} ({@code -Dequivariant4j.seed} overrides) and appear in every failure. JUnit does
 * not run {@code @BeforeEach} around dynamic tests: build everything in {@link #createLayer}.
 */
public abstract class EquivariantLayerContractTest {

    /** A new layer initialised from {@code seed}; the same seed must give the same layer. */
    protected abstract EquivariantLayer createLayer(long seed);

    /** The elements to test; null (the default) means the group's testing elements. */
    protected List<? extends GroupElement> elements() {
        return null;
    }

    /**
     * A deliberately broken copy of the layer from {@code seed} (its symmetrisation dropped, a kernel left
     * unrotated, or a {@link PerturbedCopy} beyond the bound), for a layer that declares an approximation: the
     * contract checks that the copy exceeds the declared bound, so the bound is shown to catch a bug. Null (the
     * default) uses {@link PerturbedCopy#beyondDeclaredBound} (twice the bound at output entry 0); give a copy of the
     * layer's own bug where one is known, and one whenever entry 0 of the output is invariant.
     */
    protected EquivariantLayer brokenCopy(long seed) {
        return null;
    }

    /** How inputs are made (default {@link RandomFields#defaults()}). */
    protected InputGenerator inputs() {
        return RandomFields.defaults();
    }

    /** Seed of the layers and inputs. */
    protected long seed() {
        return EquivarianceAssertions.seed();
    }

    /** The dtypes equivariance is checked in (each with its default tolerance). */
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.FLOAT64);
    }

    private LayerContract contract() {
        return new LayerContract(this::createLayer, inputs(), seed(), dtypes(), elements());
    }

    @TestFactory
    public Stream<DynamicTest> equivariance() {
        return contract().equivariance();
    }

    @TestFactory
    public Stream<DynamicTest> declaredBoundControl() {
        return contract().declaredBoundControl(this::brokenCopy);
    }

    @TestFactory
    public Stream<DynamicTest> gradientEquivariance() {
        return contract().gradientEquivariance();
    }

    @TestFactory
    public Stream<DynamicTest> typeChecks() {
        return contract().typeChecks();
    }

    @TestFactory
    public Stream<DynamicTest> stateDictRoundTrip() {
        return contract().stateDictRoundTrip();
    }

    @TestFactory
    public Stream<DynamicTest> parameterGradients() {
        return contract().parameterGradients();
    }

    @TestFactory
    public Stream<DynamicTest> determinism() {
        return contract().determinism();
    }
}
