package org.equivariant4j.nn.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds zip archives byte by byte for the tests, including the ones no library would write: central
 * entries that point where the test says, members nested in other members' data, sizes that lie. Only
 * what the crafted cases need: no data descriptors; zip64 only in the central directory and end records
 * ({@link #finish(boolean)}), as an archive larger than 4 GB would have them.
 */
final class ZipBytes {
    /** A member as the central directory will describe it. */
    record Entry(String name, int method, long crc, long size, long compressedSize, long offset) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Entry> central = new ArrayList<>();

    /** The deflated (raw, as zip stores it) form of {@code data}. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            b.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return b.toByteArray();
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    /** Appends a member with a truthful local header and records its central entry; returns that entry. */
    Entry add(String name, byte[] content, boolean deflated) {
        byte[] stored = deflated ? deflate(content) : content;
        Entry e = new Entry(name, deflated ? 8 : 0, crc(content), content.length, stored.length, out.size());
        appendLocal(e, stored);
        central.add(e);
        return e;
    }

    /** Appends a local header and data for {@code e} (whose offset must be the current length) without a central entry. */
    void appendLocal(Entry e, byte[] stored) {
        byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = le(30);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) e.method).putShort((short) 0)
                .putShort((short) 0x21).putInt((int) e.crc).putInt((int) e.compressedSize).putInt((int) e.size)
                .putShort((short) name.length).putShort((short) 0);
        out.write(h.array(), 0, 30);
        out.write(name, 0, name.length);
        out.write(stored, 0, stored.length);
    }

    /** Records a central entry as given (it may point anywhere). */
    void addCentral(Entry e) {
        central.add(e);
    }

    /** The current length: the offset of the next local header. */
    int size() {
        return out.size();
    }

    /** The archive: the local members written so far, then the central directory and its end record. */
    byte[] finish() {
        return finish(false);
    }

    /**
     * The archive; with {@code zip64}, every central entry gives its sizes and offset in a zip64 extra field (the
     * 32-bit fields saturated) and the end record defers to a zip64 end record and locator.
     */
    byte[] finish(boolean zip64) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] members = out.toByteArray();
        all.write(members, 0, members.length);
        for (Entry e : central) {
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46);
            c.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0).putShort((short) e.method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc).putInt(zip64 ? -1 : (int) e.compressedSize)
                    .putInt(zip64 ? -1 : (int) e.size).putShort((short) name.length).putShort((short) (zip64 ? 28 : 0))
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(zip64 ? -1 : (int) e.offset);
            all.write(c.array(), 0, 46);
            all.write(name, 0, name.length);
            if (zip64) {
                ByteBuffer extra = le(28).putShort((short) 1).putShort((short) 24).putLong(e.size).putLong(e.compressedSize)
                        .putLong(e.offset);
                all.write(extra.array(), 0, 28);
            }
        }
        int directorySize = all.size() - members.length;
        if (zip64) {
            long recordAt = all.size();
            ByteBuffer record = le(56).putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0)
                    .putInt(0).putLong(central.size()).putLong(central.size()).putLong(directorySize).putLong(members.length);
            all.write(record.array(), 0, 56);
            ByteBuffer locator = le(20).putInt(0x07064b50).putInt(0).putLong(recordAt).putInt(1);
            all.write(locator.array(), 0, 20);
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) (zip64 ? -1 : central.size()))
                .putShort((short) (zip64 ? -1 : central.size())).putInt(zip64 ? -1 : directorySize)
                .putInt(zip64 ? -1 : members.length).putShort((short) 0);
        all.write(end.array(), 0, 22);
        return all.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code bytes} with the 4-byte little-endian field at {@code at} set to {@code value}. */
    static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }
}
