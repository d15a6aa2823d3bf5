package org.equivariant4j.nn.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equivariant4j.core.tensor.DType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON header of a safetensors file: encoding it for the writer, and parsing and validating
 * it for the reader. Validation is complete before any tensor is created: every entry's dtype,
 * shape and byte count agree, and the byte ranges tile the data section exactly (from 0, without
 * gaps or overlaps, to its last byte), as the reference implementation requires.
 *
 * @param entries  the tensors, ordered by their offset in the data section
 * @param metadata the {@code __metadata__} string map (empty when absent)
 */
record SafetensorsHeader(List<HeaderEntry> entries, Map<String, String> metadata) {

    static final String METADATA_KEY = "__metadata__";

    /** The dtype codes of the safetensors format that this framework has no tensor type for. */
    private static final Set<String> UNSUPPORTED_CODES = Set.of("F16", "BF16", "F8_E5M2", "F8_E4M3", "I8", "U8", "I16", "U16",
            "U32", "U64");

    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // ---------------------------------------------------------------- writing

    /**
     * The header bytes for {@code entries} (in file order), padded with spaces so that the data
     * section starts at a multiple of 8 bytes, as the reference writer does (aligned reads when memory-mapped).
     */
    static byte[] encode(List<HeaderEntry> entries, Map<String, String> metadata) {
        checkReadable(entries, metadata);
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        for (HeaderEntry e : entries) {
            ObjectNode node = root.putObject(e.name());
            node.put("dtype", e.dtype().safetensorsCode());
            ArrayNode shape = node.putArray("shape");
            for (int s : e.shape()) {
                shape.add(s);
            }
            node.putArray("data_offsets").add(e.begin()).add(e.end());
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("could not encode the safetensors header", e);
        }
        if (json.length > Safetensors.MAX_HEADER_BYTES) {
            throw new CheckpointException("the safetensors header would be " + json.length + " bytes, more than the "
                    + Safetensors.MAX_HEADER_BYTES + " a reader accepts (too many tensors or too much metadata)");
        }
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /**
     * Refuses, before anything is written, a header the reader ({@link #parse}) would refuse: a
     * string longer than the JSON parser's limit ({@link StreamReadConstraints#getMaxStringLength()},
     * 20,000,000 characters by default) or a name longer than its name limit. So what is written can
     * always be read back.
     */
    private static void checkReadable(List<HeaderEntry> entries, Map<String, String> metadata) {
        StreamReadConstraints limits = JSON.getFactory().streamReadConstraints();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            checkName("metadata key", e.getKey(), limits);
            if (e.getValue().length() > limits.getMaxStringLength()) {
                throw new CheckpointException("metadata '" + e.getKey() + "' is " + e.getValue().length() + " characters, more"
                        + " than the " + limits.getMaxStringLength() + " a reader accepts in one string; keep large data out"
                        + " of the header (e.g. in a file of its own)");
            }
        }
        entries.forEach(e -> checkName("tensor name", e.name(), limits));
    }

    private static void checkName(String what, String name, StreamReadConstraints limits) {
        if (name.length() > limits.getMaxNameLength()) {
            throw new CheckpointException(what + " '" + name.substring(0, 40) + "...' is " + name.length() + " characters,"
                    + " more than the " + limits.getMaxNameLength() + " a reader accepts");
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Parses and validates a header.
     *
     * @param bytes    the header (UTF-8 JSON, possibly space-padded)
     * @param dataSize bytes in the file after the header
     * @param source   the file, for messages
     * @throws CheckpointException naming {@code source} and the first problem found
     */
    static SafetensorsHeader parse(byte[] bytes, long dataSize, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(source, "the header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw fail(source, "the header does not start with '{' (not a safetensors file, or a corrupt header length)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(source + ": the header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw fail(source, "the header is not a JSON object");
        }
        Map<String, String> metadata = Map.of();
        List<HeaderEntry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA_KEY)) {
                metadata = parseMetadata(field.getValue(), source);
            } else {
                entries.add(parseEntry(field.getKey(), field.getValue(), source));
            }
        }
        checkLayout(entries, dataSize, source);
        return new SafetensorsHeader(Collections.unmodifiableList(entries), metadata);
    }

    private static Map<String, String> parseMetadata(JsonNode node, String source) {
        if (!node.isObject()) {
            throw fail(source, METADATA_KEY + " must be an object of strings, was " + node.getNodeType());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw fail(source, METADATA_KEY + " value of '" + e.getKey() + "' must be a string, was "
                        + e.getValue().getNodeType());
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return Collections.unmodifiableMap(out);
    }

    private static HeaderEntry parseEntry(String name, JsonNode node, String source) {
        String where = "tensor '" + name + "'";
        if (name.isEmpty()) {
            throw fail(source, "a tensor has an empty name");
        }
        if (!node.isObject()) {
            throw fail(source, where + ": expected an object with dtype, shape and data_offsets, was " + node.getNodeType());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!ENTRY_KEYS.contains(key)) {
                throw fail(source, where + ": unexpected field '" + key + "' (expected dtype, shape, data_offsets)");
            }
        }
        DType dtype = parseDType(node.get("dtype"), where, source);
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw fail(source, where + ": 'shape' must be an array of non-negative integers");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            long s = nonNegativeInteger(shapeNode.get(i), where + ": shape entry " + i, source);
            if (s > Integer.MAX_VALUE) {
                throw fail(source, where + ": shape entry " + i + " is " + s + ", more than " + Integer.MAX_VALUE);
            }
            shape[i] = (int) s;
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw fail(source, where + ": 'data_offsets' must be an array [begin, end]");
        }
        long begin = nonNegativeInteger(offsets.get(0), where + ": data_offsets begin", source);
        long end = nonNegativeInteger(offsets.get(1), where + ": data_offsets end", source);
        if (end < begin) {
            throw fail(source, where + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        long numel = 1;
        long bytes;
        try {
            for (int s : shape) {
                numel = Math.multiplyExact(numel, s);
            }
            bytes = Math.multiplyExact(numel, dtype.byteSize());
        } catch (ArithmeticException e) {
            throw fail(source, where + ": shape " + Arrays.toString(shape) + " has more elements than a long can count");
        }
        if (numel > Integer.MAX_VALUE) {
            throw fail(source, where + ": shape " + Arrays.toString(shape) + " has " + numel + " elements, more than a tensor can"
                    + " hold (" + Integer.MAX_VALUE + ")");
        }
        if (bytes != end - begin) {
            throw fail(source, where + ": shape " + Arrays.toString(shape) + " of " + dtype.safetensorsCode() + " needs " + bytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin));
        }
        return new HeaderEntry(name, dtype, shape, begin, end);
    }

    private static DType parseDType(JsonNode node, String where, String source) {
        if (node == null || !node.isTextual()) {
            throw fail(source, where + ": 'dtype' must be a string such as \"F32\"");
        }
        String code = node.textValue();
        for (DType d : DType.values()) {
            if (d.safetensorsCode().equals(code)) {
                return d;
            }
        }
        if (UNSUPPORTED_CODES.contains(code)) {
            throw fail(source, where + ": dtype " + code + " is not supported; supported are " + supportedCodes());
        }
        throw fail(source, where + ": unknown dtype '" + code + "'; supported are " + supportedCodes());
    }

    private static String supportedCodes() {
        return Arrays.toString(Arrays.stream(DType.values()).map(DType::safetensorsCode).toArray());
    }

    private static long nonNegativeInteger(JsonNode node, String what, String source) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw fail(source, what + " must be a non-negative integer, was " + node);
        }
        return node.longValue();
    }

    /** Sorts entries by offset and checks that they tile {@code [0, dataSize)} exactly. */
    private static void checkLayout(List<HeaderEntry> entries, long dataSize, String source) {
        for (HeaderEntry e : entries) {
            if (e.end() > dataSize) {
                throw fail(source, "data_offsets of " + e + " lie outside the data section of " + dataSize
                        + " bytes (the file is truncated or the offsets are corrupt)");
            }
        }
        entries.sort(Comparator.comparingLong(HeaderEntry::begin).thenComparingLong(HeaderEntry::end));
        long expected = 0;
        HeaderEntry previous = null;
        for (HeaderEntry e : entries) {
            if (e.begin() < expected) {
                throw fail(source, "offsets of " + e + " overlap " + previous);
            }
            if (e.begin() > expected) {
                throw fail(source, "offsets are not contiguous: " + (e.begin() - expected) + " unused bytes before " + e
                        + (previous == null ? "" : " (after " + previous + ")"));
            }
            expected = e.end();
            previous = e;
        }
        if (expected < dataSize) {
            throw fail(source, (dataSize - expected) + " bytes after the last tensor's data are not described by the header");
        }
    }

    private static CheckpointException fail(String source, String problem) {
        return new CheckpointException(source + ": " + problem);
    }
}
