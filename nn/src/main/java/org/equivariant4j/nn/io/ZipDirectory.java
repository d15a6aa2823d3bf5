package org.equivariant4j.nn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the directory of an untrusted zip archive (as {@code numpy.savez} writes it, and as
 * {@link java.util.zip.ZipOutputStream} does) and checks it before any member is inflated:
 *
 * <ul>
 *   <li>one end-of-central-directory record (zip64 if the sizes need it) closing the file exactly, on
 *       one disk, with the central directory immediately before it;</li>
 *   <li>each central entry agreeing with its member's local header (name, method, flags, and CRC and
 *       sizes unless a data descriptor follows the data, which must then agree);</li>
 *   <li>members that do not overlap one another or the directory: an archive of many entries pointing
 *       at one large member (each inflated again) is refused, so the inflated total is bounded by the
 *       file;</li>
 *   <li>stored or deflated members only, not encrypted, unique names, and a declared size a deflate
 *       stream of that length can produce (at most {@value #MAX_DEFLATE_RATIO} bytes per compressed
 *       byte), so no allocation sized from a header can exceed the file's length times that ratio.</li>
 * </ul>
 *
 * The CRC-32 of each member is checked when it is read ({@link ZipMemberStream}).
 */
final class ZipDirectory {
    /** The most output one byte of deflate input can produce: a 258-byte match coded in 2 bits. */
    static final long MAX_DEFLATE_RATIO = 1032;

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final long U32 = 0xFFFFFFFFL;
    private static final int U16 = 0xFFFF;
    private static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    private final SeekableByteChannel channel;
    private final long fileSize;
    private final String where;

    private ZipDirectory(SeekableByteChannel channel, long fileSize, String where) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.where = where;
    }

    /** The members of the archive open in {@code channel}, in directory order; {@code where} names the file in errors. */
    static List<ZipMember> read(SeekableByteChannel channel, String where) throws IOException {
        return new ZipDirectory(channel, channel.size(), where).members();
    }

    private record Central(String name, byte[] rawName, int flags, int method, long crc, long compressedSize, long size,
            long headerOffset) {
    }

    private List<ZipMember> members() throws IOException {
        long endAt = findEnd();
        ByteBuffer end = bytes(endAt, 22, "the end-of-central-directory record");
        int disk = end.getShort(4) & U16;
        int directoryDisk = end.getShort(6) & U16;
        long entriesOnDisk = end.getShort(8) & U16;
        long entries = end.getShort(10) & U16;
        long directorySize = end.getInt(12) & U32;
        long directoryOffset = end.getInt(16) & U32;
        long directoryEnd = endAt;
        if (endAt >= 20 && bytes(endAt - 20, 4, "a zip64 locator").getInt(0) == END64_LOCATOR) {
            ByteBuffer locator = bytes(endAt - 20, 20, "the zip64 end-of-central-directory locator");
            long recordAt = locator.getLong(8);
            int recordDisk = locator.getInt(4);
            long disks = locator.getInt(16) & U32;
            if (recordDisk != 0 || disks > 1) {
                throw refuse("multi-disk (split) archives are not supported (the zip64 locator says disk " + recordDisk + " of "
                        + disks + ")");
            }
            if (recordAt < 0 || recordAt > endAt - 20 - 56) {
                throw refuse("the zip64 locator points at offset " + recordAt + ", outside the file before it");
            }
            ByteBuffer record = bytes(recordAt, 56, "the zip64 end-of-central-directory record");
            if (record.getInt(0) != END64) {
                throw refuse("expected the zip64 end-of-central-directory record at offset " + recordAt + " but found "
                        + signature(record.getInt(0)));
            }
            disk = record.getInt(16);
            directoryDisk = record.getInt(20);
            entriesOnDisk = record.getLong(24);
            entries = record.getLong(32);
            directorySize = record.getLong(40);
            directoryOffset = record.getLong(48);
            directoryEnd = recordAt;
        }
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != entries) {
            throw refuse("multi-disk (split) archives are not supported (disk " + disk + ", directory on disk " + directoryDisk
                    + ", " + entriesOnDisk + " of " + entries + " entries on this disk)");
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize != directoryEnd) {
            throw refuse(String.format(Locale.ROOT, "the central directory (offset %,d, %,d bytes) must end where the end record"
                    + " starts (offset %,d)", directoryOffset, directorySize, directoryEnd));
        }
        if (entries < 0 || entries > directorySize / 46) {
            throw refuse(String.format(Locale.ROOT, "the end record declares %,d entries but a %,d-byte central directory holds"
                    + " at most %,d", entries, directorySize, directorySize / 46));
        }
        ByteBuffer directory = bytes(directoryOffset, (int) directorySize, "the central directory");
        List<ZipMember> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < entries; i++) {
            Central central = central(directory, i);
            if (!names.add(central.name)) {
                throw refuse("the member name '" + central.name + "' appears twice (readers disagree on which one is meant)");
            }
            members.add(local(central, directoryOffset));
        }
        if (directory.hasRemaining()) {
            throw refuse(String.format(Locale.ROOT, "the central directory declares %,d entries but %,d bytes remain after them",
                    entries, directory.remaining()));
        }
        checkDisjoint(members);
        return members;
    }

    /** The last end record whose comment reaches exactly to the end of the file. */
    private long findEnd() throws IOException {
        if (fileSize < 22) {
            throw refuse("a zip archive is at least 22 bytes (its end record) but the file has " + fileSize);
        }
        int tail = (int) Math.min(fileSize, 22 + U16);
        ByteBuffer b = bytes(fileSize - tail, tail, "the end of the file");
        for (int i = tail - 22; i >= 0; i--) {
            if (b.getInt(i) == END && (b.getShort(i + 20) & U16) == tail - i - 22) {
                return fileSize - tail + i;
            }
        }
        throw refuse("not a .npz (zip) archive: no end-of-central-directory record closes the file");
    }

    private Central central(ByteBuffer d, long index) {
        String entry = "central directory entry " + index;
        if (d.remaining() < 46 || d.getInt(d.position()) != CENTRAL) {
            throw refuse("expected " + entry + " (signature PK\\1\\2) at directory byte " + d.position() + " but found "
                    + (d.remaining() < 4 ? "the end of the directory" : signature(d.getInt(d.position()))));
        }
        int at = d.position();
        int flags = d.getShort(at + 8) & U16;
        int method = d.getShort(at + 10) & U16;
        long crc = d.getInt(at + 16) & U32;
        long compressedSize = d.getInt(at + 20) & U32;
        long size = d.getInt(at + 24) & U32;
        int nameLength = d.getShort(at + 28) & U16;
        int extraLength = d.getShort(at + 30) & U16;
        int commentLength = d.getShort(at + 32) & U16;
        int startDisk = d.getShort(at + 34) & U16;
        long headerOffset = d.getInt(at + 42) & U32;
        if (d.remaining() < 46 + nameLength + extraLength + commentLength) {
            throw refuse(entry + " runs past the end of the central directory");
        }
        byte[] rawName = new byte[nameLength];
        d.position(at + 46);
        d.get(rawName);
        String name = new String(rawName, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : CP437);
        ByteBuffer zip64 = extraField(d.slice(at + 46 + nameLength, extraLength).order(ByteOrder.LITTLE_ENDIAN), 0x0001,
                entry + " ('" + name + "')");
        d.position(at + 46 + nameLength + extraLength + commentLength);
        // A zip64 field holds, in this order, exactly the values whose 32-bit field is saturated.
        if (size == U32) {
            size = zip64Value(zip64, entry, "size");
        }
        if (compressedSize == U32) {
            compressedSize = zip64Value(zip64, entry, "compressed size");
        }
        if (headerOffset == U32) {
            headerOffset = zip64Value(zip64, entry, "local header offset");
        }
        if (startDisk != 0 && !(startDisk == U16 && zip64 != null && zip64.remaining() >= 4 && zip64.getInt() == 0)) {
            throw refuse(entry + " ('" + name + "') starts on disk " + startDisk + "; multi-disk archives are not supported");
        }
        return new Central(name, rawName, flags, method, crc, compressedSize, size, headerOffset);
    }

    private ZipMember local(Central c, long directoryOffset) throws IOException {
        String member = "member '" + c.name + "'";
        if ((c.flags & 0x41) != 0) {
            throw refuse(member + " is encrypted; encrypted archives are not supported");
        }
        if (c.method != ZipMember.STORED && c.method != ZipMember.DEFLATED) {
            throw refuse(member + " uses compression method " + c.method + "; supported: 0 (stored) and 8 (deflated),"
                    + " what numpy.savez and savez_compressed write");
        }
        if (c.headerOffset < 0 || c.headerOffset > directoryOffset - 30) {
            throw refuse(String.format(Locale.ROOT, "%s: its local header offset %,d is not before the central directory"
                    + " (offset %,d)", member, c.headerOffset, directoryOffset));
        }
        ByteBuffer h = bytes(c.headerOffset, 30, member + "'s local header");
        if (h.getInt(0) != LOCAL) {
            throw refuse(String.format(Locale.ROOT, "%s: expected a local header (signature PK\\3\\4) at offset %,d but found %s",
                    member, c.headerOffset, signature(h.getInt(0))));
        }
        int flags = h.getShort(6) & U16;
        int method = h.getShort(8) & U16;
        long crc = h.getInt(14) & U32;
        long compressedSize = h.getInt(18) & U32;
        long size = h.getInt(22) & U32;
        int nameLength = h.getShort(26) & U16;
        int extraLength = h.getShort(28) & U16;
        long dataOffset = c.headerOffset + 30 + nameLength + extraLength;
        if (dataOffset > directoryOffset) {
            throw refuse(member + ": its local header runs into the central directory");
        }
        byte[] rawName = new byte[nameLength];
        bytes(c.headerOffset + 30, nameLength, member + "'s local name").get(rawName);
        if (!Arrays.equals(rawName, c.rawName)) {
            throw refuse(member + ": the local header names it '" + new String(rawName, StandardCharsets.ISO_8859_1)
                    + "', the central directory '" + c.name + "'");
        }
        if ((flags & 0x0809) != (c.flags & 0x0809) || method != c.method) {
            throw refuse(String.format(Locale.ROOT, "%s: the local header says flags 0x%04x, method %d; the central directory"
                    + " flags 0x%04x, method %d", member, flags, method, c.flags, c.method));
        }
        ByteBuffer zip64 = extraField(bytes(c.headerOffset + 30 + nameLength, extraLength, member + "'s local extra field"),
                0x0001, member + "'s local header");
        boolean descriptor = (flags & 0x08) != 0;
        if (!descriptor) {
            if (size == U32 || compressedSize == U32) {
                size = zip64Value(zip64, member + "'s local header", "size");
                compressedSize = zip64Value(zip64, member + "'s local header", "compressed size");
            }
            agree(member, "local header", crc, size, compressedSize, c);
        }
        if (c.compressedSize > directoryOffset - dataOffset) {
            throw refuse(String.format(Locale.ROOT, "%s: its %,d compressed bytes from offset %,d run past the start of the"
                    + " central directory (offset %,d)", member, c.compressedSize, dataOffset, directoryOffset));
        }
        if (c.method == ZipMember.STORED && c.size != c.compressedSize) {
            throw refuse(String.format(Locale.ROOT, "%s is stored (not compressed) but declares %,d bytes from %,d stored bytes",
                    member, c.size, c.compressedSize));
        }
        if (c.method == ZipMember.DEFLATED && c.size > c.compressedSize * MAX_DEFLATE_RATIO) {
            throw refuse(String.format(Locale.ROOT, "%s declares %,d bytes inflated from %,d deflated bytes; deflate cannot"
                    + " expand more than %d-fold", member, c.size, c.compressedSize, MAX_DEFLATE_RATIO));
        }
        long dataEnd = dataOffset + c.compressedSize;
        long end = descriptor ? descriptorEnd(c, member, dataEnd, zip64 != null, directoryOffset) : dataEnd;
        return new ZipMember(c.name, c.method, c.crc, c.size, c.compressedSize, c.headerOffset, dataOffset, end);
    }

    /** Reads the data descriptor after a member's data, checks it against the central entry and returns its end. */
    private long descriptorEnd(Central c, String member, long at, boolean zip64, long directoryOffset) throws IOException {
        int sizeBytes = zip64 ? 8 : 4;
        long available = directoryOffset - at;
        boolean signed = available >= 4 && bytes(at, 4, member + "'s data descriptor").getInt(0) == DESCRIPTOR;
        int length = (signed ? 4 : 0) + 4 + 2 * sizeBytes;
        if (length > available) {
            throw refuse(member + ": its data descriptor runs past the start of the central directory");
        }
        ByteBuffer d = bytes(at + (signed ? 4 : 0), length - (signed ? 4 : 0), member + "'s data descriptor");
        long crc = d.getInt(0) & U32;
        long compressedSize = zip64 ? d.getLong(4) : d.getInt(4) & U32;
        long size = zip64 ? d.getLong(12) : d.getInt(8) & U32;
        agree(member, "data descriptor", crc, size, compressedSize, c);
        return at + length;
    }

    private void agree(String member, String source, long crc, long size, long compressedSize, Central c) {
        if (crc != c.crc || size != c.size || compressedSize != c.compressedSize) {
            throw refuse(String.format(Locale.ROOT, "%s: the %s says CRC 0x%08x, %,d bytes from %,d; the central directory CRC"
                    + " 0x%08x, %,d bytes from %,d", member, source, crc, size, compressedSize, c.crc, c.size, c.compressedSize));
        }
    }

    private void checkDisjoint(List<ZipMember> members) {
        List<ZipMember> byOffset = new ArrayList<>(members);
        byOffset.sort(Comparator.comparingLong(ZipMember::headerOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            ZipMember a = byOffset.get(i - 1);
            ZipMember b = byOffset.get(i);
            if (b.headerOffset() < a.end()) {
                throw refuse(String.format(Locale.ROOT, "members '%s' (bytes %,d to %,d) and '%s' (from byte %,d) overlap; an"
                        + " archive whose entries share data is refused", a.name(), a.headerOffset(), a.end(), b.name(),
                        b.headerOffset()));
            }
        }
    }

    /** The data of the extra field with {@code id}, or null; refuses a malformed extra area. */
    private ByteBuffer extraField(ByteBuffer extra, int id, String owner) {
        ByteBuffer found = null;
        while (extra.remaining() >= 4) {
            int fieldId = extra.getShort() & U16;
            int length = extra.getShort() & U16;
            if (length > extra.remaining()) {
                throw refuse(owner + ": extra field 0x" + Integer.toHexString(fieldId) + " declares " + length + " bytes but "
                        + extra.remaining() + " remain");
            }
            if (fieldId == id && found == null) {
                found = extra.slice(extra.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            }
            extra.position(extra.position() + length);
        }
        return found;
    }

    private long zip64Value(ByteBuffer zip64, String owner, String what) {
        if (zip64 == null || zip64.remaining() < 8) {
            throw refuse(owner + ": the " + what + " is saturated (0xFFFFFFFF) but no zip64 extra field gives it");
        }
        long v = zip64.getLong();
        if (v < 0) {
            throw refuse(owner + ": the zip64 " + what + " is negative (" + v + ")");
        }
        return v;
    }

    private ByteBuffer bytes(long position, int length, String what) throws IOException {
        if (position < 0 || length < 0 || position + length > fileSize) {
            throw refuse(String.format(Locale.ROOT, "%s (%,d bytes at offset %,d) lies outside the %,d-byte file", what, length,
                    position, fileSize));
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (readAt(channel, b, position + b.position()) < 0) {
                throw refuse(what + ": the file ended early (it shrank while being read?)");
            }
        }
        return b.flip();
    }

    /** Reads into {@code target} from {@code position}: positionally from a file, by seeking otherwise (an in-memory archive). */
    static int readAt(SeekableByteChannel channel, ByteBuffer target, long position) throws IOException {
        if (channel instanceof FileChannel file) {
            return file.read(target, position);
        }
        return channel.position(position).read(target);
    }

    private static String signature(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }

    private NpyFormatException refuse(String problem) {
        return new NpyFormatException(where + ": " + problem);
    }
}
