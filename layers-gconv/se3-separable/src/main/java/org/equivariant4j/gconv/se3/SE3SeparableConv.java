package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.init.Fan;
import org.equivariant4j.nn.init.KaimingNormal;

/**
 * Separable SE(3) group convolution (Kuipers &amp; Bekkers): the kernel {@code k(h, y) = k_SO3[o, c](h) ·
 * k_R3[o](y)} factors into an SO(3) part mixing all input fields and rotations and a spatial part per output
 * field. So {@code out(g_i, x) = Σ_y k_R3(g_i⁻¹ y) Σ_{c, j} k_SO3(g_i⁻¹ g_j) f_c(g_j, x + y)}:
 * <ol>
 *   <li>the SO(3) kernel lives on the grid's rotations and is read at every relative rotation g_i⁻¹ g_j by
 *       normalised Gaussian RBF interpolation (width from the grid's density) — ONE matmul, then the mixing
 *       is ONE 1×1×1 convolution over all fields and rotations;</li>
 *   <li>the spatial kernel is rotated to every g_i by trilinear interpolation — ONE matmul — and applied
 *       as ONE depthwise 3D convolution (a kernel per output field and rotation).</li>
 * </ol>
 * Parameters: {@code O·C·|grid| + O·k³ (+ O bias)} instead of {@code O·C·|grid|·k³} for the full
 * {@link SE3GroupConv}. Input/output layout as in {@link SE3LiftingConv}.
 */
public final class SE3SeparableConv extends EquivariantLayer {
    /** He-normal with fans counted here (the SO(3) kernel's weight shape is not nn's [out, in, *kernel]). */
    private static final KaimingNormal HE = new KaimingNormal();
    private final RotationGrid grid;
    private final int inFields;
    private final int outFields;
    private final int kernel;
    private final ConvSpec spec;
    private final ConvSpec pointwise = ConvSpec.of(3);
    private final Constant rotation;
    private final Constant relative;
    private final Parameter groupWeight;
    private final Parameter spatialWeight;
    private final Parameter bias;

    public SE3SeparableConv(RotationGrid grid, int inFields, int outFields, int kernel, int stride, Rng rng) {
        super(grid.fieldType(inFields), grid.fieldType(outFields));
        if (kernel < 1 || kernel % 2 == 0) {
            throw new InvalidArgumentException("SE3SeparableConv: kernel size must be odd (a centre voxel), was " + kernel);
        }
        this.grid = grid;
        this.inFields = inFields;
        this.outFields = outFields;
        this.kernel = kernel;
        this.spec = ConvSpec.of(3).withPadding(kernel / 2).withStride(stride).withGroups(outFields * grid.size());
        this.rotation = KernelRotation.matrix(grid, kernel);
        int n = grid.size();
        this.relative = new Constant(transpose(grid.relativeRbfWeights(grid), n * n, n), n, n * n);
        int support = KernelRotation.support(kernel);
        this.groupWeight = registerParameter("group_weight", HE.sample(new int[] {outFields, inFields, n},
                new Fan(inFields * n, outFields * n), DType.FLOAT32, rng));
        // Unit mean square over the ball: the spatial part keeps the variance the SO(3) part sets.
        this.spatialWeight = registerParameter("spatial_weight", Tensors.randn(rng, outFields, kernel * kernel * kernel)
                .mul(Math.sqrt(1.0 / support)));
        this.bias = registerParameter("bias", Tensors.zeros(outFields));
    }

    static double[] transpose(double[] a, int rows, int columns) {
        double[] out = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = a[r * columns + c];
            }
        }
        return out;
    }

    public RotationGrid grid() {
        return grid;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        int n = grid.size();
        Tensor wg = groupWeight.value();
        // [O·C, m] · [m, i·j] -> k_SO3[o, c](g_i⁻¹ g_j), laid out as a 1x1x1 kernel [O·n_i, C·n_j]
        Tensor mixing = wg.reshape(outFields * inFields, n).matmul(relative.in(wg.dtype()))
                .reshape(outFields, inFields, n, n).permute(0, 2, 1, 3).reshape(outFields * n, inFields * n, 1, 1, 1);
        Tensor mixed = input.tensor().conv(mixing, null, pointwise);
        Tensor ws = spatialWeight.value();
        Tensor spatial = ws.matmul(rotation.in(ws.dtype())).reshape(outFields * n, 1, kernel, kernel, kernel);
        Tensor b = bias.value().reshape(outFields, 1).expand(outFields, n).reshape(outFields * n);
        return GeometricTensor.of(mixed.conv(spatial, b, spec), outType());
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(grid);
    }

    @Override
    public String toString() {
        return "SE3SeparableConv(" + inFields + " -> " + outFields + " fields on " + grid.name() + ", k=" + kernel + ")";
    }
}
