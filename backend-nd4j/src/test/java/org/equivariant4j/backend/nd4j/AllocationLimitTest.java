package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.javacpp.Pointer;
import org.equivariant4j.core.error.TensorTooLargeException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/**
 * Huge requests end in our exception before anything is allocated. The decisions are tested on a
 * staged {@link MemoryMeter} (a 1 GB cap nearly full, a machine without room), so nothing here
 * allocates more than a few kilobytes; the requests through the public API are larger than any
 * limit this suite runs with ({@code maxbytes=6G}) and are refused before ND4J is called.
 */
class AllocationLimitTest {
    private static final long GB = 1L << 30;
    private static final long MB = 1L << 20;

    /** A staged meter: fixed readings, and {@code reclaim} frees {@code reclaimable} bytes once. */
    private static final class StagedMeter implements MemoryMeter {
        final long maxBytes;
        final long maxPhysical;
        long physical;
        final long available;
        long reclaimable;
        int reclaims;

        StagedMeter(long maxBytes, long maxPhysical, long physical, long available, long reclaimable) {
            this.maxBytes = maxBytes;
            this.maxPhysical = maxPhysical;
            this.physical = physical;
            this.available = available;
            this.reclaimable = reclaimable;
        }

        @Override
        public long maxBytes() {
            return maxBytes;
        }

        @Override
        public long totalBytes() {
            return 0;
        }

        @Override
        public long maxPhysicalBytes() {
            return maxPhysical;
        }

        @Override
        public long physicalBytes() {
            return physical;
        }

        @Override
        public long availablePhysicalBytes() {
            return available;
        }

        @Override
        public void reclaim() {
            reclaims++;
            physical -= reclaimable;
            reclaimable = 0;
        }
    }

    private static void require(StagedMeter meter, long... shape) {
        new AllocationLimit(meter).require("zeros", shape, 4, "FLOAT");
    }

    @Test
    void aRequestLargerThanTheCapIsRefusedNamingOpShapeBytesAndLimit() {
        StagedMeter meter = new StagedMeter(6 * GB, GB, 100 * MB, 20 * GB, 0);
        assertThatThrownBy(() -> require(meter, 50000, 50000)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("zeros: shape [50000, 50000] FLOAT needs 10000000000 bytes")
                .hasMessageContaining("org.bytedeco.javacpp.maxphysicalbytes = 1073741824 bytes");
        // Just under the cap, with room: accepted (the cap is a bound, not a target to stay far below).
        assertThatCode(() -> require(meter, 900 * MB / 4)).doesNotThrowAnyException();
    }

    @Test
    void maxBytesBoundsARequestWhenItIsTheSmallerLimit() {
        StagedMeter meter = new StagedMeter(2 * GB, 0, 100 * MB, 20 * GB, 0);
        assertThatThrownBy(() -> require(meter, 1L << 30)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("org.bytedeco.javacpp.maxbytes = 2147483648 bytes");
        assertThatCode(() -> require(meter, 256 * MB)).doesNotThrowAnyException();
    }

    @Test
    void whatIsInUseCountsAfterACollectionHasGivenBuffersBack() {
        // 900 MB resident under a 1 GB cap: a 200 MB request fits only once 300 MB are reclaimed.
        StagedMeter reclaimable = new StagedMeter(6 * GB, GB, 900 * MB, 20 * GB, 300 * MB);
        assertThatCode(() -> require(reclaimable, 200 * MB / 4)).doesNotThrowAnyException();
        assertThat(reclaimable.reclaims).isEqualTo(1);

        StagedMeter pinned = new StagedMeter(6 * GB, GB, 900 * MB, 20 * GB, 0);
        assertThatThrownBy(() -> require(pinned, 200 * MB / 4)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("is resident already (after a collection)")
                .hasMessageContaining("maxphysicalbytes");
    }

    @Test
    void aRequestThePhysicalMemoryCannotHoldIsRefusedEvenWithoutACap() {
        StagedMeter meter = new StagedMeter(0, 0, 100 * MB, 4 * GB, 0);
        assertThatThrownBy(() -> require(meter, 2147483647L, 2)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("the machine has only 4294967296 bytes")
                .hasMessageContaining("killed");
    }

    @Test
    void smallRequestsDoNotReadResidentMemory() {
        // The in-use check is for requests of at least 1/8 of the cap: 1 MB under a full 1 GB cap passes unread.
        StagedMeter full = new StagedMeter(6 * GB, GB, 2 * GB, 0, 0);
        assertThatCode(() -> require(full, MB / 4)).doesNotThrowAnyException();
        assertThatCode(() -> require(full, 120 * MB / 4)).doesNotThrowAnyException();
        assertThat(full.reclaims).isZero();
        // At 1/8 of the cap (128 MB) and above, what is resident counts.
        assertThatThrownBy(() -> require(full, 130 * MB / 4)).isInstanceOf(TensorTooLargeException.class);
        assertThat(full.reclaims).isEqualTo(1);
    }

    @Test
    void anOverflowingShapeIsRefusedBeforeAnyArithmeticWraps() {
        StagedMeter meter = new StagedMeter(0, 0, 0, Long.MAX_VALUE, 0);
        assertThatThrownBy(() -> require(meter, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isInstanceOf(TensorTooLargeException.class).hasMessageContaining("more bytes than a long counts");
    }

    // ---------------------------------------------------------------- through the public API, with this suite's limits

    @Test
    void theIssuesRequestsAreRefusedThroughTheApi() {
        // maxbytes=6G in this module's surefire configuration: 10 GB and 16 GB are above it whatever is resident.
        assertThat(Pointer.maxBytes()).isLessThan(10_000_000_000L);
        assertThatThrownBy(() -> Tensors.zeros(50000, 50000)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("zeros: shape [50000, 50000] FLOAT needs 10000000000 bytes");
        assertThatThrownBy(() -> Tensors.zeros(Integer.MAX_VALUE, 2)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("zeros: shape [2147483647, 2]");
        assertThatThrownBy(() -> Tensors.randn(new Rng(1), 50000, 50000)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("randn");
        Tensor rows = Tensors.ones(4, 64);
        Tensor ids = Tensors.of(new long[] {0, 1, 2, 3}, 4);
        assertThatThrownBy(() -> rows.segmentSum(ids, Integer.MAX_VALUE)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("segmentSum: shape [2147483647, 64] FLOAT");
        Tensor column = Tensors.ones(100000, 1);
        assertThatThrownBy(() -> column.add(column.reshape(1, 100000))).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("add: shape [100000, 100000]");
        assertThatThrownBy(() -> column.matmul(column.reshape(1, 100000))).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("matmul: shape [100000, 100000]");
        Tensor image = Tensors.ones(1, 1, 2, 2);
        assertThatThrownBy(() -> image.adaptiveAvgPool(100000, 100000)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("adaptiveAvgPool: shape [1, 1, 100000, 100000]");
        assertThatThrownBy(() -> image.pad(new int[] {100000, 0, 100000, 0}, org.equivariant4j.core.tensor.PadMode.CONSTANT, 0))
                .isInstanceOf(TensorTooLargeException.class).hasMessageContaining("pad: shape [1, 1, 100002, 100002]");
        // The process carries on: nothing was allocated.
        assertThat(Tensors.zeros(DType.FLOAT64, 2, 2).sum().item()).isZero();
    }
}
