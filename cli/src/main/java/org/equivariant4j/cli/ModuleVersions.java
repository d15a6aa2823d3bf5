package org.equivariant4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.SpiVersion;

import picocli.CommandLine.IVersionProvider;

/**
 * The versions {@code eq4j --version} prints: each equivariant4j module on the class path as
 * recorded in its jar at build time (modules version independently), the plugin SPI and Java.
 * Plugins' own versions are in {@code eq4j list}.
 */
public final class ModuleVersions implements IVersionProvider {
    /** The framework's modules the command ships with, in dependency order. */
    static final List<String> MODULES = List.of("core", "runtime", "nn", "groups", "backend-nd4j", "cli");

    /** Module name to version, or to {@code "(not on the class path)"}. */
    public static Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String module : MODULES) {
            try {
                // Build info sits at an absolute resource path, so one anchor finds every module's jar.
                out.put(module, BuildInfo.version(ModuleVersions.class, module));
            } catch (Equivariant4jException e) {
                out.put(module, "(not on the class path)");
            }
        }
        return out;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("eq4j " + BuildInfo.version(ModuleVersions.class, "cli"));
        versions().forEach((module, version) -> lines.add(String.format("  %-14s %s", module, version)));
        lines.add(String.format("  %-14s %s", "plugin SPI", SpiVersion.CURRENT));
        lines.add(String.format("  %-14s %s (%s)", "java", System.getProperty("java.version"), System.getProperty("java.vm.name")));
        return lines.toArray(String[]::new);
    }
}
