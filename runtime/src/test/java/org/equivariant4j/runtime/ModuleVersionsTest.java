package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every published module keeps its own version, the BOM lists exactly those versions, each
 * module ships the build info that lets it report its version at run time, and the root README's
 * module table says what exists.
 */
class ModuleVersionsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomListsEveryPublishedModuleAtItsOwnVersion() throws Exception {
        Map<String, String> modules = publishedModules();
        Map<String, String> bom = managedVersions(ROOT.resolve("bom/pom.xml"), true);
        assertThat(bom).as("equivariant4j-bom versus the modules' own <version>s").isEqualTo(modules);
    }

    /** A plugin project imports the BOM and gets the JUnit, AssertJ and AutoService versions our own build uses. */
    @Test
    void theBomManagesThePluginBuildLibrariesAtTheParentsVersions() throws Exception {
        Map<String, String> bom = managedVersions(ROOT.resolve("bom/pom.xml"), false);
        Element properties = (Element) parse(ROOT.resolve("pom.xml")).getDocumentElement().getElementsByTagName("properties").item(0);
        assertThat(bom).as("third-party versions in equivariant4j-bom versus the parent pom's properties").isEqualTo(Map.of(
                "junit-bom", directChild(properties, "junit.version"),
                "assertj-core", directChild(properties, "assertj.version"),
                "auto-service-annotations", directChild(properties, "auto-service.version"),
                "auto-service", directChild(properties, "auto-service.version")));
    }

    @Test
    void everyPublishedModuleShipsItsBuildInfo() throws Exception {
        for (String module : publishedModuleDirs().keySet()) {
            Path dir = publishedModuleDirs().get(module);
            String name = dir.getFileName().toString();
            Path info = dir.resolve("src/main/resources/META-INF/equivariant4j/" + name + ".properties");
            assertThat(info).as("build info of %s", module).exists();
            assertThat(Files.readString(info)).contains("version=${project.version}");
        }
    }

    /**
     * One README row per module of the build, at the version its pom declares; a row marked {@code planned} names a
     * folder that is no module of the build. A module that lands without its row, or a planned row left behind once
     * its module exists, fails here.
     */
    @Test
    void theReadmeModuleTableListsEveryModuleAtItsVersionAndPlannedOnesAsPlanned() throws Exception {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]+?) \\|").matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            table.put(row.group(1), row.group(2).trim());
        }
        Map<String, String> modules = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (m.find()) {
            Element project = parse(ROOT.resolve(m.group(1)).resolve("pom.xml")).getDocumentElement();
            boolean published = !directChild(project, "artifactId").endsWith("-benchmarks");
            modules.put(m.group(1), published ? directChild(project, "version") : "(not published)");
        }
        modules.forEach((module, version) -> assertThat(table.get(module)).as("README version of %s", module).isEqualTo(version));
        table.forEach((module, version) -> {
            if (version.equals("planned")) {
                assertThat(modules).as("%s is marked planned but is a module of the build", module).doesNotContainKey(module);
            } else {
                assertThat(modules).as("README row %s (%s) is no module of the build", module, version).containsKey(module);
            }
        });
    }

    /**
     * The copy-paste consumer project ({@code examples/consumer/pom.xml}, built offline against an installed build on
     * 2026-12-06) imports the BOM at its version and pins every plugin at the version this build uses, so that it
     * resolves from a local repository our own build filled.
     */
    @Test
    void theConsumerExamplePinsTheBomAndEveryPluginAtThisBuildsVersions() throws Exception {
        Element consumer = parse(ROOT.resolve("examples/consumer/pom.xml")).getDocumentElement();
        Map<String, String> ours = pluginVersions(parse(ROOT.resolve("pom.xml")).getDocumentElement());
        Map<String, String> pinned = pluginVersions(consumer);
        assertThat(pinned).as("plugins of examples/consumer/pom.xml").isNotEmpty();
        pinned.forEach((plugin, version) -> assertThat(version).as("version of %s in the consumer example", plugin)
                .isEqualTo(ours.get(plugin)));
        NodeList deps = consumer.getElementsByTagName("dependency");
        String bomVersion = directChild(parse(ROOT.resolve("bom/pom.xml")).getDocumentElement(), "version");
        boolean importsBom = false;
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if ("equivariant4j-bom".equals(directChild(d, "artifactId"))) {
                importsBom = bomVersion.equals(directChild(d, "version")) && "import".equals(directChild(d, "scope"));
            }
        }
        assertThat(importsBom).as("the consumer example imports equivariant4j-bom %s", bomVersion).isTrue();
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("examples/consumer/pom.xml");
    }

    /** artifactId to version of every plugin (build plugins and plugin management) that names a version. */
    private static Map<String, String> pluginVersions(Element project) {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList plugins = project.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            String version = directChild(p, "version");
            if (version != null && !version.startsWith("$")) {
                out.put(directChild(p, "artifactId"), version);
            }
        }
        return out;
    }

    private static Map<String, String> publishedModules() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : publishedModuleDirs().entrySet()) {
            Element project = parse(e.getValue().resolve("pom.xml")).getDocumentElement();
            out.put(e.getKey(), directChild(project, "version"));
        }
        return out;
    }

    /** artifactId to folder of every module in the root pom that is published (not the BOM, not benchmarks or examples). */
    private static Map<String, Path> publishedModuleDirs() throws Exception {
        Map<String, Path> out = new LinkedHashMap<>();
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (m.find()) {
            Path dir = ROOT.resolve(m.group(1));
            Element project = parse(dir.resolve("pom.xml")).getDocumentElement();
            String artifact = directChild(project, "artifactId");
            String packaging = directChild(project, "packaging");
            boolean published = !"pom".equals(packaging) && !artifact.endsWith("-benchmarks") && !artifact.endsWith("-examples");
            if (published) {
                out.put(artifact, dir);
            }
        }
        return out;
    }

    /** Managed artifact versions of the BOM: ours ({@code ours}) or the third-party ones. */
    private static Map<String, String> managedVersions(Path bomPom, boolean ours) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList deps = parse(bomPom).getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (directChild(d, "groupId").equals("org.equivariant4j") == ours) {
                out.put(directChild(d, "artifactId"), directChild(d, "version"));
            }
        }
        return out;
    }

    private static Document parse(Path pom) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + pom, e);
        }
    }

    private static String directChild(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
