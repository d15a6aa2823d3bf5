/**
 * Checkpoints in the <a href="https://github.com/huggingface/safetensors">safetensors</a> format,
 * readable by PyTorch's {@code safetensors.torch.load_file}: written atomically, read as untrusted
 * input. The entry point is {@link org.equivariant4j.nn.checkpoint.Safetensors}.
 */
package org.equivariant4j.nn.checkpoint;
