package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Einsum;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The most general equivariant linear map between two field types of a finite group, applied to
 * plain feature vectors or, on grids and point clouds, at each position (a 1x1 convolution: channels
 * are mixed, positions are not). Works for any {@link org.equivariant4j.core.group.FiniteGroup} and any
 * representations, including a third-party group's: nothing here knows the group beyond its elements
 * and matrices.
 *
 * <p><b>Weights.</b> The weight W ({@code C_out x C_in}) is a combination of the {@link IntertwinerBasis}
 * of each (output summand type, input summand type) pair. Basis and parameters are per type pair, not
 * per summand pair: for output fields of type ρ (a of them) and input fields of type σ (b of them) with a
 * d-dimensional basis, the parameter {@code weight_<i>_<j>} has shape {@code [a, b, d]} (i, j index the
 * distinct output / input summand types in order of first appearance), and its block of W is one einsum
 * {@code "abk,kij->aibj"}. The blocks are concatenated in type-major channel order and, when the summands
 * are interleaved, put back in the field type's order by one {@code indexSelect} per axis. So a forward
 * pass costs a handful of tensor ops however many fields there are, and W is differentiable in the
 * coefficients.
 *
 * <p><b>Initialisation.</b> He-like, counted in basis elements: the coefficients feeding an output
 * summand of dimension d_ρ are drawn from N(0, 2 d_ρ / n_ρ), where n_ρ is the number of coefficients
 * feeding it. With an orthonormal basis this gives each output channel the variance 2·E[x²], as He
 * initialisation does for a plain linear layer (which is the case trivial to trivial, where n_ρ = C_in).
 *
 * <p><b>Bias.</b> An equivariant bias must be an invariant vector: per output summand type, the basis of
 * maps from the trivial representation. A trivial summand gets a free bias, a regular or quotient summand
 * a shift shared by its channels, a non-trivial irrep none. Parameters {@code bias_<i>} of shape
 * {@code [a, d]}, initialised to zero.
 */
public final class EquivariantLinear extends EquivariantLayer {
    private final FieldLayout inLayout;
    private final FieldLayout outLayout;
    /** [out type][in type] basis (null when the space is 0-dimensional) and its coefficients. */
    private final IntertwinerBasis[][] bases;
    private final Parameter[][] weights;
    private final IntertwinerBasis[] biasBases;
    private final Parameter[] biases;
    private final Tensor outIndex;
    private final Tensor inIndex;
    /** Basis tensors per dtype, made on first use in that dtype (not buffers: they are derived, not state). */
    private final Map<DType, Tensor[][]> basisTensors = new EnumMap<>(DType.class);
    private final Map<DType, Tensor[]> biasBasisTensors = new EnumMap<>(DType.class);

    /** An equivariant linear layer with an equivariant bias, its coefficients drawn from {@code rng}. */
    public EquivariantLinear(FieldType inType, FieldType outType, Rng rng) {
        this(inType, outType, true, rng);
    }

    /**
     * An equivariant linear layer, with an equivariant bias if {@code bias} is true.
     *
     * @throws org.equivariant4j.core.error.UnsupportedFeatureException if the group is not finite
     * @throws org.equivariant4j.core.error.FieldTypeMismatchException if the types are over different groups or domains
     */
    public EquivariantLinear(FieldType inType, FieldType outType, boolean bias, Rng rng) {
        super(inType, outType);
        IntertwinerBasis.requireFinite(inType.group(), "EquivariantLinear(" + inType + " -> " + outType + ")");
        Fields.requireSameDomain("EquivariantLinear", inType, outType);
        this.inLayout = FieldLayout.of(inType.representation());
        this.outLayout = FieldLayout.of(outType.representation());
        List<Representation> outTypes = outLayout.types();
        List<Representation> inTypes = inLayout.types();
        this.bases = new IntertwinerBasis[outTypes.size()][inTypes.size()];
        this.weights = new Parameter[outTypes.size()][inTypes.size()];
        for (int o = 0; o < outTypes.size(); o++) {
            int fanIn = 0;
            for (int i = 0; i < inTypes.size(); i++) {
                IntertwinerBasis b = IntertwinerBasis.of(outTypes.get(o), inTypes.get(i));
                bases[o][i] = b.dimension() == 0 ? null : b;
                fanIn += inLayout.count(i) * b.dimension();
            }
            double std = Math.sqrt(2.0 * outTypes.get(o).dimension() / Math.max(1, fanIn));
            for (int i = 0; i < inTypes.size(); i++) {
                if (bases[o][i] != null) {
                    Tensor init = Tensors.randn(rng, outLayout.count(o), inLayout.count(i), bases[o][i].dimension()).mul(std);
                    weights[o][i] = registerParameter("weight_" + o + "_" + i, init);
                }
            }
        }
        this.biasBases = new IntertwinerBasis[outTypes.size()];
        this.biases = new Parameter[outTypes.size()];
        if (bias) {
            Representation trivial = Representation.trivial(inType.group());
            for (int o = 0; o < outTypes.size(); o++) {
                IntertwinerBasis b = IntertwinerBasis.of(outTypes.get(o), trivial);
                if (b.dimension() > 0) {
                    biasBases[o] = b;
                    biases[o] = registerParameter("bias_" + o, Tensors.zeros(outLayout.count(o), b.dimension()));
                }
            }
        }
        int[] outOrder = outLayout.typeMajorOrder();
        int[] inOrder = inLayout.typeMajorOrder();
        this.outIndex = outOrder == null ? null : Tensors.of(FieldLayout.inverse(outOrder), outOrder.length);
        this.inIndex = inOrder == null ? null : Tensors.of(FieldLayout.inverse(inOrder), inOrder.length);
    }

    /** The current weight W, {@code [C_out, C_in]}, expanded from the coefficient parameters. */
    public Tensor weight() {
        return weight(coefficients());
    }

    /**
     * The weight spanned by the given coefficients, one tensor per weight parameter in {@link #coefficients()}
     * order and of the same shapes: the basis expansion itself, for export to a plain linear layer, inspection,
     * and gradient checks of the expansion.
     */
    public Tensor weight(List<Tensor> coefficients) {
        return expand(coefficients, DType.FLOAT32);
    }

    /** The expansion; {@code dtype} is used only when there are no coefficients (all blocks zero). */
    private Tensor expand(List<Tensor> coefficients, DType fallback) {
        List<Parameter> params = weightParameters();
        if (coefficients.size() != params.size()) {
            throw new ShapeMismatchException(this + ".weight: expected " + params.size() + " coefficient tensors but got "
                    + coefficients.size());
        }
        DType dtype = params.isEmpty() ? fallback : coefficients.get(0).dtype();
        Tensor[][] basis = basisTensors(dtype);
        List<Tensor> rows = new ArrayList<>();
        int next = 0;
        for (int o = 0; o < bases.length; o++) {
            int rowsOfType = outLayout.count(o) * outLayout.types().get(o).dimension();
            List<Tensor> blocks = new ArrayList<>();
            for (int i = 0; i < bases[o].length; i++) {
                int colsOfType = inLayout.count(i) * inLayout.types().get(i).dimension();
                if (bases[o][i] == null) {
                    blocks.add(Tensors.zeros(dtype, rowsOfType, colsOfType));
                    continue;
                }
                Tensor theta = coefficients.get(next++);
                if (!Arrays.equals(theta.shape(), params.get(next - 1).shape())) {
                    throw new ShapeMismatchException(this + ".weight: coefficient tensor " + (next - 1) + " must have shape "
                            + Arrays.toString(params.get(next - 1).shape()) + " but was "
                            + Arrays.toString(theta.shape()));
                }
                blocks.add(block(theta, basis[o][i], rowsOfType, colsOfType));
            }
            rows.add(blocks.size() == 1 ? blocks.get(0) : Tensors.concat(1, blocks));
        }
        Tensor w = rows.size() == 1 ? rows.get(0) : Tensors.concat(0, rows);
        if (outIndex != null) {
            w = w.indexSelect(0, outIndex);
        }
        return inIndex == null ? w : w.indexSelect(1, inIndex);
    }

    /** One block {@code [a·d_out, b·d_in]} of W from coefficients {@code [a, b, k]} and a basis {@code [k, d_out, d_in]}. */
    private static Tensor block(Tensor theta, Tensor basis, int rows, int columns) {
        int[] t = theta.shape();
        int[] b = basis.shape();
        if (t[1] == 1 || b[1] == 1) {
            // [a, b, i, j] and [a, i, b, j] coincide in memory when b or i is 1: no permutation needed.
            return theta.reshape(t[0] * t[1], t[2]).matmul(basis.reshape(b[0], b[1] * b[2])).reshape(rows, columns);
        }
        return Einsum.contract("abk,kij->aibj", theta, basis).reshape(rows, columns);
    }

    /** The current bias {@code [C_out]} (zero on summands without invariant vectors), if this layer has one. */
    public Optional<Tensor> bias() {
        boolean any = false;
        for (Parameter p : biases) {
            any |= p != null;
        }
        if (!any) {
            return Optional.empty();
        }
        DType dtype = firstBias().value().dtype();
        Tensor[] basis = biasBasisTensors(dtype);
        List<Tensor> parts = new ArrayList<>();
        for (int o = 0; o < biases.length; o++) {
            int channelsOfType = outLayout.count(o) * outLayout.types().get(o).dimension();
            parts.add(biases[o] == null ? Tensors.zeros(dtype, channelsOfType)
                    : biases[o].value().matmul(basis[o]).reshape(channelsOfType));
        }
        Tensor b = parts.size() == 1 ? parts.get(0) : Tensors.concat(0, parts);
        return Optional.of(outIndex == null ? b : b.indexSelect(0, outIndex));
    }

    /** The weight coefficient parameters, output type major: the order {@link #weight(List)} expects. */
    public List<Tensor> coefficients() {
        List<Tensor> values = new ArrayList<>();
        for (Parameter p : weightParameters()) {
            values.add(p.value());
        }
        return values;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        Tensor w = expand(coefficients(), x.dtype());
        Tensor y;
        if (input.type().domain() instanceof Domain.Grid) {
            int[] s = x.shape();
            // [O, C] @ [N, C, S] -> [N, O, S]: one broadcast matmul over all positions.
            // The positions counted, not inferred with -1: an empty batch has no elements to infer them from.
            int positions = 1;
            for (int k = 2; k < s.length; k++) {
                positions *= s[k];
            }
            Tensor flat = w.matmul(x.reshape(s[0], s[1], positions));
            int[] shape = s.clone();
            shape[1] = outLayout.channels();
            y = flat.reshape(shape);
        } else {
            y = x.matmul(w.transpose(0, 1));
        }
        Optional<Tensor> b = bias();
        if (b.isPresent()) {
            y = y.add(Fields.perChannel(b.get(), y.rank()));
        }
        return Fields.output(input, y, outType());
    }

    private List<Parameter> weightParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Parameter[] row : weights) {
            for (Parameter p : row) {
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private Parameter firstBias() {
        for (Parameter p : biases) {
            if (p != null) {
                return p;
            }
        }
        throw new IllegalStateException("no bias");
    }

    private Tensor[][] basisTensors(DType dtype) {
        return basisTensors.computeIfAbsent(dtype, d -> {
            Tensor[][] t = new Tensor[bases.length][];
            for (int o = 0; o < bases.length; o++) {
                t[o] = new Tensor[bases[o].length];
                for (int i = 0; i < bases[o].length; i++) {
                    IntertwinerBasis b = bases[o][i];
                    if (b != null) {
                        t[o][i] = Tensors.of(b.toRowMajor(), d, b.dimension(), b.out().dimension(), b.in().dimension());
                    }
                }
            }
            return t;
        });
    }

    private Tensor[] biasBasisTensors(DType dtype) {
        return biasBasisTensors.computeIfAbsent(dtype, d -> {
            Tensor[] t = new Tensor[biasBases.length];
            for (int o = 0; o < biasBases.length; o++) {
                IntertwinerBasis b = biasBases[o];
                if (b != null) {
                    t[o] = Tensors.of(b.toRowMajor(), d, b.dimension(), b.out().dimension());
                }
            }
            return t;
        });
    }

    /** {@code "EquivariantLinear(regular -> 4x regular + trivial, 41 parameters)"}. */
    @Override
    public String toString() {
        return "EquivariantLinear(" + inType().representation().name() + " -> " + outType().representation().name() + ", "
                + parameterCount() + " parameters)";
    }
}
