package org.equivariant4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics.csv as a resume reads it: the rows of the checkpoint's epochs, nothing more (a row written
 * before a checkpoint a kill prevented, a line a kill cut short) and nothing less or doubled (refused).
 */
class MetricsCsvTest {
    @TempDir
    Path tmp;

    @Test
    void appendedRowsReadBackExactlyWithQuotedNames() {
        Path file = tmp.resolve(OutputFolder.METRICS_CSV);
        MetricsHistory history = new MetricsHistory();
        MetricsCsv csv = MetricsCsv.start(file, history);
        for (int epoch = 1; epoch <= 3; epoch++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train_loss", 1.0 / epoch);
            metrics.put("acc, \"rotated\"", epoch == 2 ? Double.NaN : 0.1 * epoch);
            EpochRecord record = new EpochRecord(epoch, epoch * 1.5, metrics);
            history.add(record);
            csv.append(record, history);
        }
        MetricsHistory read = MetricsCsv.read(file, 3);
        assertThat(read.epochs()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(read.epochs().get(i).metrics()).isEqualTo(history.epochs().get(i).metrics());
        }
        assertThat(read.metricNames()).containsExactly("train_loss", "acc, \"rotated\"");
    }

    @Test
    void rowsAfterTheCheckpointAndALineCutShortAreDropped() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.csv"), "epoch,seconds,loss\n1,0.5,0.9\n2,1.0,0.8\n3,1.5,0.7\n4,2.0,0.");
        assertThat(MetricsCsv.read(file, 2).epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2);
        assertThat(MetricsCsv.read(file, 3).epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
    }

    @Test
    void aDuplicatedRowIsRefusedNamingTheLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.csv"), "epoch,seconds,loss\n1,0.5,0.9\n2,1.0,0.8\n2,1.0,0.8\n3,1.5,0.7\n");
        assertThatThrownBy(() -> MetricsCsv.read(file, 3)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining(file + " line 4: epoch 2 does not follow epoch 2")
                .hasMessageContaining("3 epochs completed");
    }

    @Test
    void rowsEndingBeforeTheCheckpointAreRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.csv"), "epoch,seconds,loss\n1,0.5,0.9\n2,1.0,0.8\n");
        assertThatThrownBy(() -> MetricsCsv.read(file, 5)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("its rows end at epoch 2").hasMessageContaining("5 epochs completed");
    }

    @Test
    void aCellThatIsNoNumberIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.csv"), "epoch,seconds,loss\n1,0.5,lots\n");
        assertThatThrownBy(() -> MetricsCsv.read(file, 1)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("line 2: 'loss' is 'lots', not a number");
    }

    @Test
    void noFileMeansNoHistory() {
        assertThat(MetricsCsv.read(tmp.resolve("absent.csv"), 3)).isNull();
    }
}
