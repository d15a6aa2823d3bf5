package org.equivariant4j.cli.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a request the training loop honours after its current step.
 * The JVM exits as soon as its shutdown hooks return, so the hook sets the flag and then waits
 * (up to a grace period) for the loop to report, through {@link #close()}, that it has stopped
 * and its files are written. Checkpoints are written each epoch, atomically, so the last one is
 * always whole.
 */
public final class StopSignal implements BooleanSupplier, AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(Thread hook) {
        this.hook = hook;
    }

    /** A signal nothing but {@link #request()} sets (tests, benchmarks). */
    public static StopSignal manual() {
        return new StopSignal(null);
    }

    /** A signal set by the JVM's shutdown (Ctrl-C); the hook tells {@code console} what happens and waits up to {@code grace}. */
    public static StopSignal onShutdown(PrintStream console, Duration grace) {
        StopSignal[] self = new StopSignal[1];
        Thread hook = new Thread(() -> {
            self[0].requested.set(true);
            console.println();
            console.println("eq4j: stopping after the current step (the last epoch's checkpoint is kept)...");
            console.flush();
            try {
                self[0].stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "eq4j-stop-on-interrupt");
        self[0] = new StopSignal(hook);
        Runtime.getRuntime().addShutdownHook(hook);
        return self[0];
    }

    /** Asks the loop to stop after its current step. */
    public void request() {
        requested.set(true);
    }

    /** Whether a stop was requested. */
    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    /** The loop has stopped and written its files: lets a waiting shutdown proceed, and removes the hook. */
    @Override
    public void close() {
        stopped.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running (Ctrl-C): it returns now that the latch is open.
            }
        }
    }
}
