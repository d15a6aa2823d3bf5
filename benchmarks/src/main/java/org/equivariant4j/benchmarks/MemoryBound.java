package org.equivariant4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.metric.Accuracy;
import org.equivariant4j.nn.optim.Adam;

/**
 * Proof that it learns, and that it does not leak: trains the benchmark's MLP (256-256-256-10,
 * batch 256, Adam) for 5,000 steps on a synthetic task and every 1,000 steps prints the loss,
 * held-out accuracy and memory: JavaCPP's off-heap counters ({@link Pointer#physicalBytes()}, the
 * process's resident set, and {@link Pointer#totalBytes()}, what JavaCPP itself allocated) plus
 * the Java heap in use. A leak shows as a column that keeps growing report after report.
 *
 * <p>{@code totalBytes} stays near 0: ND4J 1.0.0-M2.1 allocates its array buffers inside libnd4j,
 * which JavaCPP does not count (nor does ND4J's own {@code allocatedMemory} on CPU), so the
 * resident set is the number that shows native memory. Those buffers are freed only after the
 * garbage collector finds their Java owners unreachable, hence its growth between collections.
 *
 * <p>The task: inputs are standard normal, the label is the arg-max of a fixed random linear map
 * of the input (a "teacher"), so a network that learns reaches high held-out accuracy, and one
 * that does not stays at 10%.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.equivariant4j.benchmarks.MemoryBound [steps] [every]}
 */
public final class MemoryBound {
    private static final int TRAIN_ROWS = 4096;
    private static final int TEST_ROWS = 1024;

    private MemoryBound() {
    }

    /** Trains and reports; arguments: total steps (default 5000), report interval (default 1000). */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        BenchSupport.init();
        int width = MlpTrainStepBenchmark.WIDTH;
        int classes = MlpTrainStepBenchmark.CLASSES;
        int batch = MlpTrainStepBenchmark.BATCH;

        Rng rng = new Rng(7);
        Tensor teacher = Tensors.randn(rng, width, classes);
        Tensor testX = Tensors.randn(rng, TEST_ROWS, width);
        Tensor testY = testX.matmul(teacher).argmax(1);
        // Mini-batches made once, so the loop measures training, not data preparation.
        List<Tensor> xs = new ArrayList<>();
        List<Tensor> ys = new ArrayList<>();
        for (int start = 0; start + batch <= TRAIN_ROWS; start += batch) {
            Tensor x = Tensors.randn(rng, batch, width);
            xs.add(x);
            ys.add(x.matmul(teacher).argmax(1));
        }

        MLP model = MlpTrainStepBenchmark.newModel(new Rng(0));
        Adam adam = new Adam(model.parameters(), MlpTrainStepBenchmark.LR);
        CrossEntropyLoss loss = new CrossEntropyLoss();

        System.out.println("| step | mean loss (last interval) | held-out accuracy | physicalBytes (MB) | totalBytes (MB)"
                + " | heap used (MB) | ms/step (last interval) |");
        System.out.println("|---|---|---|---|---|---|---|");
        report(0, Double.NaN, model, testX, testY, Double.NaN);
        double lossSum = 0;
        long intervalStart = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            int b = (step - 1) % xs.size();
            lossSum += MlpTrainStepBenchmark.trainStep(model, adam, loss, xs.get(b), ys.get(b)).item();
            if (step % every == 0) {
                double msPerStep = (System.nanoTime() - intervalStart) / 1e6 / every;
                report(step, lossSum / every, model, testX, testY, msPerStep);
                lossSum = 0;
                intervalStart = System.nanoTime();
            }
        }
    }

    private static void report(int step, double meanLoss, MLP model, Tensor testX, Tensor testY, double msPerStep) {
        double accuracy;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            accuracy = Accuracy.of(model.forward(testX), testY);
        }
        Runtime rt = Runtime.getRuntime();
        // Step 0 is the untrained model: no loss or timing yet, only chance-level accuracy and the memory baseline.
        String lossText = Double.isNaN(meanLoss) ? "—" : String.format(Locale.ROOT, "%.4f", meanLoss);
        String timeText = Double.isNaN(msPerStep) ? "—" : String.format(Locale.ROOT, "%.2f", msPerStep);
        System.out.printf(Locale.ROOT, "| %d | %s | %.3f | %.0f | %.1f | %.0f | %s |%n", step, lossText, accuracy,
                Pointer.physicalBytes() / 1e6, Pointer.totalBytes() / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6, timeText);
    }
}
