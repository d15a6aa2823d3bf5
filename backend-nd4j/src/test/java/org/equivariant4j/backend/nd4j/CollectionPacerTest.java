package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Collections are asked for once the budget of fresh native bytes is spent, and any collection restarts the count. */
class CollectionPacerTest {

    @Test
    void aCollectionIsRequestedOnceTheBudgetIsSpent() {
        CollectionPacer pacer = new CollectionPacer(1000);
        pacer.allocated(600);
        assertThat(pacer.requested()).isZero();
        pacer.allocated(600);
        assertThat(pacer.requested()).isEqualTo(1);
        pacer.allocated(600);
        assertThat(pacer.requested()).as("the count restarted after the collection").isEqualTo(1);
    }

    @Test
    void aCollectionOfTheJvmsOwnRestartsTheCount() {
        CollectionPacer pacer = new CollectionPacer(1000);
        pacer.allocated(600);
        System.gc();
        pacer.allocated(600);
        assertThat(pacer.requested()).isZero();
    }

    @Test
    void aZeroBudgetNeverCollects() {
        CollectionPacer pacer = new CollectionPacer(0);
        pacer.allocated(Long.MAX_VALUE / 2);
        pacer.allocated(Long.MAX_VALUE / 2);
        assertThat(pacer.requested()).isZero();
    }
}
