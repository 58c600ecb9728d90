package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;
import static io.github.nsglint.core.load.arm.ArmFunction.strict;
import static io.github.nsglint.core.load.arm.StringFunctions.bool;

import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.LongBinaryOperator;

/**
 * Logical, comparison and numeric functions. Logic is three-valued: {@code and(false, unknown)} is false,
 * {@code and(true, unknown)} is Unknown; {@code if} evaluates only the branch it takes, as ARM does.
 */
final class LogicFunctions {

    private LogicFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("true", eager(0, 0, (a, inv) -> bool(true, inv)));
        t.register("false", eager(0, 0, (a, inv) -> bool(false, inv)));
        t.register("not", eager(1, 1, (a, inv) -> bool(!Values.bool(a.get(0), "the argument of not()"), inv)));
        t.register("bool", eager(1, 1, LogicFunctions::toBool));
        t.register("and", inv -> junction(inv, false));
        t.register("or", inv -> junction(inv, true));
        t.register("if", LogicFunctions::conditional);
        t.register("coalesce", LogicFunctions::coalesce);
        t.register("equals", strict(2, 2, (a, inv) -> bool(Values.deepEquals(a.get(0), a.get(1)), inv)));
        t.register("greater", eager(2, 2, (a, inv) -> compare(a, inv, c -> c > 0)));
        t.register("greaterorequals", eager(2, 2, (a, inv) -> compare(a, inv, c -> c >= 0)));
        t.register("less", eager(2, 2, (a, inv) -> compare(a, inv, c -> c < 0)));
        t.register("lessorequals", eager(2, 2, (a, inv) -> compare(a, inv, c -> c <= 0)));
        t.register("add", eager(2, 2, (a, inv) -> arithmetic(a, inv, Math::addExact)));
        t.register("sub", eager(2, 2, (a, inv) -> arithmetic(a, inv, Math::subtractExact)));
        t.register("mul", eager(2, 2, (a, inv) -> arithmetic(a, inv, Math::multiplyExact)));
        t.register("div", eager(2, 2, (a, inv) -> arithmetic(a, inv, (x, y) -> {
            if (y == 0) {
                throw new ArmEvaluationException("div() by zero");
            }
            return x / y;
        })));
        t.register("mod", eager(2, 2, (a, inv) -> arithmetic(a, inv, (x, y) -> {
            if (y == 0) {
                throw new ArmEvaluationException("mod() by zero");
            }
            return x % y;
        })));
        t.register("int", eager(1, 1, LogicFunctions::toInt));
        t.register("float", eager(1, 1, (a, inv) -> {
            JNode v = a.get(0);
            if (v instanceof JNumber n) {
                return new JNumber(n.value(), inv.at());
            }
            try {
                return new JNumber(new BigDecimal(Values.string(v, "the argument of float()").trim()), inv.at());
            } catch (NumberFormatException e) {
                throw new ArmEvaluationException("float(): '" + Values.text(v) + "' is not a number");
            }
        }));
    }

    private static JNode toBool(List<JNode> a, Invocation inv) {
        JNode v = a.get(0);
        if (v instanceof JNumber n) {
            return bool(n.value().signum() != 0, inv);
        }
        return bool(Values.bool(v, "the argument of bool()"), inv);
    }

    private static JNode toInt(List<JNode> a, Invocation inv) {
        JNode v = a.get(0);
        if (v instanceof JNumber n) {
            return JNumber.of(n.value().setScale(0, RoundingMode.DOWN).longValue(), inv.at());
        }
        String s = Values.string(v, "the argument of int()").trim();
        try {
            return JNumber.of(Long.parseLong(s), inv.at());
        } catch (NumberFormatException e) {
            throw new ArmEvaluationException("int(): '" + s + "' is not an integer");
        }
    }

    private static JNode junction(Invocation inv, boolean isOr) {
        inv.arity(2, Integer.MAX_VALUE);
        JUnknown unknown = null;
        for (int i = 0; i < inv.count(); i++) {
            JNode v = inv.arg(i);
            if (v instanceof JUnknown u) {
                unknown = unknown == null ? u : unknown;
                continue;
            }
            if (Values.bool(v, "every argument of " + (isOr ? "or()" : "and()")) == isOr) {
                return bool(isOr, inv);
            }
        }
        return unknown != null ? unknown : bool(!isOr, inv);
    }

    private static JNode conditional(Invocation inv) {
        inv.arity(3, 3);
        JNode condition = inv.arg(0);
        if (condition instanceof JUnknown u) {
            // Either branch could be taken; only when both give the same value is the result known.
            JNode whenTrue = inv.arg(1);
            JNode whenFalse = inv.arg(2);
            if (!whenTrue.containsUnknown() && !whenFalse.containsUnknown() && Values.deepEquals(whenTrue, whenFalse)) {
                return whenTrue;
            }
            String prefix = "if() condition is unknown: ";
            return u.reason().startsWith(prefix) ? u : new JUnknown(prefix + u.reason(), u.location());
        }
        return Values.bool(condition, "the condition of if()") ? inv.arg(1) : inv.arg(2);
    }

    private static JNode coalesce(Invocation inv) {
        inv.arity(1, Integer.MAX_VALUE);
        for (int i = 0; i < inv.count(); i++) {
            JNode v = inv.arg(i);
            if (v instanceof JUnknown) {
                return v;
            }
            if (!(v instanceof JNull)) {
                return v;
            }
        }
        return new JNull(inv.at());
    }

    private static JNode compare(List<JNode> a, Invocation inv, IntPredicate test) {
        JNode x = a.get(0);
        JNode y = a.get(1);
        if (x instanceof JNumber nx && y instanceof JNumber ny) {
            return new JBool(test.test(nx.value().compareTo(ny.value())), inv.at());
        }
        if (x instanceof JString sx && y instanceof JString sy) {
            return new JBool(test.test(Integer.signum(sx.value().compareTo(sy.value()))), inv.at());
        }
        throw new ArmEvaluationException("cannot compare " + x.typeName() + " with " + y.typeName());
    }

    private static JNode arithmetic(List<JNode> a, Invocation inv, LongBinaryOperator op) {
        long x = Values.integer(a.get(0), "the first operand of " + inv.name() + "()");
        long y = Values.integer(a.get(1), "the second operand of " + inv.name() + "()");
        try {
            return JNumber.of(op.applyAsLong(x, y), inv.at());
        } catch (ArithmeticException e) {
            throw new ArmEvaluationException(inv.name() + "() overflows: " + x + ", " + y);
        }
    }
}
