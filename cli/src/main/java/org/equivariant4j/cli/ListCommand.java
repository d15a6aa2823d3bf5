package org.equivariant4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.runtime.Contribution;
import org.equivariant4j.runtime.EquivariantRuntime;
import org.equivariant4j.runtime.LoadedPlugin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code eq4j list}: every plugin with its version, and the group families, layers and experiments they contribute. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List plugins (with versions), group families, layers and experiments on the class path.",
        footerHeading = "%nExamples:%n",
        footer = {"  eq4j list", "  eq4j list --options      # also each experiment's options and defaults"})
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    private Eq4j parent;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--options", description = "Also list every experiment's options with type, default and accepted values.")
    private boolean options;

    @Override
    public Integer call() {
        EquivariantRuntime rt = parent.runtime();
        PrintWriter out = spec.commandLine().getOut();
        out.print(plugins(rt).toText());
        out.println();
        out.print(families(rt).toText());
        out.println();
        out.print(layers(rt).toText());
        out.println();
        out.print(experiments(rt).toText());
        if (options) {
            for (Contribution<Experiment> c : rt.experiments().all()) {
                out.println();
                out.print(optionTable(c.provider()).toText());
            }
        }
        out.flush();
        return 0;
    }

    static ResultTable plugins(EquivariantRuntime rt) {
        List<List<String>> rows = new ArrayList<>();
        for (LoadedPlugin p : rt.plugins().all()) {
            rows.add(List.of(p.id(), p.descriptor().version(), p.descriptor().spiVersion().toString(),
                    String.join(", ", p.descriptor().features().stream().map(Enum::name).sorted().toList()), jar(p.source())));
        }
        return new ResultTable("Plugins (" + rows.size() + ")", List.of("id", "version", "SPI", "features", "from"), rows, List.of());
    }

    static ResultTable families(EquivariantRuntime rt) {
        List<List<String>> rows = new ArrayList<>();
        for (Contribution<GroupProvider> c : rt.groups().families()) {
            rows.add(List.of(c.provider().id(), String.join(", ", c.provider().examples()), c.plugin().id(),
                    c.provider().description()));
        }
        return new ResultTable("Group families (" + rows.size() + ")", List.of("id", "examples", "plugin", "description"), rows,
                List.of());
    }

    static ResultTable layers(EquivariantRuntime rt) {
        List<List<String>> rows = new ArrayList<>();
        for (Contribution<LayerProvider> c : rt.layers().all()) {
            rows.add(List.of(c.provider().id(), String.join(", ", c.provider().groups()), c.plugin().id(),
                    c.provider().description()));
        }
        return new ResultTable("Layers (" + rows.size() + ")", List.of("id", "groups", "plugin", "description"), rows, List.of());
    }

    static ResultTable experiments(EquivariantRuntime rt) {
        List<List<String>> rows = new ArrayList<>();
        for (Contribution<Experiment> c : rt.experiments().all()) {
            rows.add(List.of(c.provider().id(), c.plugin().id(), c.provider().description()));
        }
        return new ResultTable("Experiments (" + rows.size() + ")", List.of("id", "plugin", "description"), rows,
                List.of("run one with: eq4j run <id>; its options: eq4j list --options"));
    }

    static ResultTable optionTable(Experiment e) {
        List<List<String>> rows = new ArrayList<>();
        for (OptionSpec o : e.options()) {
            rows.add(List.of(o.name(), o.type().label(), OptionSpec.format(o.defaultValue()), o.accepted(), o.description()));
        }
        return new ResultTable("Options of " + e.id(), List.of("option", "type", "default", "accepts", "description"), rows,
                List.of());
    }

    /** The jar's file name (the folder for classes folders): the full path is noise in a table. */
    private static String jar(String source) {
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        int slash = s.lastIndexOf('/');
        String name = s.substring(slash + 1);
        // A classes folder says little on its own; keep the module folder before it.
        if (name.equals("classes") || name.equals("test-classes")) {
            int before = s.lastIndexOf('/', s.lastIndexOf('/', slash - 1) - 1);
            return s.substring(before + 1);
        }
        return name;
    }
}
