package org.equivariant4j.nn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed bytes of one checked {@link ZipMember}, read from the archive's channel. It never
 * produces more than the member's declared size (one byte more and it refuses), and at the end it
 * refuses a member that inflated to fewer bytes, left compressed bytes unused, or whose CRC-32 differs
 * from the directory's: a flipped bit anywhere in the member fails here rather than loading silently.
 * Reading until {@code read()} returns -1 is what runs the end checks.
 */
final class ZipMemberStream extends InputStream {
    private static final int CHUNK = 8192;

    private final SeekableByteChannel channel;
    private final ZipMember member;
    private final String where;
    private final CRC32 crc = new CRC32();
    private final Inflater inflater;
    private final ByteBuffer input = ByteBuffer.allocate(CHUNK);
    private long consumed;
    private long produced;
    private boolean dummyFed;
    private boolean verified;

    ZipMemberStream(SeekableByteChannel channel, ZipMember member, String where) {
        this.channel = channel;
        this.member = member;
        this.where = where;
        this.inflater = member.method() == ZipMember.DEFLATED ? new Inflater(true) : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
        if (n < 0) {
            verifyEnd();
            return -1;
        }
        crc.update(b, off, n);
        produced += n;
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        long left = member.size() - produced;
        if (left == 0) {
            return -1;
        }
        ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
        int n = ZipDirectory.readAt(channel, target, member.dataOffset() + produced);
        if (n <= 0) {
            throw refuse("the file ended inside the member's data (it shrank while being read?)");
        }
        consumed += n;
        return n;
    }

    private int readDeflated(byte[] b, int off, int len) throws IOException {
        // Ask for at most one byte beyond the declared size: enough to see that the member is longer.
        int want = (int) Math.min(len, member.size() - produced + 1);
        int stalls = 0;
        while (true) {
            if (inflater.finished()) {
                return -1;
            }
            int n;
            try {
                n = inflater.inflate(b, off, want);
            } catch (DataFormatException e) {
                throw refuse("corrupt deflate data after " + produced + " bytes (" + e.getMessage() + ")");
            }
            if (n > 0) {
                if (produced + n > member.size()) {
                    throw refuse(String.format(Locale.ROOT, "inflates to more than the %,d bytes the directory declares",
                            member.size()));
                }
                return n;
            }
            if (inflater.needsDictionary()) {
                throw refuse("the deflate data asks for a preset dictionary, which zip members never use");
            }
            if (inflater.needsInput()) {
                feed();
            } else if (++stalls > 4) {
                throw refuse("the deflate data stalls after " + produced + " bytes (neither output nor a need for input)");
            }
        }
    }

    private void feed() throws IOException {
        long left = member.compressedSize() - consumed;
        if (left > 0) {
            input.clear().limit((int) Math.min(CHUNK, left));
            int n = ZipDirectory.readAt(channel, input, member.dataOffset() + consumed);
            if (n <= 0) {
                throw refuse("the file ended inside the member's compressed data (it shrank while being read?)");
            }
            consumed += n;
            inflater.setInput(input.flip());
        } else if (!dummyFed) {
            // zlib in raw mode may need one byte past the stream to finish (see Inflater's nowrap note).
            dummyFed = true;
            inflater.setInput(new byte[1]);
        } else {
            throw refuse(String.format(Locale.ROOT, "the deflate data ends after %,d of %,d declared bytes (truncated?)",
                    produced, member.size()));
        }
    }

    private void verifyEnd() {
        if (verified) {
            return;
        }
        verified = true;
        if (produced != member.size()) {
            throw refuse(String.format(Locale.ROOT, "holds %,d bytes but the directory declares %,d", produced, member.size()));
        }
        if (inflater != null) {
            long unused = member.compressedSize() - consumed + inflater.getRemaining() - (dummyFed ? 1 : 0);
            if (unused > 0) {
                throw refuse(String.format(Locale.ROOT, "the deflate data ends %,d bytes before the %,d compressed bytes the"
                        + " directory declares", unused, member.compressedSize()));
            }
        }
        if (crc.getValue() != member.crc()) {
            throw refuse(String.format(Locale.ROOT, "CRC-32 mismatch: the archive declares 0x%08x but the data gives 0x%08x"
                    + " (corrupted)", member.crc(), crc.getValue()));
        }
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }

    private NpyFormatException refuse(String problem) {
        return new NpyFormatException(where + ": " + problem);
    }
}
