package org.equivariant4j.backend.nd4j;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The create-graph backward of {@code gridSample}: the sampling rebuilt from tensor ops (a row
 * gather of the input and corner weights that are products of linear functions of the grid), with
 * the corner rows, the integer parts of the coordinates and the inside masks the forward computed
 * held fixed, then differentiated with recording on. Its gradients equal the first-order backward's
 * (same corners, same weights) and are differentiable again in the input, the grid and the upstream
 * gradient. A non-finite grid coordinate, which the forward reads as zeros, gives NaN here.
 */
final class GridSampleGraph implements GraphBackward {
    private final Nd4jTensor x;
    private final Nd4jTensor grid;
    /** {@code [corners * points]} table rows, corner-major (corner bits from grid column 0, most significant). */
    private final INDArray rowIndex;
    /** {@code [points, d]} the lower neighbour of each coordinate. */
    private final INDArray low;
    /** {@code [2, points, d]} 1 where the lower / upper neighbour is inside the input. */
    private final INDArray inside;
    private final double[] scale;
    private final double shift;
    private final int[] toChannelsLast;
    private final int[] toChannelsFirst;

    GridSampleGraph(Nd4jTensor x, Nd4jTensor grid, INDArray rowIndex, INDArray low, INDArray inside, double[] scale, double shift,
            int[] toChannelsLast, int[] toChannelsFirst) {
        this.x = x;
        this.grid = grid;
        this.rowIndex = rowIndex;
        this.low = low;
        this.inside = inside;
        this.scale = scale;
        this.shift = shift;
        this.toChannelsLast = toChannelsLast;
        this.toChannelsFirst = toChannelsFirst;
    }

    @Override
    public Nd4jTensor[] apply(Nd4jTensor g, Nd4jTensor output) {
        // Stand-ins, so that the walk below yields the partial derivatives of this op alone.
        Nd4jTensor xs = x.requiresGrad() ? ShapeOps.reshape(x, x.shape()) : x;
        Nd4jTensor gs = grid.requiresGrad() ? ShapeOps.reshape(grid, grid.shape()) : grid;
        List<Nd4jTensor> targets = new ArrayList<>();
        if (x.requiresGrad()) {
            targets.add(xs);
        }
        if (grid.requiresGrad()) {
            targets.add(gs);
        }
        Nd4jTensor[] grads = GraphAutograd.gradients(List.of(sample(xs, gs)), List.of(g), targets, true);
        int k = 0;
        return new Nd4jTensor[] {x.requiresGrad() ? grads[k++] : null, grid.requiresGrad() ? grads[k] : null};
    }

    private Nd4jTensor sample(Nd4jTensor input, Nd4jTensor coordinates) {
        long[] is = input.value().shape();
        long[] gridShape = coordinates.value().shape();
        int d = is.length - 2;
        int corners = 1 << d;
        long cells = 1;
        for (int i = 2; i < is.length; i++) {
            cells *= is[i];
        }
        long points = coordinates.value().length() / d;
        long channels = is[1];
        Nd4jTensor table = GraphGradients.reshape(ShapeOps.permute(input, toChannelsLast), new long[] {is[0] * cells, channels});
        Nd4jTensor values = IndexOps.indexSelect(table, 0, Nd4jTensor.leaf(rowIndex));
        Nd4jTensor coords = GraphGradients.reshape(coordinates, new long[] {points, d});
        INDArray scaleRow = Nd4j.create(scale, new long[] {1, d}, org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .castTo(input.value().dataType());
        Nd4jTensor pix = ElementwiseOps.addScalar(ElementwiseOps.mul(ElementwiseOps.addScalar(coords, 1.0),
                GraphGradients.constant(scaleRow)), -shift);
        Nd4jTensor frac = ElementwiseOps.sub(pix, GraphGradients.constant(low));
        Nd4jTensor[][] side = new Nd4jTensor[2][d];
        for (int j = 0; j < d; j++) {
            Nd4jTensor f = ShapeOps.slice(frac, 1, j, j + 1, 1, "narrow");
            side[0][j] = ElementwiseOps.mul(GraphGradients.oneMinus(f), GraphGradients.constant(insideColumn(0, j)));
            side[1][j] = ElementwiseOps.mul(f, GraphGradients.constant(insideColumn(1, j)));
        }
        Nd4jTensor rows = null;
        for (int c = 0; c < corners; c++) {
            Nd4jTensor w = null;
            for (int j = 0; j < d; j++) {
                Nd4jTensor s = side[(c >> (d - 1 - j)) & 1][j];
                w = w == null ? s : ElementwiseOps.mul(w, s);
            }
            Nd4jTensor term = ElementwiseOps.mul(ShapeOps.slice(values, 0, (int) (c * points), (int) ((c + 1) * points), 1,
                    "narrow"), w);
            rows = rows == null ? term : ElementwiseOps.add(rows, term);
        }
        long[] channelsLastShape = gridShape.clone();
        channelsLastShape[d + 1] = channels;
        return ShapeOps.permute(GraphGradients.reshape(rows, channelsLastShape), toChannelsFirst);
    }

    /** {@code [points, 1]}: whether side {@code s} of grid column {@code j} is inside. */
    private INDArray insideColumn(int s, int j) {
        return inside.get(NDArrayIndex.point(s), NDArrayIndex.all(), NDArrayIndex.interval(j, j + 1)).dup('c');
    }
}
