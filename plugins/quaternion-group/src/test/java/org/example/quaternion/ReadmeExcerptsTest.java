package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the tutorial true: every {@code java} and {@code xml} block of README.md is announced by
 * {@code <!-- excerpt: path -->} and is, line by line (indentation and blank lines aside), a piece of that file;
 * a line {@code // ...} or {@code <!-- ... -->} elides source lines. The files compile and run, so the README's
 * code does too.
 */
class ReadmeExcerptsTest {
    private static final Pattern MARKER = Pattern.compile("<!-- excerpt: (\\S+) -->");
    private static final Pattern FENCE = Pattern.compile("```(\\w*)");

    @TestFactory
    Stream<DynamicTest> everyCodeBlockIsAnExcerptOfARealFile() throws IOException {
        // Surefire runs in the module's folder, so paths are relative to plugins/quaternion-group/.
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        String source = null;
        for (int i = 0; i < readme.size(); i++) {
            Matcher marker = MARKER.matcher(readme.get(i).trim());
            if (marker.matches()) {
                source = marker.group(1);
                continue;
            }
            Matcher fence = FENCE.matcher(readme.get(i).trim());
            if (!fence.matches() || fence.group(1).isEmpty()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!readme.get(end).trim().equals("```")) {
                end++;
            }
            List<String> block = readme.subList(start, end);
            String language = fence.group(1);
            String file = source;
            int line = start + 1; // 1-based, the block's first line
            if (language.equals("java") || language.equals("xml")) {
                tests.add(DynamicTest.dynamicTest("README.md:" + line + " (" + file + ")", () -> {
                    assertThat(file).as("README.md line %d: a %s block without <!-- excerpt: path --> above it", line,
                            language).isNotNull();
                    assertExcerpt(block, Path.of(file), line);
                }));
            }
            source = null;
            i = end;
        }
        return tests.stream();
    }

    private static void assertExcerpt(List<String> block, Path file, int readmeLine) throws IOException {
        List<String> lines = normalised(Files.readAllLines(file));
        int from = 0;
        for (List<String> chunk : chunks(block)) {
            int at = indexOf(lines, chunk, from);
            if (at < 0) {
                fail("README.md line %d: these lines are not (in this order) in %s:%n%s", readmeLine, file,
                        String.join("\n", chunk));
            }
            from = at + chunk.size();
        }
    }

    /** The block split at elision lines, each part trimmed and without blank lines. */
    private static List<List<String>> chunks(List<String> block) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : block) {
            String line = raw.trim();
            if (line.equals("// ...") || line.equals("<!-- ... -->")) {
                chunks.add(current);
                current = new ArrayList<>();
            } else if (!line.isEmpty()) {
                current.add(line);
            }
        }
        chunks.add(current);
        chunks.removeIf(List::isEmpty);
        return chunks;
    }

    private static List<String> normalised(List<String> lines) {
        return lines.stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static int indexOf(List<String> lines, List<String> chunk, int from) {
        for (int i = from; i + chunk.size() <= lines.size(); i++) {
            if (lines.subList(i, i + chunk.size()).equals(chunk)) {
                return i;
            }
        }
        return -1;
    }
}
