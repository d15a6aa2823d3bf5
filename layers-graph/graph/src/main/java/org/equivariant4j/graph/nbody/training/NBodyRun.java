package org.equivariant4j.graph.nbody.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.nn.experiment.EpochTrainer;
import org.equivariant4j.nn.optim.OptimizerStates;

/**
 * A started N-body experiment: trains epoch by epoch, evaluates validation and test MSE every
 * {@code evalEvery} epochs (and after the first) and keeps the test MSE at the best validation MSE, as the
 * reference's {@code main_nbody.py} does. Between evaluations {@link #evaluate()} repeats the last values.
 */
final class NBodyRun implements ExperimentRun {
    private static final String OPTIMIZER = "adam";
    private static final String PROGRESS = "progress";
    private final String architecture;
    private final NBodyModel model;
    private final EpochTrainer trainer;
    private final NBodyExamples valid;
    private final NBodyExamples test;
    private final DatasetSummary data;
    private final int batchSize;
    private final int evalEvery;
    private int lastEpoch = -1;
    private int epochsTrained;
    private double lastValid = Double.NaN;
    private double lastTest = Double.NaN;
    private double bestValid = Double.POSITIVE_INFINITY;
    private double testAtBest = Double.NaN;
    private int bestEpoch = -1;
    private double epochSeconds = Double.NaN;

    NBodyRun(String architecture, NBodyModel model, EpochTrainer trainer, NBodyExamples valid, NBodyExamples test,
            DatasetSummary data, int batchSize, int evalEvery) {
        this.architecture = architecture;
        this.model = model;
        this.trainer = trainer;
        this.valid = valid;
        this.test = test;
        this.data = data;
        this.batchSize = batchSize;
        this.evalEvery = evalEvery;
    }

    @Override
    public Module model() {
        return model.module();
    }

    /**
     * Adam's state and the run's bookkeeping (epochs trained, last and best validation and test MSE, best epoch), so
     * that a resumed run trains and reports exactly what the uninterrupted one does.
     */
    @Override
    public Map<String, Tensor> trainingState() {
        Map<String, Tensor> out = new LinkedHashMap<>(OptimizerStates.of(Map.of(OPTIMIZER, trainer.optimizer())));
        double[] progress = {epochsTrained, lastEpoch, lastValid, lastTest, bestValid, testAtBest, bestEpoch};
        out.put(PROGRESS, Tensors.of(progress, DType.FLOAT64, progress.length));
        return out;
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        Tensor progress = state.get(PROGRESS);
        if (progress == null || progress.numel() != 7) {
            throw new StateDictMismatchException("NBodyRun.loadTrainingState: expected '" + PROGRESS + "' with 7 values but was "
                    + (progress == null ? "missing" : java.util.Arrays.toString(progress.shape())) + " (keys " + state.keySet() + ")");
        }
        Map<String, Tensor> optimizerState = new LinkedHashMap<>(state);
        optimizerState.remove(PROGRESS);
        OptimizerStates.load("NBodyRun.loadTrainingState", Map.of(OPTIMIZER, trainer.optimizer()), optimizerState);
        double[] p = progress.toDoubleArray();
        epochsTrained = (int) p[0];
        lastEpoch = (int) p[1];
        lastValid = p[2];
        lastTest = p[3];
        bestValid = p[4];
        testAtBest = p[5];
        bestEpoch = (int) p[6];
    }

    @Override
    public DatasetSummary data() {
        return data;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        long start = System.nanoTime();
        EpochTraining t = trainer.trainEpoch(epoch, listener, stop);
        epochSeconds = (System.nanoTime() - start) / 1e9;
        lastEpoch = epoch;
        epochsTrained++;
        return t;
    }

    @Override
    public Map<String, Double> evaluate() {
        if (lastEpoch < 0 || lastEpoch % evalEvery == 0 || Double.isNaN(lastValid)) {
            lastValid = NBodyTrainer.meanSquaredError(model, valid, batchSize);
            lastTest = NBodyTrainer.meanSquaredError(model, test, batchSize);
            if (lastValid < bestValid) {
                bestValid = lastValid;
                testAtBest = lastTest;
                bestEpoch = lastEpoch;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("valid_mse", lastValid);
        m.put("test_mse", lastTest);
        m.put("best_valid_mse", bestValid);
        m.put("test_mse_at_best_valid", testAtBest);
        m.put("best_epoch", (double) bestEpoch);
        m.put("ms_per_step", trainer.millisPerStep());
        m.put("s_per_epoch", epochSeconds);
        return m;
    }

    @Override
    public ResultTable results() {
        if (Double.isNaN(testAtBest)) {
            evaluate();
        }
        String row0 = String.format(Locale.ROOT, "%,d", model.module().parameterCount());
        return new ResultTable("Charged N-body, positions 1,000 steps ahead: " + architecture,
                List.of("model", "parameters", "epochs", "best epoch", "valid MSE", "test MSE at best valid",
                        "constant-velocity test MSE", "ms/step", "s/epoch"),
                List.of(List.of(architecture, row0, Integer.toString(epochsTrained), Integer.toString(bestEpoch),
                        String.format(Locale.ROOT, "%.5f", bestValid), String.format(Locale.ROOT, "%.5f", testAtBest),
                        String.format(Locale.ROOT, "%.5f", test.constantVelocityMse()),
                        String.format(Locale.ROOT, "%.1f", trainer.millisPerStep()),
                        String.format(Locale.ROOT, "%.2f", epochSeconds))),
                List.of("published (Satorras et al. 2021, Table 2): EGNN 0.0071, GNN 0.0107, linear 0.0819;"
                        + " the PyTorch reference on this machine type: EGNN 0.0076-0.0082 at ~epoch 230",
                        "ms/step: wall time of one training step of " + trainer.batchSize() + " graphs, batching included"));
    }
}
