package org.equivariant4j.nn.init;

/**
 * Which fan a Kaiming initialiser preserves the variance of: {@link #FAN_IN} keeps the forward
 * activations' scale (PyTorch's default), {@link #FAN_OUT} the backward gradients'.
 */
public enum FanMode {
    FAN_IN,
    FAN_OUT
}
