package org.equivariant4j.fields.enf.baseline;

import org.equivariant4j.fields.enf.pde.ForecastMse;

/** The errors of one trained grid baseline and of the persistence forecast, on the test and transformed test splits. */
public record GridBaselineScores(ForecastMse test, ForecastMse transformedTest, ForecastMse persistenceTest,
        ForecastMse persistenceTransformedTest) {

    @Override
    public String toString() {
        return "grid baseline: test " + test + "; transformed test " + transformedTest + "; persistence: test "
                + persistenceTest + "; transformed test " + persistenceTransformedTest;
    }
}
