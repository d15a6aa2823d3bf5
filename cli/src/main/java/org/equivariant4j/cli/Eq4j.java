package org.equivariant4j.cli;

import java.io.PrintWriter;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.runtime.EquivariantRuntime;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code eq4j} command: lists what the plugins on the class path contribute, runs and
 * benchmarks their experiments, and checks layers' equivariance. {@link #main} exits with the
 * command's code; tests call {@link #commandLine()} and {@code execute(args)} instead.
 *
 * <p>Exit codes: 0 success, 1 an error (the message says what and how to fix it), 2 bad usage,
 * 130 a run stopped by Ctrl-C after saving its last checkpoint.
 */
@Command(name = "eq4j", mixinStandardHelpOptions = true, versionProvider = ModuleVersions.class,
        description = "Equivariant deep learning on the JVM: run experiments, list plugins, check layers.",
        subcommands = {ListCommand.class, RunCommand.class, CheckCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  eq4j list",
                  "  eq4j run two-spirals --epochs 5",
                  "  eq4j run c4-tetrominoes --out runs/flagship",
                  "  eq4j check equivariant-linear --group Q8",
                  "  eq4j bench c4-tetrominoes",
                  "  eq4j help run"})
public final class Eq4j implements Runnable {
    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int EXIT_INTERRUPTED = 130;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private EquivariantRuntime runtime;

    @Option(names = {"-v", "--verbose"}, description = "Log more: -v for INFO, -vv for DEBUG (default: warnings only).")
    void setVerbose(boolean[] verbose) {
        Level level = verbose.length >= 2 ? Level.DEBUG : verbose.length == 1 ? Level.INFO : Level.WARN;
        ((Logger) LoggerFactory.getLogger("org.equivariant4j")).setLevel(level);
    }

    /** Runs {@code eq4j} with {@code args} and exits with its code. */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The command line with its error handling, ready for {@code execute(args)}; output goes to its writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Eq4j());
        cl.setExecutionExceptionHandler(Eq4j::handle);
        return cl;
    }

    /**
     * Errors we raise on purpose carry the whole explanation (what, the known alternatives, the fix),
     * so they print as one line; anything else is a bug and prints its stack trace.
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof Equivariant4jException || e instanceof CommandLine.ParameterException) {
            err.println(cl.getColorScheme().errorText("eq4j " + cl.getCommandName() + ": " + e.getMessage()));
        } else if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            err.println(cl.getColorScheme().errorText("eq4j " + cl.getCommandName() + ": " + e));
        } else {
            err.println("eq4j " + cl.getCommandName() + ": unexpected error, please report it with this trace:");
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The plugins on the class path, loaded on first use (so {@code --help} loads nothing). */
    EquivariantRuntime runtime() {
        if (runtime == null) {
            runtime = EquivariantRuntime.load();
        }
        return runtime;
    }

    @Override
    public void run() {
        // No subcommand: show the usage, which lists the subcommands.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
