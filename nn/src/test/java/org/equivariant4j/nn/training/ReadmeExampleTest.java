package org.equivariant4j.nn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.data.TwoSpirals;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.loss.Loss;
import org.equivariant4j.nn.metric.Accuracy;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.GradientClipping;
import org.equivariant4j.nn.schedule.CosineDecay;
import org.equivariant4j.nn.schedule.LearningRateSchedule;
import org.equivariant4j.nn.schedule.LinearWarmup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of nn/README.md, verbatim between the markers, so that the documentation compiles and works. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleTrainsSavesAndRestores() {
        Path file = dir.resolve("spirals.safetensors");
        // --- README example begins
        TensorDataset data = TwoSpirals.generate(200, 2.0, 0.02, new Rng(7));
        DataLoader loader = DataLoader.builder(data).batchSize(100).shuffle(42).build();

        MLP model = new MLP(new int[] {2, 64, 64, 2}, ReLU::new, new Rng(1));
        Adam adam = new Adam(model.parameters(), 0.01);
        int epochs = 150;
        LearningRateSchedule schedule = new LinearWarmup(20, new CosineDecay(0.01, 1e-4, epochs * 4 - 20));
        Loss loss = new CrossEntropyLoss();

        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch batch : loader.epoch(epoch)) {
                schedule.apply(adam, step++);
                adam.zeroGrad();
                loss.compute(model.forward(batch.features()), batch.labels()).backward();
                GradientClipping.clipGlobalNorm(model.parameters(), 5.0);
                adam.step();
            }
        }

        model.eval();
        double accuracy;
        try (GradMode.Scope noGraph = GradMode.disabled()) {
            accuracy = Accuracy.of(model.forward(data.features()), data.labels());
        }

        Safetensors.save(model, file, Map.of("epochs", String.valueOf(epochs)));
        MLP restored = new MLP(new int[] {2, 64, 64, 2}, ReLU::new, new Rng(0));
        Safetensors.loadInto(restored, file);
        // --- README example ends

        assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
        Tensor x = data.features();
        assertThat(restored.forward(x).toFloatArray()).containsExactly(model.forward(x).toFloatArray());
        assertThat(Safetensors.readMetadata(file)).containsEntry("epochs", "150");
    }
}
