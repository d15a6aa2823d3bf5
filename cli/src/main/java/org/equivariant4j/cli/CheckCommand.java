package org.equivariant4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.runtime.Contribution;
import org.equivariant4j.runtime.EquivariantRuntime;
import org.equivariant4j.equivariance.ElementError;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.RandomFields;
import org.equivariant4j.equivariance.Tolerance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eq4j check}: measures a registered layer's equivariance with the official test kit
 * ({@link EquivarianceChecker}) and prints one row per group element and dtype: the errors of
 * {@code f(g·x)} against {@code g·f(x)} on random fields of the layer's input type, the bound the
 * kit's tolerance allows, and the verdict. Exits 1 when any element fails.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a registered layer's equivariance per group element with the equivariance measurement (exit 1 if any fails).",
        footerHeading = "%nExamples:%n",
        footer = {"  eq4j check equivariant-linear                 # on each group the layer lists",
                  "  eq4j check equivariant-linear --group Q8       # the third-party quaternion group",
                  "  eq4j check group-pooling --group D8 --dtype float64 --seed 7",
                  "  eq4j list                                      # registered layers and groups"})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private Eq4j parent;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAYER", description = "Layer id (see: eq4j list).")
    private String layerId;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP",
            description = "Group to check on (repeatable; default: the groups the layer lists).")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--dtype", paramLabel = "DTYPE", split = ",", defaultValue = "float32,float64",
            description = "float32 and/or float64 (default: ${DEFAULT-VALUE}); tolerance 1e-3 or 1e-9, absolute + relative.")
    private List<String> dtypes;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the layer's weights and the random inputs (default: the kit's).")
    private Long seed;

    @Override
    public Integer call() {
        EquivariantRuntime rt = parent.runtime();
        Contribution<LayerProvider> layer = rt.layers().layer(layerId);
        List<String> names = groups.isEmpty() ? layer.provider().groups() : groups;
        List<DType> types = dtypes.stream().map(this::dtype).toList();
        long s = seed == null ? RandomFields.seed() : seed;
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (String name : names) {
            Group group = rt.groups().group(name);
            Module module = layer.provider().create(group, s);
            if (!(module instanceof EquivariantLayer equivariant)) {
                throw new Equivariant4jException("layer '" + layerId + "' of plugin '" + layer.plugin().id() + "' built a "
                        + module.getClass().getName() + " for " + name + ", not an EquivariantLayer: it declares no types to check");
            }
            GeometricTensor input = RandomFields.defaults().generate(equivariant.inType(), s);
            List<List<String>> rows = new ArrayList<>();
            List<String> worst = new ArrayList<>();
            for (DType type : types) {
                EquivarianceReport report = EquivarianceChecker.of(equivariant).inDType(type).seed(s)
                        .measure(group.testingElements(), List.of(input));
                Tolerance tolerance = report.defaultTolerance();
                for (ElementError e : report.errors()) {
                    boolean ok = e.passes(tolerance);
                    failures += ok ? 0 : 1;
                    rows.add(List.of(e.element().toString(), type.name().toLowerCase(Locale.ROOT), sci(e.maxAbsolute()),
                            sci(e.maxRelative()), sci(e.meanAbsolute()), sci(tolerance.bound(e.scale())), ok ? "ok" : "FAIL"));
                }
                report.failures(tolerance).stream().findFirst().ifPresent(f -> worst.add(report.describeFailure(f, tolerance)));
            }
            String signature = equivariant.getClass().getSimpleName() + ": " + equivariant.inType().representation().name() + " -> "
                    + equivariant.outType().representation().name();
            ResultTable table = new ResultTable("eq4j check " + layerId + " on " + group.name() + " (" + signature + ", seed " + s
                    + ")", List.of("element", "dtype", "max abs error", "max rel error", "mean abs error", "allowed", "result"),
                    rows, List.of("f(g.x) vs g.f(x) on random fields of " + equivariant.inType() + "; allowed = tolerance bound at"
                            + " the output's scale (1e-3 + 1e-3|y| float32, 1e-9 + 1e-9|y| float64)"));
            out.print(table.toText());
            worst.forEach(w -> out.println("  worst failure: " + w));
            out.println();
        }
        out.println(failures == 0 ? "equivariant within tolerance on every element" : failures + " element(s) FAILED");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private DType dtype(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "option '--dtype': '" + text
                    + "' is not one of float32, float64");
        };
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
