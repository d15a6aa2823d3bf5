package org.equivariant4j.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginValidator;
import org.equivariant4j.core.spi.SpiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

/**
 * The host: discovers every {@link Plugin} on a class path, runs the version handshake, wires the
 * contributions with Guice and exposes the registries. Each runtime owns its own injector; there
 * are no static registries, so two runtimes over different class loaders never see each other.
 *
 * <pre>{@code
 * EquivariantRuntime runtime = EquivariantRuntime.load();
 * Group d4 = runtime.groups().group("D4");
 * }</pre>
 */
public final class EquivariantRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(EquivariantRuntime.class);

    private final Injector injector;

    private EquivariantRuntime(Injector injector) {
        this.injector = injector;
    }

    /** Loads every plugin visible to this class's class loader. */
    public static EquivariantRuntime load() {
        return load(EquivariantRuntime.class.getClassLoader());
    }

    /** Loads every plugin that {@link ServiceLoader} finds through {@code loader}. */
    public static EquivariantRuntime load(ClassLoader loader) {
        List<Plugin> found = new ArrayList<>();
        ServiceLoader<Plugin> services = ServiceLoader.load(Plugin.class, loader);
        try {
            for (ServiceLoader.Provider<Plugin> provider : services.stream().toList()) {
                found.add(instantiate(provider));
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException("a plugin listed in META-INF/services/" + Plugin.class.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            LOG.warn("no equivariant4j plugins on the class path (add e.g. equivariant4j-groups)");
        }
        return of(found);
    }

    private static Plugin instantiate(ServiceLoader.Provider<Plugin> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            // ServiceLoader wraps what the constructor threw; name and attach that, not only the wrapper.
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            throw new PluginLoadException("plugin class " + provider.type().getName() + " from "
                    + CodeLocation.of(provider.type()) + " could not be instantiated: its constructor threw " + cause, cause);
        }
    }

    /** A runtime over exactly these plugin instances (tests, embedding). */
    public static EquivariantRuntime of(List<Plugin> plugins) {
        PluginValidator validator = new PluginValidator(SpiVersion.CURRENT);
        List<LoadedPlugin> accepted = new ArrayList<>();
        for (Plugin plugin : plugins) {
            if (plugin == null) {
                throw new PluginLoadException("EquivariantRuntime.of: the plugin list holds null at index " + accepted.size());
            }
            LoadedPlugin p = LoadedPlugin.of(plugin);
            validator.validate(p.declaration());
            accepted.add(p);
        }
        Injector injector;
        try {
            injector = Guice.createInjector(Stage.PRODUCTION, new PluginsModule(accepted));
        } catch (CreationException e) {
            // Our own checks run inside configure(); surface them instead of Guice's wrapper.
            if (e.getCause() instanceof PluginLoadException ple) {
                throw ple;
            }
            throw e;
        }
        for (LoadedPlugin p : accepted) {
            LOG.info("registered plugin {} {} (SPI {}) from {}: {} group families, {} layers, {} experiments", p.id(),
                    p.descriptor().version(), p.descriptor().spiVersion(), p.source(), p.declaration().groupProviders().size(),
                    p.declaration().layerProviders().size(), p.declaration().experiments().size());
        }
        return new EquivariantRuntime(injector);
    }

    public PluginRegistry plugins() {
        return injector.getInstance(PluginRegistry.class);
    }

    public GroupRegistry groups() {
        return injector.getInstance(GroupRegistry.class);
    }

    public LayerRegistry layers() {
        return injector.getInstance(LayerRegistry.class);
    }

    public ExperimentRegistry experiments() {
        return injector.getInstance(ExperimentRegistry.class);
    }

    /** The version of this runtime module. */
    public static String version() {
        return BuildInfo.version(EquivariantRuntime.class, "runtime");
    }

    /** The SPI version this runtime speaks. */
    public static SpiVersion spiVersion() {
        return SpiVersion.CURRENT;
    }
}
