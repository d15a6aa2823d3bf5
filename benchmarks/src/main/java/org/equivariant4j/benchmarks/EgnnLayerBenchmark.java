package org.equivariant4j.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One E(n)-equivariant GNN layer (Satorras et al. 2021) forward and backward on 100 fully
 * connected five-node graphs (500 nodes, 2,000 directed edges), hidden width 64, loss
 * {@code sum(h'^2) + sum(x'^2)}; the formula of {@code torch/bench_torch.py}'s {@code egnn_forward}:
 * <pre>
 * d = x[row] - x[col];  r = |d|^2
 * m = silu(silu([h[row], h[col], r] We1 + be1) We2 + be2)
 * x' = x + segsum(d * (silu(m Wx1 + bx1) Wx2), row) / deg
 * h' = h + silu([h, segsum(m, row)] Wh1 + bh1) Wh2 + bh2
 * </pre>
 * Ours is written against {@link Tensor} (row gathers and segment sums, no loop over edges); the
 * baseline is the same graph in ND4J's SameDiff ({@code calculateGradients}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class EgnnLayerBenchmark {
    static final int GRAPHS = 100;
    static final int NODES_PER_GRAPH = 5;
    static final int NODES = GRAPHS * NODES_PER_GRAPH;
    static final int HIDDEN = 64;
    private static final String[] WEIGHTS = {"We1", "We2", "Wx1", "Wx2", "Wh1", "Wh2"};
    private static final String[] BIASES = {"be1", "be2", "bx1", null, "bh1", "bh2"};
    private static final int[][] SHAPES = {{2 * HIDDEN + 1, HIDDEN}, {HIDDEN, HIDDEN}, {HIDDEN, HIDDEN}, {HIDDEN, 1},
        {2 * HIDDEN, HIDDEN}, {HIDDEN, HIDDEN}};

    private Tensor h;
    private Tensor x;
    private Tensor row;
    private Tensor col;
    private Tensor ones;
    private Map<String, Tensor> p;
    private SameDiff sd;
    private Map<String, INDArray> placeholders;
    private List<String> weightNames;

    /** Edges of the batch: every ordered pair of distinct nodes within each graph; {row, col}. */
    static long[][] edges() {
        int perGraph = NODES_PER_GRAPH * (NODES_PER_GRAPH - 1);
        long[][] e = new long[2][GRAPHS * perGraph];
        int k = 0;
        for (int g = 0; g < GRAPHS; g++) {
            for (int i = 0; i < NODES_PER_GRAPH; i++) {
                for (int j = 0; j < NODES_PER_GRAPH; j++) {
                    if (i != j) {
                        e[0][k] = (long) g * NODES_PER_GRAPH + i;
                        e[1][k] = (long) g * NODES_PER_GRAPH + j;
                        k++;
                    }
                }
            }
        }
        return e;
    }

    /** Parameters in bench_torch.py's order and fill (seeds from 20, scale 1/sqrt(fan-in)). */
    static LinkedHashMap<String, float[]> parameterValues() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        int seed = 20;
        for (int k = 0; k < WEIGHTS.length; k++) {
            double scale = 1.0 / Math.sqrt(SHAPES[k][0]);
            out.put(WEIGHTS[k], BenchSupport.detValues(seed++, scale, SHAPES[k]));
            if (BIASES[k] != null) {
                out.put(BIASES[k], BenchSupport.detValues(seed++, scale, SHAPES[k][1]));
            }
        }
        return out;
    }

    private static int[] shapeOf(String name) {
        for (int k = 0; k < WEIGHTS.length; k++) {
            if (WEIGHTS[k].equals(name)) {
                return SHAPES[k];
            }
            if (name.equals(BIASES[k])) {
                return new int[] {SHAPES[k][1]};
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Inputs, parameters and both versions of the layer; checks they agree before timing. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        long[][] e = edges();
        row = Tensors.of(e[0], e[0].length);
        col = Tensors.of(e[1], e[1].length);
        ones = Tensors.ones(e[0].length, 1);
        h = BenchSupport.det(10, 1.0, NODES, HIDDEN);
        x = BenchSupport.det(11, 1.0, NODES, 3);
        p = new LinkedHashMap<>();
        parameterValues().forEach((name, v) -> p.put(name, Tensors.of(v, shapeOf(name)).requiresGrad(true)));
        buildSameDiff(e);
        Tensor loss = forwardLoss();
        loss.backward();
        INDArray sdLoss = sd.output(placeholders, "loss").get("loss");
        Map<String, INDArray> sdGrads = sd.calculateGradients(placeholders, weightNames);
        BaselineCheck.requireClose("EGNN loss", loss.unwrap(INDArray.class), sdLoss, 1e-5);
        for (String name : weightNames) {
            BaselineCheck.requireClose("EGNN gradient of " + name, p.get(name).grad().unwrap(INDArray.class), sdGrads.get(name),
                    1e-4);
        }
        zeroGrads();
    }

    /** The layer and its loss through {@link Tensor}. */
    Tensor forwardLoss() {
        Tensor diff = x.indexSelect(0, row).sub(x.indexSelect(0, col));
        Tensor radial = diff.mul(diff).sum(1, true);
        Tensor edgeIn = Tensors.concat(1, h.indexSelect(0, row), h.indexSelect(0, col), radial);
        Tensor m = edgeIn.matmul(p.get("We1")).add(p.get("be1")).silu().matmul(p.get("We2")).add(p.get("be2")).silu();
        Tensor phiX = m.matmul(p.get("Wx1")).add(p.get("bx1")).silu().matmul(p.get("Wx2"));
        Tensor degree = ones.segmentSum(row, NODES);
        Tensor xNew = x.add(diff.mul(phiX).segmentSum(row, NODES).div(degree));
        Tensor aggregated = m.segmentSum(row, NODES);
        Tensor hNew = h.add(Tensors.concat(1, h, aggregated).matmul(p.get("Wh1")).add(p.get("bh1")).silu()
                .matmul(p.get("Wh2")).add(p.get("bh2")));
        return hNew.mul(hNew).sum().add(xNew.mul(xNew).sum());
    }

    private void zeroGrads() {
        for (Tensor t : p.values()) {
            t.zeroGrad();
        }
    }

    private void buildSameDiff(long[][] e) {
        double[] deg = new double[NODES];
        for (long r : e[0]) {
            deg[(int) r] += 1;
        }
        float[] inv = new float[NODES];
        for (int i = 0; i < NODES; i++) {
            inv[i] = (float) (1.0 / deg[i]);
        }
        sd = SameDiff.create();
        SDVariable hv = sd.placeHolder("h", DataType.FLOAT, NODES, HIDDEN);
        SDVariable xv = sd.placeHolder("x", DataType.FLOAT, NODES, 3);
        SDVariable r = sd.constant("row", Nd4j.createFromArray(e[0]));
        SDVariable c = sd.constant("col", Nd4j.createFromArray(e[1]));
        SDVariable invDeg = sd.constant("invdeg", Nd4j.create(inv, new long[] {NODES, 1}, 'c'));
        Map<String, SDVariable> v = new HashMap<>();
        weightNames = new ArrayList<>();
        for (Map.Entry<String, Tensor> entry : p.entrySet()) {
            v.put(entry.getKey(), sd.var(entry.getKey(), entry.getValue().unwrap(INDArray.class).dup()));
            weightNames.add(entry.getKey());
        }
        SDVariable diff = sd.gather(xv, r, 0).sub(sd.gather(xv, c, 0));
        SDVariable radial = sd.sum(diff.mul(diff), true, 1);
        SDVariable edgeIn = sd.concat(1, sd.gather(hv, r, 0), sd.gather(hv, c, 0), radial);
        SDVariable m = sd.nn.swish(sd.nn.swish(edgeIn.mmul(v.get("We1")).add(v.get("be1"))).mmul(v.get("We2")).add(v.get("be2")));
        SDVariable phiX = sd.nn.swish(m.mmul(v.get("Wx1")).add(v.get("bx1"))).mmul(v.get("Wx2"));
        SDVariable xNew = xv.add(sd.unsortedSegmentSum(diff.mul(phiX), r, NODES).mul(invDeg));
        SDVariable aggregated = sd.unsortedSegmentSum(m, r, NODES);
        SDVariable hNew = hv.add(sd.nn.swish(sd.concat(1, hv, aggregated).mmul(v.get("Wh1")).add(v.get("bh1")))
                .mmul(v.get("Wh2")).add(v.get("bh2")));
        SDVariable loss = sd.sum(hNew.mul(hNew)).add(sd.sum(xNew.mul(xNew)));
        loss.rename("loss");
        sd.setLossVariables("loss");
        placeholders = new HashMap<>();
        placeholders.put("h", h.unwrap(INDArray.class).dup());
        placeholders.put("x", x.unwrap(INDArray.class).dup());
    }

    /** Forward, loss, backward through {@link Tensor}, then clear the parameters' gradients. */
    @Benchmark
    public Tensor fwdBwdTensor() {
        Tensor loss = forwardLoss();
        loss.backward();
        Tensor g = p.get("We1").grad();
        zeroGrads();
        return g;
    }

    /** The baseline: the same layer as a SameDiff graph, gradients of all parameters. */
    @Benchmark
    public Map<String, INDArray> fwdBwdNd4j() {
        return sd.calculateGradients(placeholders, weightNames);
    }
}
