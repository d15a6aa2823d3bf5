package org.equivariant4j.gconv.ccnn.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;

/** A run of CCNN classifiers on named test sets, with one result row per model. */
final class CcnnRun extends ClassifierRun {
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

    @Override
    public ResultTable results() {
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
