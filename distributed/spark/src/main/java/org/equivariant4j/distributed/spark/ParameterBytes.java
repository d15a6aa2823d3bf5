package org.equivariant4j.distributed.spark;

import java.util.Map;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.checkpoint.Safetensors;

/**
 * Tensors as safetensors bytes, the project's checkpoint format, for the wire: what the driver broadcasts (its
 * parameters and buffers) and what the workers read back. Never Java serialisation of engine objects. The bytes are
 * those of a checkpoint file, made and read in memory ({@link Safetensors#encode}, {@link Safetensors#decode}), and
 * validated on reading as a file from disk is.
 */
final class ParameterBytes {
    private ParameterBytes() {
    }

    /** {@code tensors} as the bytes of a safetensors file. */
    static byte[] encode(Map<String, Tensor> tensors) {
        return Safetensors.encode(tensors);
    }

    /** The tensors of safetensors {@code bytes}, validated as a file read from disk is. */
    static Map<String, Tensor> decode(byte[] bytes) {
        return Safetensors.decode(bytes);
    }
}
