package org.equivariant4j.ssl.invariance.experiment;

import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.ssl.invariance.InvarianceRegularizer;

/**
 * One model of the comparison and how it is trained: its network, its optimiser, whether each training image is
 * turned by a random element of the orbit group first (orbit augmentation), and the invariance regulariser, if any.
 *
 * @param name        short name (state-dict prefix, metric suffix), e.g. {@code cnn-reg}
 * @param label       what the result table calls it
 * @param net         the classifier
 * @param optimizer   its Adam
 * @param augmented   whether training images are turned at random
 * @param regularizer the invariance penalty added to its loss, or null
 */
record Contender(String name, String label, GroupCnn net, Adam optimizer, boolean augmented, InvarianceRegularizer regularizer) {
}
