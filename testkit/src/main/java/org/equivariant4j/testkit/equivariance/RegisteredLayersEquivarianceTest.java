package org.equivariant4j.testkit.equivariance;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.equivariance.InputGenerator;
import org.equivariant4j.equivariance.RandomFields;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves every registered layer equivariant at once: finds each {@link Plugin} through
 * {@link ServiceLoader} (plain core SPI, no runtime), and for every {@link LayerProvider} and every
 * group name it lists, resolves the group through the {@link GroupProvider} that
 * {@linkplain GroupProvider#accepts accepts} it (exactly one must), builds the layer with
 * {@link LayerProvider#create}, feeds it {@link RandomFields} of its input type and runs the
 * equivariance part of the {@link EquivariantLayerContractTest layer contract}: one test per dtype and
 * group element, grouped as {@code "<plugin>/<layer> on <group>"}.
 *
 * <p>A plugin's build extends it, usually restricted to its own layers:
 * <pre>{@code
 * class QuaternionLayersEquivarianceTest extends RegisteredLayersEquivarianceTest {
 *     protected boolean includes(Plugin plugin) { return plugin.descriptor().id().equals("quaternion"); }
 * }
 * }</pre>
 * Finding no layer provider at all fails (a missing service registration must not pass silently).
 * Group names may come from any plugin on the class path; layers are tested only for included plugins.
 */
public abstract class RegisteredLayersEquivarianceTest {

    /** Whether {@code plugin}'s layers are tested (default: every plugin found). */
    protected boolean includes(Plugin plugin) {
        return true;
    }

    /** The class loader plugins are found through. */
    protected ClassLoader classLoader() {
        return getClass().getClassLoader();
    }

    /** How inputs are made (default {@link RandomFields#defaults()}). */
    protected InputGenerator inputs() {
        return RandomFields.defaults();
    }

    /** Seed of the layers and inputs. */
    protected long seed() {
        return EquivarianceAssertions.seed();
    }

    /** The dtypes equivariance is checked in. */
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.FLOAT64);
    }

    @TestFactory
    public Stream<DynamicNode> registeredLayers() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class, classLoader()).stream().map(ServiceLoader.Provider::get)
                .toList();
        List<GroupProvider> families = plugins.stream().flatMap(p -> p.groupProviders().stream()).toList();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Plugin plugin : plugins) {
            if (!includes(plugin)) {
                continue;
            }
            for (LayerProvider provider : plugin.layerProviders()) {
                for (String groupName : provider.groups()) {
                    String label = plugin.descriptor().id() + "/" + provider.id() + " on " + groupName;
                    nodes.add(DynamicContainer.dynamicContainer(label, tests(label, provider, groupName, families)));
                }
            }
        }
        if (nodes.isEmpty()) {
            nodes.add(DynamicTest.dynamicTest("registered layers", () -> {
                throw new AssertionError("expected at least one LayerProvider from the included plugins but was none; plugins"
                        + " found: " + plugins.stream().map(p -> p.descriptor().id()).toList()
                        + " (is the plugin registered in META-INF/services/" + Plugin.class.getName() + "?)");
            }));
        }
        return nodes.stream();
    }

    private Stream<DynamicTest> tests(String label, LayerProvider provider, String groupName, List<GroupProvider> families) {
        try {
            Group group = resolve(groupName, families);
            LayerContract contract = new LayerContract(seed -> layer(provider, group, seed), inputs(), seed(), dtypes(), null);
            return contract.equivariance().toList().stream();
        } catch (RuntimeException | AssertionError e) {
            // building the layer or resolving the group failed: report it as this layer's test, not as the whole factory's
            return Stream.of(DynamicTest.dynamicTest(label + ": set-up", () -> {
                throw new AssertionError(label + " could not be set up (seed " + seed() + "): " + e, e);
            }));
        }
    }

    private static Group resolve(String name, List<GroupProvider> families) {
        List<GroupProvider> accepting = families.stream().filter(f -> f.accepts(name)).toList();
        if (accepting.size() != 1) {
            throw new AssertionError("expected exactly one group family to accept '" + name + "' but was "
                    + accepting.stream().map(GroupProvider::id).toList() + "; families: "
                    + families.stream().map(GroupProvider::id).toList());
        }
        return accepting.get(0).create(name);
    }

    private static EquivariantLayer layer(LayerProvider provider, Group group, long seed) {
        Module module = provider.create(group, seed);
        if (!(module instanceof EquivariantLayer layer)) {
            throw new AssertionError("expected layer provider '" + provider.id() + "' to create an EquivariantLayer for "
                    + group.name() + " but was " + (module == null ? "null" : module.getClass().getName()));
        }
        return layer;
    }
}
