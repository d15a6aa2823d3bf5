package org.equivariant4j.cli.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.equivariant.EquivariantLinear;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.experiment.GridSymmetry;

/**
 * An image classifier that is exactly invariant to a grid symmetry group, built from the generic
 * equivariant blocks: the image's pixels, regrouped into regular fields ({@link GridSymmetry}), go
 * through {@code depth} x (EquivariantLinear -> pointwise ReLU) on {@code fields x regular}, then
 * GroupPooling (max over each field's channels) gives invariant features, and a plain Linear head
 * maps them to logits. Every part before the head is equivariant and pooling is invariant, so the
 * logits do not change when the image is rotated, whatever the weights.
 */
final class InvariantClassifier extends Module {
    private final Tensor pixelOrder;
    private final EquivariantSequential body;
    private final Linear head;

    InvariantClassifier(GridSymmetry symmetry, int fields, int depth, int classes, Rng rng) {
        int[] order = symmetry.orbitOrder();
        this.pixelOrder = Tensors.of(order, order.length);
        FieldType hidden = FieldType.of(symmetry.fieldsType().domain(), Representation.directSum(
                Collections.nCopies(fields, Representation.regular(symmetry.group()))));
        List<EquivariantLayer> layers = new ArrayList<>();
        FieldType in = symmetry.fieldsType();
        for (int i = 0; i < depth; i++) {
            layers.add(new EquivariantLinear(in, hidden, rng.split()));
            layers.add(PointwiseNonlinearity.relu(hidden));
            in = hidden;
        }
        layers.add(new GroupPooling(hidden, GroupPooling.Mode.MAX));
        this.body = registerModule("body", new EquivariantSequential(layers));
        this.head = registerModule("head", new Linear(fields, classes, rng.split()));
    }

    /** Logits {@code [N, classes]} of flattened images {@code [N, size*size]}. */
    Tensor forward(Tensor images) {
        GeometricTensor x = GeometricTensor.of(images.indexSelect(1, pixelOrder), body.inType());
        return head.forward(body.forward(x).tensor());
    }

    @Override
    public String toString() {
        return "InvariantClassifier(" + body + " -> " + head + ")";
    }
}
