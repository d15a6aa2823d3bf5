package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.List;

/** The gradient checks of one op family; {@link GradientCheckSuiteTest} runs every family. */
interface GradCaseFamily {
    List<GradCase> cases();
}
