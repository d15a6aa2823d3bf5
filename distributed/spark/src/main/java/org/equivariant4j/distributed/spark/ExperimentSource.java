package org.equivariant4j.distributed.spark;

import java.io.Serializable;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.runtime.EquivariantRuntime;

/**
 * How a worker finds the experiment it trains a replica of: what travels to the executors is this small
 * serialisable description, never the experiment or its model. {@link #registered} looks the id up among the
 * plugins on the executor's class path (the application jar carries them); a program may pass its own (e.g. an
 * experiment class with a no-argument constructor).
 */
@FunctionalInterface
public interface ExperimentSource extends Serializable {

    /** The experiment, found or built in the calling JVM. */
    DataParallelExperiment experiment();

    /**
     * A key telling sources apart in a worker's cache of replicas: by default the source's class name (a source class
     * that can give different experiments must override it).
     */
    default String key() {
        return getClass().getName();
    }

    /** The experiment registered under {@code id} by a plugin (found through the runtime, once per JVM). */
    static ExperimentSource registered(String id) {
        return new Registered(id);
    }

    /** A new instance of {@code type} (public or package-visible no-argument constructor), in each JVM that asks. */
    static ExperimentSource ofClass(Class<? extends DataParallelExperiment> type) {
        return new OfClass(type);
    }

    /** {@link #ofClass}. */
    final class OfClass implements ExperimentSource {
        private static final long serialVersionUID = 1L;
        private final Class<? extends DataParallelExperiment> type;

        private OfClass(Class<? extends DataParallelExperiment> type) {
            this.type = type;
        }

        @Override
        public DataParallelExperiment experiment() {
            try {
                java.lang.reflect.Constructor<? extends DataParallelExperiment> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new InvalidArgumentException("ExperimentSource: cannot construct " + type.getName()
                        + " with a no-argument constructor: " + e, e);
            }
        }

        @Override
        public String key() {
            return "class:" + type.getName();
        }
    }

    /** {@link #registered}: the runtime of the JVM is loaded once and kept. */
    final class Registered implements ExperimentSource {
        private static final long serialVersionUID = 1L;
        private final String id;

        private Registered(String id) {
            this.id = id;
        }

        @Override
        public DataParallelExperiment experiment() {
            Experiment e = RuntimeHolder.RUNTIME.experiments().experiment(id).provider();
            if (!(e instanceof DataParallelExperiment dp)) {
                throw new InvalidArgumentException("experiment '" + id + "' cannot be trained data-parallel: "
                        + e.getClass().getName() + " does not implement DataParallelExperiment");
            }
            return dp;
        }

        @Override
        public String key() {
            return "registered:" + id;
        }
    }

    /** Loaded on first use in each JVM: plugin discovery is not free, and every task of the JVM shares it. */
    final class RuntimeHolder {
        static final EquivariantRuntime RUNTIME = EquivariantRuntime.load();

        private RuntimeHolder() {
        }
    }
}
