package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda functions: filter, map, reduce, sort, toObject, groupBy, mapValues. A lambda is
 * {@code lambda('x', [...,] body)}; its variables are read with {@code lambdaVariables('x')}. When the
 * collection or a lambda's answer is Unknown, the result is Unknown: which elements survive a filter
 * cannot be guessed.
 */
final class LambdaFunctions {

    private LambdaFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("lambda", inv -> {
            throw new ArmEvaluationException("lambda() can only be an argument of filter, map, reduce, sort,"
                    + " toObject, groupBy or mapValues");
        });
        t.register("lambdavariables", inv -> {
            inv.arity(1, 1);
            String name = Values.string(inv.arg(0), "the lambda variable name");
            JNode v = inv.scope().lambdaVariable(name);
            if (v == null) {
                throw new ArmEvaluationException("no lambda variable '" + name + "' is in scope");
            }
            return v;
        });
        t.register("filter", LambdaFunctions::filter);
        t.register("map", LambdaFunctions::map);
        t.register("reduce", LambdaFunctions::reduce);
        t.register("sort", LambdaFunctions::sort);
        t.register("toobject", LambdaFunctions::toObject);
        t.register("groupby", LambdaFunctions::groupBy);
        t.register("mapvalues", LambdaFunctions::mapValues);
    }

    /** A parsed {@code lambda(...)} argument. */
    private record Lambda(List<String> variables, Expr body) {
        JNode apply(Invocation inv, JNode... values) {
            Map<String, JNode> bindings = new LinkedHashMap<>();
            for (int i = 0; i < variables.size() && i < values.length; i++) {
                bindings.put(variables.get(i), values[i]);
            }
            return inv.evaluator().eval(body, inv.scope().withLambdaVariables(bindings), inv.at());
        }
    }

    private static Lambda lambda(Invocation inv, int index) {
        if (!(inv.raw(index) instanceof Expr.Call call) || !call.name().equals("lambda") || call.args().isEmpty()) {
            throw new ArmEvaluationException("argument " + (index + 1) + " of " + inv.name() + "() must be a lambda");
        }
        List<String> vars = new ArrayList<>();
        for (Expr v : call.args().subList(0, call.args().size() - 1)) {
            if (!(v instanceof Expr.Literal lit) || !(lit.value() instanceof JString s)) {
                throw new ArmEvaluationException("lambda variable names must be string literals");
            }
            vars.add(s.value());
        }
        return new Lambda(vars, call.args().get(call.args().size() - 1));
    }

    private static JNode filter(Invocation inv) {
        inv.arity(2, 2);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda f = lambda(inv, 1);
        List<JNode> out = new ArrayList<>();
        List<JNode> elements = Values.array(input, "the first argument of filter()").elements();
        for (int i = 0; i < elements.size(); i++) {
            JNode keep = f.apply(inv, elements.get(i), JNumber.of(i, inv.at()));
            if (keep instanceof JUnknown) {
                return keep;
            }
            if (Values.bool(keep, "the lambda of filter()")) {
                out.add(elements.get(i));
            }
        }
        return new JArray(out, inv.at());
    }

    private static JNode map(Invocation inv) {
        inv.arity(2, 2);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda f = lambda(inv, 1);
        List<JNode> out = new ArrayList<>();
        List<JNode> elements = Values.array(input, "the first argument of map()").elements();
        for (int i = 0; i < elements.size(); i++) {
            out.add(f.apply(inv, elements.get(i), JNumber.of(i, inv.at())));
        }
        return new JArray(out, inv.at());
    }

    private static JNode reduce(Invocation inv) {
        inv.arity(3, 3);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        JNode accumulator = inv.arg(1);
        Lambda f = lambda(inv, 2);
        List<JNode> elements = Values.array(input, "the first argument of reduce()").elements();
        for (int i = 0; i < elements.size(); i++) {
            accumulator = f.apply(inv, accumulator, elements.get(i), JNumber.of(i, inv.at()));
        }
        return accumulator;
    }

    private static JNode sort(Invocation inv) {
        inv.arity(2, 2);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda before = lambda(inv, 1);
        List<JNode> out = new ArrayList<>(Values.array(input, "the first argument of sort()").elements());
        // Insertion sort: the lambda is a "comes before" test, which need not be a consistent comparator.
        for (int i = 1; i < out.size(); i++) {
            JNode item = out.get(i);
            int j = i - 1;
            while (j >= 0) {
                JNode lt = before.apply(inv, item, out.get(j));
                if (lt instanceof JUnknown) {
                    return lt;
                }
                if (!Values.bool(lt, "the lambda of sort()")) {
                    break;
                }
                out.set(j + 1, out.get(j));
                j--;
            }
            out.set(j + 1, item);
        }
        return new JArray(out, inv.at());
    }

    private static JNode toObject(Invocation inv) {
        inv.arity(2, 3);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda key = lambda(inv, 1);
        Lambda value = inv.count() > 2 ? lambda(inv, 2) : null;
        Map<String, JNode> out = new LinkedHashMap<>();
        for (JNode e : Values.array(input, "the first argument of toObject()").elements()) {
            JNode k = key.apply(inv, e);
            if (k instanceof JUnknown) {
                return k;
            }
            out.put(Values.string(k, "the key lambda's result"), value == null ? e : value.apply(inv, e));
        }
        return new JObject(out, inv.at());
    }

    /**
     * {@code groupBy(array, keyLambda[, valueLambda])}: the elements by their key, each group in input order; with a
     * value lambda, each element is mapped by it before it joins its group.
     */
    private static JNode groupBy(Invocation inv) {
        inv.arity(2, 3);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda key = lambda(inv, 1);
        Lambda value = inv.count() > 2 ? lambda(inv, 2) : null;
        Map<String, List<JNode>> groups = new LinkedHashMap<>();
        for (JNode e : Values.array(input, "the first argument of groupBy()").elements()) {
            JNode k = key.apply(inv, e);
            if (k instanceof JUnknown) {
                return k;
            }
            groups.computeIfAbsent(Values.string(k, "the key lambda's result"), x -> new ArrayList<>())
                    .add(value == null ? e : value.apply(inv, e));
        }
        Map<String, JNode> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, new JArray(v, inv.at())));
        return new JObject(out, inv.at());
    }

    private static JNode mapValues(Invocation inv) {
        inv.arity(2, 2);
        JNode input = inv.arg(0);
        if (input instanceof JUnknown) {
            return input;
        }
        Lambda f = lambda(inv, 1);
        Map<String, JNode> out = new LinkedHashMap<>();
        Values.object(input, "the first argument of mapValues()").members().forEach((k, v) -> out.put(k, f.apply(inv, v)));
        return new JObject(out, inv.at());
    }
}
