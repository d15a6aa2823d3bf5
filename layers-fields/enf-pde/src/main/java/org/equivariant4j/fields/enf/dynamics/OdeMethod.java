package org.equivariant4j.fields.enf.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnknownIdException;

/**
 * Fixed-step explicit integrators of an autonomous {@link VectorField}, batched (the state's tensors carry the batch)
 * and differentiable: a step is ordinary tensor arithmetic on the autograd graph, so a loss on a rollout trains the
 * vector field by backpropagation through every step (discretise-then-optimise; no adjoint). There is no adaptive
 * method: the forecasts are read at fixed frame times, and a fixed number of substeps keeps a training step's cost
 * and its gradient deterministic.
 */
public enum OdeMethod {
    /** Forward Euler, first order: one evaluation per step (the reference code's planar-diffusion setting). */
    EULER("euler") {
        @Override
        public OdeState step(VectorField f, OdeState state, double h) {
            return state.plus(h, checked(f, state));
        }
    },
    /** The classical fourth-order Runge-Kutta method: four evaluations per step. */
    RK4("rk4") {
        @Override
        public OdeState step(VectorField f, OdeState state, double h) {
            OdeState k1 = checked(f, state);
            OdeState k2 = checked(f, state.plus(h / 2, k1));
            OdeState k3 = checked(f, state.plus(h / 2, k2));
            OdeState k4 = checked(f, state.plus(h, k3));
            return state.plusCombination(new double[] {h / 6, h / 3, h / 3, h / 6}, k1, k2, k3, k4);
        }
    };

    private final String id;

    OdeMethod(String id) {
        this.id = id;
    }

    /** The option value naming this method, e.g. {@code rk4}. */
    public String id() {
        return id;
    }

    /** The method named {@code id} (case-insensitive). */
    public static OdeMethod byId(String id) {
        for (OdeMethod m : values()) {
            if (m.id.equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new UnknownIdException("ODE method", id, Arrays.stream(values()).map(OdeMethod::id).toList());
    }

    /** One step of size {@code h} from {@code state}. */
    public abstract OdeState step(VectorField f, OdeState state, double h);

    /**
     * The states at times {@code 0, interval, ..., frames * interval}: {@code frames + 1} states, the first being
     * {@code initial}, each frame reached in {@code substeps} equal steps.
     */
    public List<OdeState> rollout(VectorField f, OdeState initial, int frames, double interval, int substeps) {
        if (frames < 0 || substeps < 1 || !(interval > 0) || Double.isInfinite(interval)) {
            throw new InvalidArgumentException(String.format(Locale.ROOT, "%s rollout: needs frames >= 0, substeps >= 1"
                    + " and a finite interval > 0, got frames %d, substeps %d, interval %s", id, frames, substeps,
                    interval));
        }
        double h = interval / substeps;
        List<OdeState> out = new ArrayList<>(frames + 1);
        OdeState x = initial;
        out.add(x);
        for (int frame = 0; frame < frames; frame++) {
            for (int s = 0; s < substeps; s++) {
                x = step(f, x, h);
            }
            out.add(x);
        }
        return out;
    }

    private static OdeState checked(VectorField f, OdeState state) {
        OdeState d = f.derivative(state);
        state.checkCompatible("derivative", d);
        return d;
    }
}
