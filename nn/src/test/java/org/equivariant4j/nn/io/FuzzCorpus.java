package org.equivariant4j.nn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a valid file: truncations, bit flips and field overwrites. The same seed gives the
 * same cases, and every case carries an id ({@code flip-17@213.4}) that says how it was made, so a failure
 * names a case that can be rebuilt.
 */
final class FuzzCorpus {
    /** One mutated file: how it was made, its bytes, and whether the mutation stayed inside the data region. */
    record Case(String id, byte[] bytes, boolean dataOnly) {
    }

    /** Values that break size fields: zero, one, the largest signed and unsigned values, and neighbours. */
    static final long[] BOUNDARY = {0, 1, 2, 0x7F, 0xFF, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFF7L, 0x7FFFFFFFL, 0x80000000L,
        0xFFFFFFFEL, 0xFFFFFFFFL};

    private final List<Case> cases = new ArrayList<>();
    private final byte[] valid;
    private final Random random;
    private final String name;

    FuzzCorpus(String name, byte[] valid, long seed) {
        this.name = name;
        this.valid = valid;
        this.random = new Random(seed);
    }

    List<Case> cases() {
        return cases;
    }

    /** {@code count} seeded truncations, plus the empty file, one byte and all but the last byte. */
    FuzzCorpus truncations(int count) {
        cut(0);
        cut(1);
        cut(valid.length - 1);
        for (int i = 0; i < count; i++) {
            cut(random.nextInt(valid.length));
        }
        return this;
    }

    private void cut(int length) {
        cases.add(new Case(name + " cut@" + length, Arrays.copyOf(valid, Math.max(0, length)), false));
    }

    /** {@code count} files with {@code bits} seeded bit flips each; {@code dataStart}: where the data region begins. */
    FuzzCorpus flips(int count, int bits, int dataStart) {
        for (int i = 0; i < count; i++) {
            byte[] b = valid.clone();
            StringBuilder id = new StringBuilder(name + " flip" + bits + "-" + i);
            boolean dataOnly = true;
            for (int k = 0; k < bits; k++) {
                int at = random.nextInt(b.length);
                int bit = random.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                dataOnly &= at >= dataStart;
                id.append('@').append(at).append('.').append(bit);
            }
            cases.add(new Case(id.toString(), b, dataOnly));
        }
        return this;
    }

    /** The little-endian field of {@code width} bytes at {@code at} set to each boundary value in turn. */
    FuzzCorpus field(String field, int at, int width, ByteOrder order) {
        long original = read(at, width, order);
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        List<Long> values = new ArrayList<>();
        for (long v : BOUNDARY) {
            values.add(v & mask);
        }
        values.add((original + 1) & mask);
        values.add((original - 1) & mask);
        for (long v : values.stream().distinct().toList()) {
            if (v == original) {
                continue;
            }
            byte[] b = valid.clone();
            ByteBuffer buffer = ByteBuffer.wrap(b).order(order);
            switch (width) {
                case 1 -> buffer.put(at, (byte) v);
                case 2 -> buffer.putShort(at, (short) v);
                case 4 -> buffer.putInt(at, (int) v);
                default -> buffer.putLong(at, v);
            }
            cases.add(new Case(name + " " + field + "=" + Long.toHexString(v), b, false));
        }
        return this;
    }

    /** A case built by the caller (a header text variant, a crafted archive). */
    FuzzCorpus add(String id, byte[] bytes) {
        cases.add(new Case(name + " " + id, bytes, false));
        return this;
    }

    private long read(int at, int width, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(valid).order(order);
        return switch (width) {
            case 1 -> buffer.get(at) & 0xFFL;
            case 2 -> buffer.getShort(at) & 0xFFFFL;
            case 4 -> buffer.getInt(at) & 0xFFFFFFFFL;
            default -> buffer.getLong(at);
        };
    }
}
