package org.equivariant4j.backend.nd4j;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.TensorBackend;
import org.equivariant4j.core.tensor.UpdateKernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.auto.service.AutoService;

/**
 * The ND4J engine. Discovery constructs this class only; ND4J and its natives load on the
 * first tensor (as DJL's engine providers defer their natives).
 */
@AutoService(TensorBackend.class)
public final class Nd4jBackend implements TensorBackend {

    /**
     * The system property that chooses between this backend's own CPU kernels (segment sums,
     * gathers, im2col convolution; {@code auto}, the default, uses them where they apply) and
     * ND4J's ops alone ({@code nd4j}: the portable path, to compare the two or to rule the kernels
     * out when chasing a bug). Read on every call; any other value is an error.
     */
    public static final String KERNELS_PROPERTY = "equivariant4j.kernels";

    @Override
    public UpdateKernels updateKernels() {
        return Nd4jUpdateKernels.INSTANCE;
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public String describe() {
        return "nd4j " + Nd4j.getBackend().getClass().getSimpleName() + " (" + Nd4j.getExecutioner().getClass().getSimpleName()
                + ", " + Nd4j.getEnvironment().maxMasterThreads() + " threads)";
    }

    @Override
    public void checkAllocation(String op, int[] shape, DType dtype) {
        AllocationLimit.check(op, toLong(shape), DTypes.toNd4j(dtype));
    }

    @Override
    public Tensor fromDoubles(double[] data, int[] shape, DType dtype) {
        checkAllocation("fromDoubles", shape, dtype);
        INDArray a = Nd4j.create(data, toLong(shape), DataType.DOUBLE);
        return Nd4jTensor.leaf(dtype == DType.FLOAT64 ? a : a.castTo(DTypes.toNd4j(dtype)));
    }

    @Override
    public Tensor fromFloats(float[] data, int[] shape, DType dtype) {
        checkAllocation("fromFloats", shape, dtype);
        INDArray a = Nd4j.create(data, toLong(shape), DataType.FLOAT);
        return Nd4jTensor.leaf(dtype == DType.FLOAT32 ? a : a.castTo(DTypes.toNd4j(dtype)));
    }

    @Override
    public Tensor fromLongs(long[] data, int[] shape, DType dtype) {
        checkAllocation("fromLongs", shape, dtype);
        INDArray a = Nd4j.createFromArray(data).reshape(toLong(shape));
        return Nd4jTensor.leaf(dtype == DType.INT64 ? a : a.castTo(DTypes.toNd4j(dtype)));
    }

    @Override
    public Tensor full(int[] shape, double value, DType dtype) {
        checkAllocation("full", shape, dtype);
        INDArray a = Nd4j.valueArrayOf(toLong(shape), value, DTypes.toNd4j(dtype));
        return Nd4jTensor.leaf(a);
    }

    @Override
    public Tensor concat(int dim, Tensor... tensors) {
        return ShapeOps.concat(dim, tensors);
    }

    @Override
    public Tensor stack(int dim, Tensor... tensors) {
        return ShapeOps.stack(dim, tensors);
    }

    @Override
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        return IndexOps.where(Nd4jTensor.of(condition, "where"), Nd4jTensor.of(a, "where"), Nd4jTensor.of(b, "where"));
    }

    @Override
    public List<Tensor> gradients(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs, boolean createGraph,
            boolean allowUnused) {
        return GradientRequest.of(outputs, gradOutputs, inputs).run(createGraph, allowUnused);
    }

    static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new ShapeMismatchException("negative extent in shape " + Arrays.toString(shape));
            }
            s[i] = shape[i];
        }
        return s;
    }
}
