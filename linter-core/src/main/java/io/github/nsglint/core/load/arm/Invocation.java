package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.SourceLocation;
import java.util.Set;

/** One call of a template function: its raw arguments, the scope it runs in, and where the expression is. */
record Invocation(Expr.Call call, Scope scope, Evaluator evaluator, SourceLocation at) {

    int count() {
        return call.args().size();
    }

    Expr raw(int index) {
        return call.args().get(index);
    }

    /**
     * Functions that build a name or an ID from their arguments, or pass an argument through unread: an opaque
     * symbol ({@link OpaqueSymbols}) goes into them as it is.
     */
    private static final Set<String> BUILDS_NAMES = Set.of("if", "coalesce", "concat", "format", "string",
            "tolower", "toupper", "createarray", "createobject", "array", "resourceid", "subscriptionresourceid",
            "tenantresourceid", "extensionresourceid", "managementgroupresourceid", "reference");

    /** Functions that move values around without reading them: a container that holds a symbol goes in. */
    private static final Set<String> MOVES_VALUES = Set.of("first", "last", "skip", "take", "length", "empty",
            "items", "flatten", "indexfromend", "tryindexfromend", "objectkeys", "shallowmerge", "union", "filter",
            "map", "mapvalues", "reduce", "sort", "toobject", "groupby", "tryget");

    /**
     * Evaluates argument {@code index} in the caller's scope. A value holding an opaque symbol reaches only a
     * function that builds names from it or moves it unread (and user functions, whose bodies are checked the same
     * way); any other function would read text that is not known, so the argument is Unknown.
     */
    JNode arg(int index) {
        JNode value = evaluator.eval(call.args().get(index), scope, at);
        if (!budget().symbolsMade() || value instanceof JUnknown) {
            return value;
        }
        String fn = call.name();
        // if() reads its condition and format() its format string: those are read, the rest only placed.
        boolean read = index == 0 && (fn.equals("if") || fn.equals("format"));
        if (!read && BUILDS_NAMES.contains(fn) || fn.indexOf('.') > 0) {
            return value;
        }
        JString symbol = MOVES_VALUES.contains(fn)
                ? (value instanceof JString s && OpaqueSymbols.in(s.value()) ? s : null)
                : OpaqueSymbols.first(value);
        return symbol == null ? value : new JUnknown(OpaqueSymbols.reason(symbol.value()), at);
    }

    /** Spends {@code units} of the file's evaluation budget, for work the call does beyond its arguments. */
    void spend(long units) {
        scope.template().budget().spend(units);
    }

    EvaluationBudget budget() {
        return scope.template().budget();
    }

    String name() {
        return call.name();
    }

    void arity(int min, int max) {
        int n = count();
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new ArmEvaluationException(
                    "function '" + name() + "' takes " + expected + " argument(s) but was given " + n);
        }
    }
}
