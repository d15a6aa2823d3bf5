package org.equivariant4j.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDeclaration;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginValidator;
import org.equivariant4j.core.spi.SpiVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every plugin jar meets, for the plugin's own build: extend it, name the plugin
 * class, and get one dynamic test per rule —
 * <pre>{@code
 * class QuaternionPluginContractTest extends PluginContractTest {
 *     protected Class<? extends Plugin> pluginClass() { return QuaternionPlugin.class; }
 * }
 * }</pre>
 * ServiceLoader must find exactly this plugin among the providers of the plugin's own jar or
 * classes folder (a missing {@code @AutoService} or a second registration fails); the descriptor
 * carries an id, a build-time version and the SPI version of the core it is compiled against (in
 * the plugin's own build that is the core on the test class path); the runtime's own handshake
 * ({@link PluginValidator}) accepts it; every group family accepts and builds its example names; and every experiment
 * resolves its own defaults (each default passes its option's validation) and lists its options.
 */
public abstract class PluginContractTest {

    /** The plugin class under test. */
    protected abstract Class<? extends Plugin> pluginClass();

    @TestFactory
    public Stream<DynamicTest> pluginContract() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("ServiceLoader finds exactly " + pluginClass().getSimpleName(), this::discoveredOnce));
        tests.add(DynamicTest.dynamicTest("descriptor has an id and a build-time version", () -> {
            PluginDescriptor d = instance().descriptor();
            assertThat(d.id()).as("plugin id").isNotBlank();
            assertThat(d.version()).as("version of plugin '%s' (filter it in at build time)", d.id())
                    .isNotBlank().doesNotContain("${");
        }));
        tests.add(DynamicTest.dynamicTest("descriptor reports the SPI it is compiled against (" + SpiVersion.CURRENT + ")",
                () -> assertThat(instance().descriptor().spiVersion()).as("SPI version in the descriptor of %s: pass"
                        + " SpiVersion.MAJOR and SpiVersion.MINOR, the compile-time constants javac copies into the plugin,"
                        + " not literal numbers", pluginClass().getName()).isEqualTo(SpiVersion.CURRENT)));
        tests.add(DynamicTest.dynamicTest("the plugin class does not read the host's SpiVersion.CURRENT", () ->
                assertThat(HostSpiRead.readsCurrent(pluginClass())).as("%s reads SpiVersion.CURRENT: at run time that is the"
                        + " host's version, so every host would accept it; pass SpiVersion.MAJOR and SpiVersion.MINOR,"
                        + " which javac copies into the plugin", pluginClass().getName()).isFalse()));
        tests.add(DynamicTest.dynamicTest("the runtime's handshake accepts it (SPI " + SpiVersion.CURRENT + ")", () -> {
            new PluginValidator(SpiVersion.CURRENT).validate(PluginDeclaration.read(instance()));
        }));
        for (GroupProvider family : instance().groupProviders()) {
            for (String name : family.examples()) {
                tests.add(DynamicTest.dynamicTest("group family '" + family.id() + "' builds " + name, () -> {
                    assertThat(family.accepts(name)).as("family '%s' accepts its own example '%s'", family.id(), name).isTrue();
                    Group g = family.create(name);
                    assertThat(g.name()).as("name of the group family '%s' made for '%s'", family.id(), name).isEqualTo(name);
                }));
            }
        }
        for (Experiment experiment : instance().experiments()) {
            tests.add(DynamicTest.dynamicTest("experiment '" + experiment.id() + "' resolves its defaults", () -> {
                assertThat(experiment.description()).as("description of experiment '%s'", experiment.id()).isNotBlank();
                ExperimentConfig defaults = ExperimentConfig.resolve(experiment, Map.of());
                assertThat(defaults.values().keySet()).as("options of experiment '%s'", experiment.id())
                        .containsExactlyElementsOf(experiment.options().stream().map(OptionSpec::name).toList());
            }));
        }
        return tests.stream();
    }

    private Plugin instance() {
        try {
            return pluginClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(pluginClass().getName() + " needs a public no-argument constructor for ServiceLoader", e);
        }
    }

    private void discoveredOnce() {
        String home = CodeLocation.of(pluginClass());
        List<String> fromThisJar = ServiceLoader.load(Plugin.class, pluginClass().getClassLoader()).stream()
                .filter(p -> CodeLocation.of(p.type()).equals(home)).map(p -> p.type().getName()).toList();
        assertThat(fromThisJar).as("plugins registered by %s (is the class annotated with @AutoService(Plugin.class)?)", home)
                .containsExactly(pluginClass().getName());
    }
}
