package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.equivariant4j.core.error.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz corpus: seeded truncations, bit flips and header mutations of valid IDX, NPY and NPZ files
 * (written by our writers and by numpy), and the crafted hostile cases. Every case must end in a correct
 * read or in a {@link MalformedFileException}, never another exception or error, within these bounds:
 *
 * <ul>
 *   <li><b>memory</b>, measured as the bytes the reading thread allocates, from what each reader must hold:
 *     NPY {@code <= 2 L + 1 MiB} (the data, and one copy to reorder a Fortran-order array);
 *     IDX {@code <= L + 1 MiB} plain (the data), {@code <= 4 I + 1 MiB} gzip, where I is what the case really
 *     inflates to (the array grows by doubling as bytes arrive: the arrays allocated sum to at most twice the
 *     last, which is at most twice I);
 *     NPZ {@code <= 2 (L + D) + 1 MiB} (the directory and the file's tail, at most L each; each member's data
 *     and Fortran copy), where D is the uncompressed size of the valid archive the case came from: a mutation
 *     that changes a declared size must be refused before that size is allocated.
 *     L is the case's length; the 1 MiB covers stream buffers, the header text (at most 10,000 bytes), and the
 *     exception with its message and stack trace. A reader that trusted a declared size (2^31-9 items in 24
 *     bytes) exceeds these at once: {@link #theMemoryBoundCatchesAReaderThatTrustsTheDeclaredSize}.</li>
 *   <li><b>time</b>: 2 s per case, for a corpus whose cases take well under a millisecond each when
 *     nothing is wrong; what it catches is inflating or looping over a declared size, not jitter on a
 *     loaded 2-core machine.</li>
 * </ul>
 *
 * A read that succeeds must also be correct: a flip inside an NPY or IDX data region reads back as the
 * flipped bytes; an NPZ read (CRC-protected) returns exactly the original arrays.
 *
 * <p>Cases are read from memory (through the readers' stream and channel entry points, which the file
 * entry points wrap) so that the corpus costs reading, not thousands of file writes.
 *
 * <p>With {@code -Deq4j.fuzz.dump=<dir>} the NPY and NPZ cases and our outcome for each are written to
 * {@code dir} for {@code numpy/crosscheck_fuzz_corpus.py} in the test resources, which loads each
 * with numpy and compares (a local check; CI does not need Python).
 */
class ReaderFuzzTest {
    private static final long SEED = 20261206L;
    private static final long SLACK = 1 << 20;
    private static final long CASE_NANOS = 2_000_000_000L;

    @TempDir
    Path dir;

    private final List<String> dump = new ArrayList<>();
    private int crcRefusals;

    /** What a case did, for the failure message and the summary. */
    private record Result(String id, String outcome, long allocated, long bound, long nanos) {
    }

    // ---------------------------------------------------------------- IDX

    private static byte[] idx(int[] dims, byte[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {0, 0, 8, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] noise(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<FuzzCorpus.Case> idxCases(byte[] valid, int rank, String name, long seed) {
        int header = 4 + 4 * rank;
        FuzzCorpus c = new FuzzCorpus(name, valid, seed).truncations(25).flips(40, 1, header).flips(15, 3, header)
                .field("type", 2, 1, ByteOrder.BIG_ENDIAN).field("rank", 3, 1, ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < rank; i++) {
            c.field("dim" + i, 4 + 4 * i, 4, ByteOrder.BIG_ENDIAN);
        }
        // The crafted case of issue 14: 24 bytes declaring 2^31-9 values.
        c.add("declares-2^31-9", idx(new int[] {1, 1, Integer.MAX_VALUE - 8}, new byte[8]));
        return c.cases();
    }

    @Test
    void idxFilesPlainAndGzipped() throws IOException {
        List<Result> results = new ArrayList<>();
        Map<String, byte[]> valid = new LinkedHashMap<>();
        valid.put("labels", idx(new int[] {40}, noise(40, 1)));
        valid.put("images", idx(new int[] {3, 4, 5}, noise(60, 2)));
        long seed = SEED;
        for (Map.Entry<String, byte[]> v : valid.entrySet()) {
            int rank = v.getValue()[3];
            for (FuzzCorpus.Case c : idxCases(v.getValue(), rank, v.getKey(), seed++)) {
                results.add(runIdx(c, c.bytes(), c.bytes().length + SLACK));
            }
            // Gzipped: mutations of the compressed bytes, and gzipped mutations of the content.
            byte[] packed = gzip(v.getValue());
            List<FuzzCorpus.Case> gz = new ArrayList<>(new FuzzCorpus(v.getKey() + ".gz", packed, seed++).truncations(25)
                    .flips(40, 1, packed.length).cases());
            for (FuzzCorpus.Case c : idxCases(v.getValue(), rank, v.getKey() + "(gz)", seed++)) {
                gz.add(new FuzzCorpus.Case(c.id(), gzip(c.bytes()), false));
            }
            for (FuzzCorpus.Case c : gz) {
                byte[] inflated = inflatedPrefix(c.bytes());
                results.add(runIdx(c, inflated, 4L * inflated.length + SLACK));
            }
        }
        assertAllWithinBounds("IDX", results);
    }

    /** What a gzip case inflates to before it ends or fails (the JDK's decoder, as the reader uses it); else the bytes. */
    private static byte[] inflatedPrefix(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1f || (bytes[1] & 0xFF) != 0x8b) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) > 0; ) {
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            // A corrupt stream: what came out before the error is what the reader could have seen.
        }
        return out.toByteArray();
    }

    private Result runIdx(FuzzCorpus.Case c, byte[] content, long bound) {
        IdxArray[] read = new IdxArray[1];
        ThreadAllocation.Outcome o = ThreadAllocation.measure(
                () -> read[0] = IdxReader.read(new ByteArrayInputStream(c.bytes()), "case.idx", c.bytes().length, -1));
        String outcome = outcome(o);
        if (o.thrown() == null) {
            // A read must give back exactly the content's data bytes, in the content's dims.
            IdxArray a = read[0];
            int header = 4 + 4 * a.rank();
            boolean same = content.length == header + a.size();
            for (int i = 0; same && i < a.size(); i++) {
                same = a.get(i) == (content[header + i] & 0xFF);
            }
            outcome = same ? "ok" : "WRONG DATA " + a;
        } else if (c.dataOnly()) {
            outcome = "WRONG: a data-only flip was refused: " + outcome;
        }
        return new Result(c.id(), outcome, o.allocatedBytes(), bound, o.nanos());
    }

    // ---------------------------------------------------------------- NPY

    private static Map<String, byte[]> validNpy() throws IOException {
        Map<String, byte[]> valid = new LinkedHashMap<>();
        float[] f = new float[24];
        double[] d = new double[6];
        long[] l = new long[6];
        Random r = new Random(SEED);
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextFloat() - 0.5f;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
            l[i] = r.nextLong();
        }
        valid.put("f4-c", Npy.toBytes(NpyArray.ofFloats(f, 2, 3, 4), ByteOrder.LITTLE_ENDIAN, false));
        valid.put("f8-be-fortran", Npy.toBytes(NpyArray.ofDoubles(d, 3, 2), ByteOrder.BIG_ENDIAN, true));
        valid.put("i8-fortran", Npy.toBytes(NpyArray.ofLongs(l, 2, 3), ByteOrder.LITTLE_ENDIAN, true));
        valid.put("u1", Npy.toBytes(NpyArray.ofUnsignedBytes(new int[] {0, 9, 255, 128}, 4), ByteOrder.LITTLE_ENDIAN, false));
        for (String numpy : new String[] {"f4_v3.npy", "b1.npy", "scalar_f8.npy"}) {
            valid.put("numpy:" + numpy, Files.readAllBytes(NumpyReferenceFilesTest.resource(numpy)));
        }
        return valid;
    }

    /** Header-text variants of a valid file: the mutations a hand-edited or hostile header would make. */
    private static void headerVariants(FuzzCorpus corpus, byte[] valid, Random random) {
        int major = valid[6];
        int lengthBytes = major == 1 ? 2 : 4;
        int headerLength = (valid[8] & 0xFF) | (valid[9] & 0xFF) << 8;
        if (lengthBytes == 4) {
            headerLength |= (valid[10] & 0xFF) << 16 | (valid[11] & 0xFF) << 24;
        }
        int dataStart = 8 + lengthBytes + headerLength;
        String dict = new String(valid, 8 + lengthBytes, headerLength, StandardCharsets.ISO_8859_1).strip();
        byte[] data = Arrays.copyOfRange(valid, dataStart, valid.length);
        String descr = dict.replaceAll(".*'descr': ('[^']*').*", "$1");
        String shape = dict.replaceAll(".*'shape': (\\([^)]*\\)).*", "$1");
        String[][] replacements = {
            {descr, "'<f8'"}, {descr, "'>f4'"}, {descr, "'<i4'"}, {descr, "'<U2'"}, {descr, "'<u4'"}, {descr, "'|f4'"},
            {descr, "'f4'"}, {descr, "'<F4'"}, {descr, "\"<f4\""}, {descr, "'<f'"}, {descr, "'<c8'"}, {descr, "'|O'"},
            {"False", "True"}, {"True", "False"}, {"False", "0"}, {"False", "None"},
            {shape, "(24,)"}, {shape, "(4, 3, 2)"}, {shape, "(2, 3, 5)"}, {shape, "()"}, {shape, "(0,)"}, {shape, "(6,)"},
            {shape, "(2147483647, 2147483647)"}, {shape, "(-24,)"}, {shape, "(24)"}, {shape, "(2, 3, 4, 1)"},
            {shape, "(" + "1, ".repeat(65) + ")"}, {shape, "(1L,)"}, {shape, "(0x18,)"},
            {"'descr'", "'descr': '<f8', 'descr'"}, {"'shape'", "'extra': 1, 'shape'"}, {"'fortran_order': ", "'fortran_order' "},
            {"}", ""}, {"}", "} junk"}, {"{", "{{"}, {", }", "}"}};
        for (String[] r : replacements) {
            if (dict.contains(r[0])) {
                corpus.add("header:" + r[0] + "->" + r[1], concat(NpyBytes.header(dict.replace(r[0], r[1]), major), data));
            }
        }
        for (int i = 0; i < 20; i++) {
            StringBuilder s = new StringBuilder(dict);
            int at = random.nextInt(s.length());
            if (i % 2 == 0) {
                s.deleteCharAt(at);
            } else {
                String alphabet = "{}(),:'\" 0L-x\\";
                s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            corpus.add("header-edit" + i + "@" + at, concat(NpyBytes.header(s.toString(), major), data));
        }
        corpus.field("version", 6, 1, ByteOrder.LITTLE_ENDIAN).field("minor", 7, 1, ByteOrder.LITTLE_ENDIAN)
                .field("header-length", 8, lengthBytes, ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void npyFiles() throws IOException {
        List<Result> results = new ArrayList<>();
        long seed = SEED;
        for (Map.Entry<String, byte[]> v : validNpy().entrySet()) {
            byte[] valid = v.getValue();
            int lengthBytes = valid[6] == 1 ? 2 : 4;
            int headerLength = (valid[8] & 0xFF) | (valid[9] & 0xFF) << 8;
            int dataStart = 8 + lengthBytes + headerLength;
            FuzzCorpus corpus = new FuzzCorpus(v.getKey(), valid, seed).truncations(25).flips(40, 1, dataStart)
                    .flips(15, 3, dataStart);
            headerVariants(corpus, valid, new Random(seed++));
            for (FuzzCorpus.Case c : corpus.cases()) {
                results.add(runNpy(c, valid, dataStart));
            }
        }
        assertAllWithinBounds("NPY", results);
    }

    private Result runNpy(FuzzCorpus.Case c, byte[] valid, int dataStart) throws IOException {
        NpyArray[] read = new NpyArray[1];
        ThreadAllocation.Outcome o = ThreadAllocation.measure(() -> {
            try {
                read[0] = Npy.read(new ByteArrayInputStream(c.bytes()), "case.npy", c.bytes().length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String outcome = outcome(o);
        if (c.dataOnly()) {
            // The header is the valid one: the read must give the flipped bytes, as the writer lays them out again.
            boolean bigEndian = new String(valid, 0, dataStart, StandardCharsets.ISO_8859_1).contains("'>");
            boolean fortran = new String(valid, 0, dataStart, StandardCharsets.ISO_8859_1).contains("True");
            boolean same = o.thrown() == null && Arrays.equals(Arrays.copyOfRange(c.bytes(), dataStart, c.bytes().length),
                    Arrays.copyOfRange(Npy.toBytes(read[0], bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, fortran),
                            dataStart, c.bytes().length));
            outcome = same ? outcome : "WRONG: a data-only flip did not read back as the flipped bytes: " + outcome;
        }
        record(c, ".npy", o.thrown() == null ? describe(read[0]) : "refused");
        return new Result(c.id(), outcome, o.allocatedBytes(), 2L * c.bytes().length + SLACK, o.nanos());
    }

    // ---------------------------------------------------------------- NPZ

    @Test
    void npzArchives() throws IOException {
        Map<String, byte[]> valid = new LinkedHashMap<>();
        for (String numpy : new String[] {"savez.npz", "savez_compressed.npz"}) {
            valid.put("numpy:" + numpy, Files.readAllBytes(NumpyReferenceFilesTest.resource(numpy)));
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        float[] f = new float[30];
        Random r = new Random(SEED);
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextFloat();
        }
        arrays.put("x", NpyArray.ofFloats(f, 5, 6));
        arrays.put("y", NpyArray.ofLongs(new long[] {1, -2, 3}, 3));
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve("ours.npz");
            Npz.write(p, arrays, compressed);
            valid.put(compressed ? "ours-deflated" : "ours-stored", Files.readAllBytes(p));
        }
        ZipBytes zip64 = new ZipBytes();
        zip64.add("s.npy", Npy.toBytes(arrays.get("y"), ByteOrder.LITTLE_ENDIAN, false), false);
        zip64.add("d.npy", Npy.toBytes(arrays.get("x"), ByteOrder.BIG_ENDIAN, true), true);
        valid.put("zip64", zip64.finish(true));
        List<Result> results = new ArrayList<>();
        long seed = SEED;
        for (Map.Entry<String, byte[]> v : valid.entrySet()) {
            byte[] bytes = v.getValue();
            Path original = dir.resolve("original.npz");
            Files.write(original, bytes);
            Map<String, NpyArray> expected = Npz.readAll(original);
            long declared = expected.values().stream().mapToLong(a -> Npy.toBytes(a, ByteOrder.LITTLE_ENDIAN, false).length).sum();
            FuzzCorpus corpus = new FuzzCorpus(v.getKey(), bytes, seed++).truncations(25).flips(60, 1, bytes.length)
                    .flips(20, 3, bytes.length);
            zipFields(corpus, bytes);
            for (FuzzCorpus.Case c : corpus.cases()) {
                results.add(runNpz(c, expected, 2L * (c.bytes().length + declared) + SLACK));
            }
        }
        assertAllWithinBounds("NPZ", results);
        assertThat(crcRefusals).as("data flips the CRC-32 caught (not some earlier check)").isGreaterThan(10);
    }

    /** Every size, offset, count, method and flag field of each local header, central entry and (zip64) end record. */
    private static void zipFields(FuzzCorpus corpus, byte[] zip) {
        for (int at = 0; at + 4 <= zip.length; at++) {
            int sig = (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8 | (zip[at + 2] & 0xFF) << 16 | (zip[at + 3] & 0xFF) << 24;
            int[][] fields = switch (sig) {
                case 0x04034b50 -> new int[][] {{6, 2}, {8, 2}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}};
                case 0x02014b50 -> new int[][] {{8, 2}, {10, 2}, {16, 4}, {20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2}, {34, 2},
                    {42, 4}};
                case 0x06054b50 -> new int[][] {{4, 2}, {6, 2}, {8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}};
                case 0x06064b50 -> new int[][] {{4, 8}, {16, 4}, {20, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 8}};
                case 0x07064b50 -> new int[][] {{4, 4}, {8, 8}, {16, 4}};
                default -> new int[0][];
            };
            for (int[] f : fields) {
                if (at + f[0] + f[1] <= zip.length) {
                    corpus.field(String.format(Locale.ROOT, "%08x+%d", sig, f[0]) + "@" + at, at + f[0], f[1],
                            ByteOrder.LITTLE_ENDIAN);
                }
            }
        }
    }

    private Result runNpz(FuzzCorpus.Case c, Map<String, NpyArray> expected, long bound) throws IOException {
        List<NpyArray> read = new ArrayList<>();
        ThreadAllocation.Outcome o = ThreadAllocation.measure(() -> {
            try (Npz npz = Npz.open(new ByteArrayChannel(c.bytes()), "case.npz", Npy.DEFAULT_MAX_ARRAY_BYTES)) {
                for (String name : npz.names()) {
                    read.add(npz.get(name));
                }
            }
        });
        String outcome = outcome(o);
        if (o.thrown() != null && String.valueOf(o.thrown().getMessage()).contains("CRC-32 mismatch")) {
            crcRefusals++;
        }
        if (o.thrown() == null) {
            // Names are not CRC-protected (a flipped name reads under the new name); the arrays are.
            List<String> want = expected.values().stream().map(ReaderFuzzTest::describe).toList();
            List<String> got = read.stream().map(ReaderFuzzTest::describe).toList();
            outcome = got.equals(want) ? "ok" : "WRONG DATA " + got;
        }
        record(c, ".npz", o.thrown() == null ? String.join(";", read.stream().map(ReaderFuzzTest::describe).toList()) : "refused");
        return new Result(c.id(), outcome, o.allocatedBytes(), bound, o.nanos());
    }

    // ---------------------------------------------------------------- checks

    private static String outcome(ThreadAllocation.Outcome o) {
        if (o.thrown() == null) {
            return "ok";
        }
        if (o.thrown() instanceof MalformedFileException) {
            return "refused";
        }
        return "WRONG EXCEPTION " + o.thrown();
    }

    /** dtype, shape and a hash of the little-endian C-order bytes: what numpy must agree on. */
    static String describe(NpyArray a) {
        java.nio.ByteBuffer b = a.bytes();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return a.dtype().code() + Arrays.toString(a.shape()).replace(" ", "") + ":" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(FuzzCorpus.Case c, String extension, String outcome) throws IOException {
        String target = System.getProperty("eq4j.fuzz.dump");
        if (target == null) {
            return;
        }
        Path d = Path.of(target);
        Files.createDirectories(d);
        String name = String.format(Locale.ROOT, "%05d%s", dump.size(), extension);
        Files.write(d.resolve(name), c.bytes());
        dump.add(name + "\t" + outcome + "\t" + c.id().replace('\t', ' '));
        Files.write(d.resolve("outcomes" + extension + ".tsv"), dump.stream().filter(l -> l.contains(extension + "\t")).toList());
    }

    /** Each case that read wrongly, threw anything but our exception, or exceeded its memory or time bound. */
    private static List<String> violations(List<Result> results) {
        List<String> failures = new ArrayList<>();
        for (Result r : results) {
            if (r.outcome.startsWith("WRONG")) {
                failures.add(r.id + ": " + r.outcome);
            }
            if (r.allocated > r.bound) {
                failures.add(String.format(Locale.ROOT, "%s: allocated %,d bytes, bound %,d (%s)", r.id, r.allocated, r.bound,
                        r.outcome));
            }
            if (r.nanos > CASE_NANOS) {
                failures.add(String.format(Locale.ROOT, "%s: took %.2f s, bound %.1f s", r.id, r.nanos / 1e9, CASE_NANOS / 1e9));
            }
        }
        return failures;
    }

    private static void assertAllWithinBounds(String reader, List<Result> results) {
        long ok = results.stream().filter(r -> r.outcome.equals("ok")).count();
        double worstRatio = results.stream().mapToDouble(r -> (double) r.allocated / r.bound).max().orElse(0);
        long slowest = results.stream().mapToLong(Result::nanos).max().orElse(0);
        long total = results.stream().mapToLong(Result::nanos).sum();
        System.out.printf(Locale.ROOT, "%s fuzz corpus: %d cases, %d read, %d refused; largest allocation %.1f%% of its bound;"
                + " slowest case %.1f ms, all reads %.2f s%n", reader, results.size(), ok, results.size() - ok, 100 * worstRatio,
                slowest / 1e6, total / 1e9);
        assertThat(violations(results)).as(reader + " fuzz corpus (seed " + SEED + "), " + results.size() + " cases").isEmpty();
        assertThat(results.size()).as("the corpus was built").isGreaterThan(100);
    }

    /**
     * Negative control for the memory bound: the IDX reader as it was before issue 14, which allocated the
     * declared size and then read, fails the bound on the crafted case that the corpus holds (here 64 MiB
     * declared in 24 bytes rather than 2 GiB, so the control itself stays within the test heap).
     */
    @Test
    void theMemoryBoundCatchesAReaderThatTrustsTheDeclaredSize() {
        byte[] crafted = idx(new int[] {1, 1, 1 << 26}, new byte[8]);
        ThreadAllocation.Outcome o = ThreadAllocation.measure(() -> {
            try (java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(crafted))) {
                in.skipNBytes(4);
                long total = (long) in.readInt() * in.readInt() * in.readInt();
                byte[] data = new byte[(int) total];
                if (in.readNBytes(data, 0, data.length) < total) {
                    throw new IdxFormatException("truncated");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<Result> naive = List.of(new Result("trusting-reader declares-2^26", outcome(o), o.allocatedBytes(),
                crafted.length + SLACK, o.nanos()));
        assertThat(violations(naive)).singleElement().asString().contains("allocated 67,1").contains("bound 1,048,6");

        ThreadAllocation.Outcome ours = ThreadAllocation.measure(
                () -> IdxReader.read(new ByteArrayInputStream(crafted), "crafted", crafted.length, -1));
        assertThat(violations(List.of(new Result("ours declares-2^26", outcome(ours), ours.allocatedBytes(),
                crafted.length + SLACK, ours.nanos())))).isEmpty();
    }
}
