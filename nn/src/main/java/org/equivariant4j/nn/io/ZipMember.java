package org.equivariant4j.nn.io;

/**
 * One member of a zip archive as its central directory and local header agree on it: where its
 * compressed bytes lie, how they are compressed and what they must inflate to.
 *
 * @param name         the member's name
 * @param method       0 (stored) or 8 (deflated)
 * @param crc          the CRC-32 of the uncompressed bytes
 * @param size         uncompressed size in bytes
 * @param compressedSize size of the stored or deflated bytes
 * @param headerOffset where the member's local header starts
 * @param dataOffset   where its compressed bytes start
 * @param end          the first byte after the member (after its data descriptor, if any)
 */
record ZipMember(String name, int method, long crc, long size, long compressedSize, long headerOffset, long dataOffset,
        long end) {
    static final int STORED = 0;
    static final int DEFLATED = 8;
}
