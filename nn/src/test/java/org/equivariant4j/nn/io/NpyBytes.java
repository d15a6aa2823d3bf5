package org.equivariant4j.nn.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds {@code .npy} files from a header text, as numpy lays them out, for tests that need a header numpy would not write. */
final class NpyBytes {
    private NpyBytes() {
    }

    /** Magic, version {@code major}.0, the header length, {@code dict} padded with spaces and a newline to 64 bytes. */
    static byte[] header(String dict, int major) {
        byte[] d = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + d.length + 1;
        int pad = (64 - unpadded % 64) % 64;
        int len = d.length + pad + 1;
        byte[] out = new byte[8 + lengthBytes + len];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0};
        System.arraycopy(magic, 0, out, 0, 8);
        for (int i = 0; i < lengthBytes; i++) {
            out[8 + i] = (byte) (len >>> (8 * i));
        }
        System.arraycopy(d, 0, out, 8 + lengthBytes, d.length);
        Arrays.fill(out, 8 + lengthBytes + d.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /** A version 1.0 file: {@code header(dict, 1)} followed by {@code data}. */
    static byte[] file(String dict, byte[] data) {
        byte[] h = header(dict, 1);
        byte[] out = Arrays.copyOf(h, h.length + data.length);
        System.arraycopy(data, 0, out, h.length, data.length);
        return out;
    }
}
