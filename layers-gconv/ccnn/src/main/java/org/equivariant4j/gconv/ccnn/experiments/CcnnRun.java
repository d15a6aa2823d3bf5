package org.equivariant4j.gconv.ccnn.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.norm.BatchNormStatistics;

/**
 * A run of CCNN classifiers on named test sets, with one result row per model. Before every
 * evaluation each model's batch-norm statistics are re-estimated at its current weights from the
 * first training batches ({@link BatchNormStatistics}, "precise BN"): the momentum-0.1 running
 * averages lag the quickly moving features of the first epochs, and in eval mode the image models
 * then predicted a single class while their training loss fell.
 */
final class CcnnRun extends ClassifierRun {
    /** At most this many batches of {@link #RECALIBRATION_BATCH} training examples re-estimate the statistics. */
    private static final int RECALIBRATION_BATCHES = 8;
    private static final int RECALIBRATION_BATCH = 32;

    private final String title;
    private final List<String> notes;
    private final Map<String, String> labels;
    private final List<String> testNames = new ArrayList<>();

    CcnnRun(ClassifierSet models, DatasetSummary data, Map<String, TensorDataset> tests, Map<String, String> labels, String title,
            List<String> notes) {
        super(models, data);
        tests.forEach((name, set) -> {
            addTestSet(name, set);
            testNames.add(name);
        });
        this.labels = labels;
        this.title = title;
        this.notes = notes;
    }

    private void recalibrate() {
        Tensor features = trainSet().features();
        int batch = Math.min(RECALIBRATION_BATCH, features.size(0));
        int batches = Math.max(1, Math.min(RECALIBRATION_BATCHES, features.size(0) / batch));
        for (String name : labels.keySet()) {
            ClassifierSet.Trained m = models().get(name);
            BatchNormStatistics.reestimate(m.module(), batches, b -> m.forward().apply(features.narrow(0, b * batch, batch)));
        }
    }

    @Override
    public Map<String, Double> evaluate() {
        recalibrate();
        return super.evaluate();
    }

    @Override
    public ResultTable results() {
        recalibrate();
        List<String> columns = new ArrayList<>(List.of("model", "parameters"));
        testNames.forEach(t -> columns.add(t + " acc"));
        List<List<String>> rows = new ArrayList<>();
        labels.forEach((name, label) -> {
            List<String> row = new ArrayList<>(List.of(label, parameters(name)));
            for (String t : testNames) {
                row.add(percent(accuracy(name, testSet(t))));
            }
            rows.add(row);
        });
        return new ResultTable(title, columns, rows, notes);
    }
}
