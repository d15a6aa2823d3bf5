package org.example.quaternion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Runs a kit's dynamic tests the way JUnit would, for the tests that check the kit itself: each test passes,
 * fails (an AssertionError) or is aborted; anything else thrown is a bug in the kit and propagates.
 */
final class DynamicTestRuns {

    /** How one dynamic test ended. */
    enum Outcome { PASSED, FAILED, ABORTED }

    private DynamicTestRuns() {
    }

    /** Display name to outcome, sorted by name. */
    static Map<String, Outcome> outcomes(Stream<DynamicTest> tests) {
        Map<String, Outcome> out = new TreeMap<>();
        tests.forEach(t -> out.put(t.getDisplayName(), run(t).outcome()));
        return out;
    }

    /** "display name: message" of every test that failed, in run order. */
    static List<String> failures(Stream<DynamicTest> tests) {
        List<String> failed = new ArrayList<>();
        tests.forEach(t -> {
            Run r = run(t);
            if (r.outcome() == Outcome.FAILED) {
                failed.add(t.getDisplayName() + ": " + r.message());
            }
        });
        return failed;
    }

    private record Run(Outcome outcome, String message) {
    }

    private static Run run(DynamicTest t) {
        try {
            t.getExecutable().execute();
            return new Run(Outcome.PASSED, "");
        } catch (AssertionError e) {
            return new Run(Outcome.FAILED, e.getMessage());
        } catch (TestAbortedException e) {
            return new Run(Outcome.ABORTED, e.getMessage());
        } catch (Throwable e) {
            throw new IllegalStateException("dynamic test '" + t.getDisplayName() + "' threw " + e, e);
        }
    }
}
