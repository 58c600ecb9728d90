package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.model.SourceLocation;

/** One call of a template function: its raw arguments, the scope it runs in, and where the expression is. */
record Invocation(Expr.Call call, Scope scope, Evaluator evaluator, SourceLocation at) {

    int count() {
        return call.args().size();
    }

    Expr raw(int index) {
        return call.args().get(index);
    }

    /** Evaluates argument {@code index} in the caller's scope. */
    JNode arg(int index) {
        return evaluator.eval(call.args().get(index), scope, at);
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
