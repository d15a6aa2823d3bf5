package org.equivariant4j.pointcloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.shapes.MeshPrimitives;
import org.junit.jupiter.api.Test;

/**
 * Seeded truncations, byte flips, digit insertions (inflated counts and indices) and line splices of valid OFF and
 * PLY files, of a part list ({@link PartNames}) and of a labelled point file ({@link PartPointsReader}): every case
 * must end in a mesh (a list, points) or a {@link MalformedFileException}, never another exception, within
 * <ul>
 *   <li><b>memory</b>: the bytes the reading thread allocates at most {@code 24 L + 2 MiB}, L the case's length. The
 *   reader holds one line buffer (the 64 KiB limit), the growing arrays (each value needs at least 2 bytes of text
 *   and takes 8 as a double, doubling growth at most doubles that, and the final trimmed copy adds as much again:
 *   ≤ 4 · 8/2 · L = 16 L), and the per-line strings and token arrays (≤ 8 L transient); 2 MiB covers buffers, the
 *   exception and its message. A reader that trusted the declared count (a vertex count of 4,999,999 in a few bytes
 *   asks for 120 MB) exceeds it at once: {@link #theBoundCatchesAReaderThatTrustsTheDeclaredCount}.</li>
 *   <li><b>time</b>: 2 s per case, for cases that take well under a millisecond.</li>
 * </ul>
 */
class MeshReaderFuzzTest {
    private static final long SLACK = 2L << 20;
    private static final long CASE_NANOS = 2_000_000_000L;

    @Test
    void offMutationsEndInAMeshOrAMalformedFileException() {
        String valid = OffReader.toText(MeshPrimitives.sphere(1, 4));
        run(valid, text -> OffReader.read(stream(text), "fuzz.off", MeshLimits.DEFAULT), 20261206L);
    }

    @Test
    void plyMutationsEndInAMeshOrAMalformedFileException() {
        run(PlyReaderTest.SQUARE, text -> PlyReader.read(stream(text), "fuzz.ply", MeshLimits.DEFAULT), 20261207L);
    }

    @Test
    void partListMutationsEndInANameListOrAMalformedFileException() {
        String valid = "# parts of a part-labelled mesh folder\nslab\nsupport\nround\nback-or-head\narm_rest\n";
        run(valid, text -> PartNames.read(stream(text), "parts.txt"), 20261208L);
    }

    @Test
    void partPointMutationsEndInPointsOrAMalformedFileException() {
        run(PartPointsReaderTest.THREE, text -> PartPointsReader.read(stream(text), "points.txt", 4,
                MeshLimits.DEFAULT.maxVertices()), 20261209L);
    }

    @Test
    void theBoundCatchesAReaderThatTrustsTheDeclaredCount() {
        String hostile = "OFF\n4999999 1 0\n0 0 0\n";
        long before = allocated();
        try {
            // what a trusting reader does: allocate the declared vertices
            double[] trusting = new double[3 * 4_999_999];
            assertThat(trusting).isNotEmpty();
        } finally {
            assertThat(allocated() - before).isGreaterThan(bound(hostile));
        }
        long start = allocated();
        try {
            OffReader.read(stream(hostile), "hostile.off", MeshLimits.DEFAULT);
            fail("a truncated file was read");
        } catch (MalformedFileException expected) {
            assertThat(allocated() - start).isLessThanOrEqualTo(bound(hostile));
        }
    }

    private static void run(String valid, Function<String, ?> reader, long seed) {
        Random random = new Random(seed);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cases.add(valid.substring(0, random.nextInt(valid.length())));
        }
        for (int i = 0; i < 120; i++) {
            char[] c = valid.toCharArray();
            c[random.nextInt(c.length)] = "0123456789 -.\nexE#9".charAt(random.nextInt(19));
            cases.add(new String(c));
        }
        for (int i = 0; i < 60; i++) {
            int at = random.nextInt(valid.length());
            cases.add(valid.substring(0, at) + "99999999".substring(random.nextInt(8)) + valid.substring(at));
        }
        String[] lines = valid.split("\n");
        for (int i = 0; i < 40; i++) {
            List<String> l = new ArrayList<>(List.of(lines));
            l.add(random.nextInt(l.size()), l.get(random.nextInt(l.size())));
            cases.add(String.join("\n", l));
        }
        int refused = 0;
        for (String text : cases) {
            long before = allocated();
            long t0 = System.nanoTime();
            try {
                reader.apply(text);
            } catch (MalformedFileException e) {
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + cases.indexOf(text) + " threw " + e + " instead of MalformedFileException:\n"
                        + (text.length() > 300 ? text.substring(0, 300) : text), e);
            }
            long took = System.nanoTime() - t0;
            long used = allocated() - before;
            assertThat(used).as("bytes allocated reading case %d (length %d)", cases.indexOf(text), text.length())
                    .isLessThanOrEqualTo(bound(text));
            assertThat(took).as("nanoseconds for case %d", cases.indexOf(text)).isLessThan(CASE_NANOS);
        }
        assertThat(refused).as("a corpus of mutations is mostly refused").isGreaterThan(cases.size() / 4);
    }

    private static long bound(String text) {
        return 24L * text.length() + SLACK;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static Rng rng() {
        return new Rng(1);
    }
}
