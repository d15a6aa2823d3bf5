package org.equivariant4j.backend.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One call of {@code Tensor.grad}: its outputs, seeds and inputs checked and cast to this engine,
 * then answered by the first-order pass ({@link Autograd}) or the create-graph one ({@link GraphAutograd}).
 */
final class GradientRequest {
    private static final String CALL = "Tensor.grad";

    private final List<Nd4jTensor> outputs;
    /** Caller's seeds, or null for ones. */
    private final List<Nd4jTensor> seeds;
    private final List<Nd4jTensor> inputs;

    private GradientRequest(List<Nd4jTensor> outputs, List<Nd4jTensor> seeds, List<Nd4jTensor> inputs) {
        this.outputs = outputs;
        this.seeds = seeds;
        this.inputs = inputs;
    }

    static GradientRequest of(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs) {
        List<Nd4jTensor> outs = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Nd4jTensor o = Nd4jTensor.of(outputs.get(i), CALL);
            if (!o.requiresGrad()) {
                throw new InvalidArgumentException(CALL + ": output " + i + " " + o + " does not require a gradient (nothing"
                        + " that requires one went into it, or it was made under GradMode.disabled())");
            }
            outs.add(o);
        }
        List<Nd4jTensor> seeds = null;
        if (gradOutputs != null) {
            seeds = new ArrayList<>();
            for (int i = 0; i < gradOutputs.size(); i++) {
                Nd4jTensor s = Nd4jTensor.of(gradOutputs.get(i), CALL);
                Nd4jTensor o = outs.get(i);
                if (!Arrays.equals(s.value().shape(), o.value().shape()) || s.value().dataType() != o.value().dataType()) {
                    throw new ShapeMismatchException(CALL + ": gradOutputs " + i + " must match output " + i + ": expected "
                            + Arrays.toString(o.shape()) + " " + o.dtype() + " but was " + Arrays.toString(s.shape()) + " "
                            + s.dtype());
                }
                seeds.add(s);
            }
        }
        List<Nd4jTensor> ins = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Nd4jTensor in = Nd4jTensor.of(inputs.get(i), CALL);
            if (!in.requiresGrad()) {
                throw new InvalidArgumentException(CALL + ": input " + i + " " + in + " does not require a gradient (mark the"
                        + " leaf with requiresGrad(true) before computing the outputs)");
            }
            ins.add(in);
        }
        return new GradientRequest(outs, seeds, ins);
    }

    List<Tensor> run(boolean createGraph, boolean allowUnused) {
        Tensor[] grads;
        if (createGraph) {
            List<Nd4jTensor> s = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                s.add(seeds != null ? seeds.get(i) : Nd4jTensor.leaf(Nd4j.onesLike(outputs.get(i).value())));
            }
            grads = GraphAutograd.gradients(outputs, s, inputs, false);
        } else {
            List<INDArray> s = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                s.add(seeds != null ? seeds.get(i).value() : Nd4j.onesLike(outputs.get(i).value()));
            }
            INDArray[] raw = Autograd.gradients(outputs, s, seeds == null, inputs);
            grads = new Tensor[raw.length];
            for (int i = 0; i < raw.length; i++) {
                grads[i] = raw[i] == null ? null : Nd4jTensor.leaf(raw[i]);
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
            Tensor g = grads[i];
            if (g == null) {
                Nd4jTensor in = inputs.get(i);
                if (!allowUnused) {
                    throw new InvalidArgumentException(CALL + ": input " + i + " " + in + " was not used to compute the"
                            + " outputs (pass allowUnused = true to get zeros for it)");
                }
                g = Nd4jTensor.leaf(Nd4j.zeros(in.value().dataType(), in.value().shape()));
            }
            out.add(g);
        }
        return out;
    }
}
