package org.equivariant4j.fields.enf.bi;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The argument checks every {@link BiInvariant} shares, so an implementation writes only the computation: the public
 * methods validate ranks, trailing sizes, batch sizes and dtypes (naming the method and the expected and actual
 * shapes) and then call the {@code compute...} methods with valid inputs.
 */
public abstract class AbstractBiInvariant implements BiInvariant {
    private final String id;
    private final int coordinateDim;
    private final int poseDim;
    private final int dim;
    private final int pairDim;
    private final int tangentDim;

    protected AbstractBiInvariant(String id, int coordinateDim, int poseDim, int dim, int pairDim, int tangentDim) {
        if (coordinateDim <= 0 || poseDim <= 0 || dim <= 0 || pairDim <= 0 || tangentDim <= 0) {
            throw new InvalidArgumentException("BiInvariant '" + id + "': sizes must be positive, got coordinate "
                    + coordinateDim + ", pose " + poseDim + ", dim " + dim + ", pair " + pairDim + ", tangent " + tangentDim);
        }
        this.id = id;
        this.coordinateDim = coordinateDim;
        this.poseDim = poseDim;
        this.dim = dim;
        this.pairDim = pairDim;
        this.tangentDim = tangentDim;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int coordinateDim() {
        return coordinateDim;
    }

    @Override
    public final int poseDim() {
        return poseDim;
    }

    @Override
    public final int dim() {
        return dim;
    }

    @Override
    public final int pairDim() {
        return pairDim;
    }

    @Override
    public final int tangentDim() {
        return tangentDim;
    }

    @Override
    public final Tensor between(Tensor coordinates, Tensor poses) {
        checkQueryAndPoses("between", coordinates, poses);
        return computeBetween(coordinates, poses);
    }

    @Override
    public final Tensor squaredDistance(Tensor coordinates, Tensor poses) {
        checkQueryAndPoses("squaredDistance", coordinates, poses);
        return computeSquaredDistance(coordinates, poses);
    }

    @Override
    public final Tensor betweenPoses(Tensor poses) {
        checkRank3("betweenPoses", "poses", poses, "[B, L, " + poseDim + "]", poseDim);
        return computeBetweenPoses(poses);
    }

    @Override
    public final Tensor globalVelocity(Tensor poses, Tensor localVelocity) {
        String op = "globalVelocity";
        checkRank3(op, "poses", poses, "[B, L, " + poseDim + "]", poseDim);
        String expected = "[" + poses.size(0) + ", " + poses.size(1) + ", " + tangentDim + "]";
        checkRank3(op, "localVelocity", localVelocity, expected, tangentDim);
        if (localVelocity.size(0) != poses.size(0) || localVelocity.size(1) != poses.size(1)) {
            throw mismatch(op, "localVelocity", expected, localVelocity);
        }
        checkSameDType(op, poses, localVelocity);
        return computeGlobalVelocity(poses, localVelocity);
    }

    /** {@link #between} of valid inputs. */
    protected abstract Tensor computeBetween(Tensor coordinates, Tensor poses);

    /** {@link #squaredDistance} of valid inputs. */
    protected abstract Tensor computeSquaredDistance(Tensor coordinates, Tensor poses);

    /** {@link #betweenPoses} of valid poses. */
    protected abstract Tensor computeBetweenPoses(Tensor poses);

    /** {@link #globalVelocity} of valid inputs. */
    protected abstract Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity);

    /** Component {@code i} of the last dimension, that dimension dropped. */
    protected static Tensor component(Tensor t, int i) {
        return t.narrow(-1, i, 1).squeeze(-1);
    }

    /** {@code [B, Q, d]} and {@code [B, L, d]} as {@code [B, Q, L, d]}: coordinates minus positions, every pair. */
    protected static Tensor differences(Tensor coordinates, Tensor positions) {
        return coordinates.unsqueeze(2).sub(positions.unsqueeze(1));
    }

    private void checkQueryAndPoses(String op, Tensor coordinates, Tensor poses) {
        checkRank3(op, "coordinates", coordinates, "[B, Q, " + coordinateDim + "]", coordinateDim);
        String expectedPoses = "[" + coordinates.size(0) + ", L, " + poseDim + "]";
        checkRank3(op, "poses", poses, expectedPoses, poseDim);
        if (poses.size(0) != coordinates.size(0)) {
            throw mismatch(op, "poses", expectedPoses + " (the batch of the coordinates)", poses);
        }
        checkSameDType(op, coordinates, poses);
    }

    private void checkRank3(String op, String name, Tensor t, String expected, int last) {
        if (t.rank() != 3 || t.size(2) != last) {
            throw mismatch(op, name, expected, t);
        }
        if (!t.dtype().isFloating()) {
            throw new DTypeMismatchException(this + "." + op + ": " + name + " must be floating, was " + t.dtype());
        }
    }

    private void checkSameDType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new DTypeMismatchException(this + "." + op + ": both inputs must have one dtype, got " + a.dtype()
                    + " and " + b.dtype());
        }
    }

    private ShapeMismatchException mismatch(String op, String name, String expected, Tensor actual) {
        return new ShapeMismatchException(this + "." + op + ": expected " + name + " " + expected + " but was "
                + Arrays.toString(actual.shape()));
    }

    @Override
    public String toString() {
        return "BiInvariant(" + id + ")";
    }
}
