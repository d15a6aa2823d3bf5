package org.equivariant4j.ssl.invariance;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;

/**
 * What an {@link InvarianceChecker} measured: the three invariance metrics of one model for every group element, over
 * the same inputs. A measurement, not a verdict: apply an {@link InvarianceTolerance} with {@link #failures}, or assert
 * with {@code InvarianceAssertions} of the ssl-learned-invariance testkit. The summaries ({@link #meanJs()}, ...) average
 * over the non-identity elements, whose comparisons are the ones that say anything.
 *
 * @param subject the model measured
 * @param action  the group action on its inputs ({@link OrbitAction#toString()})
 * @param dtype   dtype of the inputs the model ran on
 * @param inputs  number of inputs each element was measured on
 * @param elements one entry per group element, in {@link OrbitAction#elements()} order
 */
public record InvarianceReport(String subject, String action, DType dtype, int inputs, List<ElementInvariance> elements) {

    public InvarianceReport {
        elements = List.copyOf(elements);
    }

    /** The entry of {@code g}. */
    public Optional<ElementInvariance> of(GroupElement g) {
        return elements.stream().filter(e -> e.element().equals(g)).findFirst();
    }

    /** The entries {@code tolerance} does not accept, in measurement order. */
    public List<ElementInvariance> failures(InvarianceTolerance tolerance) {
        return elements.stream().filter(e -> !e.passes(tolerance)).toList();
    }

    public boolean passes(InvarianceTolerance tolerance) {
        return failures(tolerance).isEmpty();
    }

    /** The entry with the largest logit distance. */
    public Optional<ElementInvariance> worst() {
        return elements.stream().max(Comparator.comparingDouble(ElementInvariance::logitDistance));
    }

    /** Mean {@link ElementInvariance#jsMean()} over the non-identity elements. */
    public double meanJs() {
        return meanOverNonIdentity(ElementInvariance::jsMean);
    }

    /** Mean {@link ElementInvariance#symmetricKlMean()} over the non-identity elements. */
    public double meanSymmetricKl() {
        return meanOverNonIdentity(ElementInvariance::symmetricKlMean);
    }

    /** Mean {@link ElementInvariance#logitDistance()} over the non-identity elements. */
    public double meanLogitDistance() {
        return meanOverNonIdentity(ElementInvariance::logitDistance);
    }

    /** Mean {@link ElementInvariance#saliencySimilarity()} over the non-identity elements. */
    public double meanSaliencySimilarity() {
        return meanOverNonIdentity(ElementInvariance::saliencySimilarity);
    }

    /** Mean {@link ElementInvariance#agreement()} over the non-identity elements. */
    public double meanAgreement() {
        return meanOverNonIdentity(ElementInvariance::agreement);
    }

    private double meanOverNonIdentity(ToDoubleFunction<ElementInvariance> metric) {
        List<ElementInvariance> moved = elements.stream()
                .filter(e -> !e.element().group().isClose(e.element(), e.element().group().identity(), 1e-12)).toList();
        List<ElementInvariance> over = moved.isEmpty() ? elements : moved;
        return over.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    /** What was measured: subject, action, dtype and number of inputs, e.g. for failure messages. */
    public String context() {
        return "invariance of " + subject + " under " + action + " in " + dtype + " on " + inputs + " inputs";
    }

    /** The "expected … but was …" message of one failing element. */
    public String describeFailure(ElementInvariance e, InvarianceTolerance tolerance) {
        return "expected f(g·x) ≈ f(x) for g = " + e.element() + " within " + tolerance + " but was " + e.describe() + " ["
                + context() + "]";
    }

    /** The context line, then one line per element. */
    public String describe() {
        StringBuilder sb = new StringBuilder(context());
        for (ElementInvariance e : elements) {
            sb.append("\n  ").append(e.describe());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "InvarianceReport[" + context() + ", " + elements.size() + " elements, mean JS " + meanJs()
                + ", mean logit distance " + meanLogitDistance() + ", mean saliency similarity " + meanSaliencySimilarity() + "]";
    }
}
