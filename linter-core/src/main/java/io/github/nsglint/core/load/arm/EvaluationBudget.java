package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What evaluating one file may cost, checked before the work is done, so a hostile template (a string doubled 40
 * times, {@code padLeft} to a billion, a user function that calls itself twice 40 deep, copy loops inside copy
 * loops) is answered in well under a second by a located warning and an Unknown value instead of minutes or an
 * out-of-memory error. The bounds come from what Azure Resource Manager itself accepts:
 * <ul>
 *   <li>a template is at most 4 MB after its copies are expanded and its variables and parameters put in
 *       ("Template limits", learn.microsoft.com/azure/azure-resource-manager/templates/best-practices), so no
 *       value larger than that can be in a template Azure deploys: {@link #MAX_VALUE_SIZE};</li>
 *   <li>the resources one template deploys are at most that size together: {@link #MAX_TEMPLATE_SIZE};</li>
 *   <li>a file's evaluation does at most {@link #MAX_WORK} units of work: function calls, loop iterations,
 *       characters made and values walked. Azure states no such limit; the bound is many times what the largest
 *       real template needs (see {@code benchmarks/README.md}), and it is what stops exponential work built
 *       from values each within the size bound.</li>
 * </ul>
 * Sizes are a lower bound of a value's compact JSON text in bytes ({@link #size}), so a value nsglint calls too
 * large is certainly too large for Azure. Once the work bound is spent the rest of the file's expressions are
 * Unknown, reported once.
 */
final class EvaluationBudget {

    static final long MAX_VALUE_SIZE = 4L * 1024 * 1024;
    static final long MAX_TEMPLATE_SIZE = 4L * 1024 * 1024;
    static final long MAX_WORK = 16L * 1024 * 1024;
    /**
     * What a function call or loop iteration costs, in units of one character made: a call allocates a scope, an
     * invocation and its arguments, some hundred times the cost of copying a character (profiled).
     */
    static final long CALL = 64;

    /** Sizes of the function results measured so far: the values that can be shared are measured once. */
    private final Map<JNode, Long> sizes = new IdentityHashMap<>();
    private final long maxWork;
    private long work;
    private boolean spent;
    /** Whether an opaque symbol has been made: only then are function arguments walked for one. */
    private boolean symbols;

    EvaluationBudget() {
        this(MAX_WORK);
    }

    /** A smaller bound, for tests of what happens when it is spent. */
    EvaluationBudget(long maxWork) {
        this.maxWork = maxWork;
    }

    /** Spends {@code units} of work; past the bound, this and every later expression of the file is Unknown. */
    void spend(long units) {
        if (spent) {
            throw new ArmEvaluationException(spentMessage(), true);
        }
        work += units;
        if (work > maxWork) {
            spent = true;
            throw new ArmEvaluationException(spentMessage(), false);
        }
    }

    /** Notes that the file's evaluation has made an opaque symbol ({@code OpaqueSymbols}). */
    void noteSymbols() {
        symbols = true;
    }

    boolean symbolsMade() {
        return symbols;
    }

    /** The units spent so far. */
    long work() {
        return work;
    }

    boolean isSpent() {
        return spent;
    }

    private String spentMessage() {
        return String.format(Locale.ROOT, "evaluation stopped: this file needs more than %,d units of work"
                + " (nsglint's bound; the largest real templates need a small fraction of it); this and every later"
                + " expression of the file is Unknown", maxWork);
    }

    /** Fails when a value of {@code size} would be larger than any template Azure accepts. */
    static void requireSize(long size, String what) {
        if (size > MAX_VALUE_SIZE) {
            throw tooLarge(size, what);
        }
    }

    /** As {@link #requireSize(long, String)}, naming what is measured only when it is too large. */
    static void requireSize(long size, Supplier<String> what) {
        if (size > MAX_VALUE_SIZE) {
            throw tooLarge(size, what.get());
        }
    }

    private static ArmEvaluationException tooLarge(long size, String what) {
        return new ArmEvaluationException(String.format(Locale.ROOT, "%s would be %s bytes or more, larger than the"
                + " %,d bytes Azure accepts for a whole template", what, size == Long.MAX_VALUE ? "2^63"
                : String.format(Locale.ROOT, "%,d", size), MAX_VALUE_SIZE));
    }

    /**
     * Checks that a function's result is within the size bound, and remembers its size. Measuring is not counted
     * as work: a result is measured once, and what it holds was made by counted work or read from the file.
     */
    JNode requireWithinSize(JNode value, Supplier<String> what) {
        if (value instanceof JArray || value instanceof JObject) {
            long size = size(value);
            sizes.put(value, size);
            requireSize(size, what);
        }
        return value;
    }

    /**
     * A lower bound of the size of {@code n}'s compact JSON text, in bytes: a string is its length and quotes, an
     * array or object its brackets, separators, keys and members. Shared parts count each time they appear, as in
     * the text. Every value that can be shared got there as a function's result ({@code variables()},
     * {@code createArray()}, ...), whose size is remembered ({@link #requireWithinSize}), so a value doubled forty
     * times by sharing is measured in forty steps, not 2^40; the rest is a tree, walked once.
     */
    long size(JNode n) {
        if (n instanceof JString s) {
            return s.value().length() + 2L;
        }
        if (n instanceof JArray a) {
            Long known = sizes.get(a);
            if (known != null) {
                return known;
            }
            long total = 2;
            for (int i = 0, count = a.size(); i < count; i++) {
                total = saturatingAdd(total, size(a.get(i)) + 1);
            }
            return total;
        }
        if (n instanceof JObject o) {
            Long known = sizes.get(o);
            if (known != null) {
                return known;
            }
            long[] total = {2};
            o.members().forEach((k, v) -> total[0] = saturatingAdd(total[0], k.length() + 4L + size(v)));
            return total[0];
        }
        return 1;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
