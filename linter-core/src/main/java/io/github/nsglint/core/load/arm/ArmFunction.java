package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JUnknown;
import java.util.ArrayList;
import java.util.List;

/** A template function. Most evaluate all their arguments first ({@link #eager}); a few control evaluation. */
@FunctionalInterface
interface ArmFunction {

    JNode call(Invocation invocation);

    /** The body of a function whose arguments are all evaluated first. */
    @FunctionalInterface
    interface Body {
        JNode apply(List<JNode> args, Invocation invocation);
    }

    /**
     * A function of evaluated arguments, {@code min} to {@code max} of them. An argument that is itself
     * Unknown makes the result Unknown with the same reason; Unknowns nested inside arrays and objects are
     * passed on, for the functions that can still give a known answer (the length of an array, say).
     */
    static ArmFunction eager(int min, int max, Body body) {
        return inv -> {
            inv.arity(min, max);
            List<JNode> args = new ArrayList<>(inv.count());
            for (int i = 0; i < inv.count(); i++) {
                JNode v = inv.arg(i);
                if (v instanceof JUnknown) {
                    return v;
                }
                args.add(v);
            }
            return body.apply(args, inv);
        };
    }

    /**
     * A constructor of arrays or objects: its arguments are evaluated but Unknowns are kept in their place, so
     * {@code createArray('10.0.0.0/8', reference(...).x)} is an array of two with one Unknown element.
     */
    static ArmFunction collecting(int min, int max, Body body) {
        return inv -> {
            inv.arity(min, max);
            List<JNode> args = new ArrayList<>(inv.count());
            for (int i = 0; i < inv.count(); i++) {
                args.add(inv.arg(i));
            }
            return body.apply(args, inv);
        };
    }

    /** Like {@link #eager} but the arguments must be completely known (the function looks inside them). */
    static ArmFunction strict(int min, int max, Body body) {
        return eager(min, max, (args, inv) -> {
            for (JNode a : args) {
                inv.spend(inv.budget().size(a)); // the look inside is work, like the function's own
                JUnknown u = Values.firstUnknown(a);
                if (u != null) {
                    return u;
                }
            }
            return body.apply(args, inv);
        });
    }
}
