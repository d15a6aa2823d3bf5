package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.Plugin;

/**
 * Builds a plugin jar at test time the way a third party builds one: {@code javac} over the plugin's
 * source against a core, then a jar of the classes with its {@code META-INF/services} file. The core
 * is either the real one or a stub whose {@link org.equivariant4j.core.spi.SpiVersion} constants
 * differ, standing for an older or newer release of core: a plugin compiled against the stub keeps
 * the stub's numbers only if javac inlined them into the plugin's own class.
 */
final class CompiledPlugin {
    /** The plugin's class, as its services file names it. */
    static final String CLASS_NAME = "org.example.spiprobe.ProbePlugin";
    static final String ID = "spi-probe";
    static final String VERSION = "4.5.6";
    private static final Path PLUGIN_PACKAGE = Path.of("org", "example", "spiprobe");

    private static final String PLUGIN_SOURCE = """
            package org.example.spiprobe;

            import java.util.List;

            import org.equivariant4j.core.group.Group;
            import org.equivariant4j.core.spi.GroupProvider;
            import org.equivariant4j.core.spi.Plugin;
            import org.equivariant4j.core.spi.PluginDescriptor;
            import org.equivariant4j.core.spi.PluginFeature;
            import org.equivariant4j.core.spi.SpiVersion;

            /** A third-party plugin, written as the SPI's Javadoc and the tutorial say. */
            public final class ProbePlugin implements Plugin {

                @Override
                public PluginDescriptor descriptor() {
                    return PluginDescriptor.of("%s", "%s", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
                }

                @Override
                public List<GroupProvider> groupProviders() {
                    return List.of(new Family());
                }

                /** One family that is only listed, never built, in these tests. */
                public static final class Family implements GroupProvider {
                    public String id() { return "spi-probe-family"; }
                    public String description() { return "Probe<n>: a family for the SPI handshake test"; }
                    public List<String> examples() { return List.of("Probe1"); }
                    public boolean accepts(String name) { return name.startsWith("Probe"); }
                    public Group create(String name) { throw new UnsupportedOperationException(name); }
                }
            }
            """.formatted(ID, VERSION);

    /** Only what a plugin's source names of SpiVersion: the two constants, at the stub core's values. */
    private static final String STUB_SPI_VERSION = """
            package org.equivariant4j.core.spi;

            /** SpiVersion of a stub core that speaks SPI %1$d.%2$d. */
            public record SpiVersion(int major, int minor) {
                public static final int MAJOR = %1$d;
                public static final int MINOR = %2$d;
            }
            """;

    private CompiledPlugin() {
    }

    /** The probe plugin compiled against the real core on the test class path; returns its jar. */
    static Path againstRealCore(Path work) throws IOException {
        return jar(work, compile(work.resolve("classes"), List.of(source(work.resolve("src"), "ProbePlugin", PLUGIN_SOURCE))));
    }

    /**
     * The probe plugin compiled against a core that speaks SPI {@code major.minor}; returns its jar. The stub's
     * SpiVersion is compiled with the plugin (a source shadows the class of the same name on the class path) and
     * left out of the jar, as a core is left out of a real plugin's jar.
     */
    static Path againstCoreSpeaking(int major, int minor, Path work) throws IOException {
        return jar(work, compile(work.resolve("classes"), List.of(source(work.resolve("src"), "ProbePlugin", PLUGIN_SOURCE),
                source(work.resolve("stub-core"), "SpiVersion", STUB_SPI_VERSION.formatted(major, minor)))));
    }

    /** Compiles {@code code} (a class named {@code name} in the default package) against the real core, or fails. */
    static void compileAgainstRealCore(String name, String code, Path work) throws IOException {
        compile(work.resolve("probe-classes"), List.of(source(work, name, code)));
    }

    private static Path realCore() {
        return Path.of(CodeLocation.of(Plugin.class));
    }

    private static Path source(Path dir, String className, String code) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(className + ".java"), code);
    }

    private static Path compile(Path out, List<Path> sources) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler (javax.tools) in the test JVM").isNotNull();
        List<String> args = new ArrayList<>(List.of("-proc:none", "--release", "17", "-d", out.toString(), "-cp",
                realCore().toString()));
        sources.stream().map(Path::toString).forEach(args::add);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, args.toArray(String[]::new));
        assertThat(status).as("javac %s:%n%s", args, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /**
     * A jar of the plugin's classes (package {@code org.example.spiprobe} only) plus the services file that registers
     * the plugin, as AutoService would write it.
     */
    private static Path jar(Path work, Path classes) throws IOException {
        Path jar = work.resolve("spi-probe-" + VERSION + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> classes.relativize(f).startsWith(PLUGIN_PACKAGE))
                    .sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
            out.write((CLASS_NAME + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
