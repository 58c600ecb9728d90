package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates ARM template expressions and resolves JSON values that contain them. Evaluated values keep the
 * location of the literal they come from; an expression's own result takes the expression's location.
 * An expression that cannot be evaluated becomes Unknown at that spot with a warning; it never aborts the file.
 */
final class Evaluator {

    /** Azure's limit on copy loop iterations. */
    static final int MAX_COPY_COUNT = 800;

    private final FunctionTable functions;

    Evaluator(FunctionTable functions) {
        this.functions = functions;
    }

    /** Resolves every expression in {@code node}, including property copy loops; unchanged parts are shared. */
    JNode resolve(JNode node, Scope scope) {
        if (node instanceof JString s) {
            return evaluateString(s, scope);
        }
        if (node instanceof JArray a) {
            List<JNode> out = null;
            for (int i = 0; i < a.size(); i++) {
                JNode e = a.get(i);
                JNode r = resolve(e, scope);
                if (r != e && out == null) {
                    out = new ArrayList<>(a.elements().subList(0, i));
                }
                if (out != null) {
                    out.add(r);
                }
            }
            return out == null ? a : new JArray(out, a.location());
        }
        if (node instanceof JObject o) {
            return resolveObject(o, scope);
        }
        return node;
    }

    private JNode resolveObject(JObject o, Scope scope) {
        Map<String, JNode> out = null;
        int index = 0;
        for (Map.Entry<String, JNode> e : o.members().entrySet()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase("copy") && isPropertyLoops(e.getValue())) {
                if (out == null) {
                    out = copyFirst(o, index);
                }
                for (JNode loop : ((JArray) e.getValue()).elements()) {
                    JObject l = (JObject) loop;
                    out.put(l.string("name").orElseThrow(), expandLoop(l, scope));
                }
            } else {
                JNode r = resolve(e.getValue(), scope);
                String name = propertyName(key, e.getValue(), scope);
                if ((r != e.getValue() || !name.equals(key)) && out == null) {
                    out = copyFirst(o, index);
                }
                if (out != null) {
                    out.put(name, r);
                }
            }
            index++;
        }
        return out == null ? o : new JObject(out, o.location());
    }

    /**
     * A property name that is an expression ({@code "[format('{0}', variables('x'))]"}, what Bicep writes for
     * {@code {'${x}': v}}) is evaluated, as ARM does; {@code [[} escapes a literal bracket. A name that cannot be
     * evaluated to a string keeps its text, with a warning.
     */
    private String propertyName(String key, JNode value, Scope scope) {
        if (key.isEmpty() || key.charAt(0) != '[') {
            return key;
        }
        if (key.startsWith("[[")) {
            return key.substring(1);
        }
        if (!ExpressionParser.isExpression(key)) {
            return key;
        }
        JNode name = evaluateString(new JString(key, value.location()), scope);
        if (name instanceof JString s) {
            return s.value();
        }
        if (!(name instanceof JUnknown)) {
            unknown(scope, value.location(), "a property name must be a string, not " + name.typeName());
        }
        return key;
    }

    private static Map<String, JNode> copyFirst(JObject o, int count) {
        Map<String, JNode> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, JNode> e : o.members().entrySet()) {
            if (i++ >= count) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A {@code copy} member whose value is an array of {@code {name, count, input}} objects: property loops. */
    private static boolean isPropertyLoops(JNode value) {
        if (!(value instanceof JArray a) || a.size() == 0) {
            return false;
        }
        for (JNode e : a.elements()) {
            if (!(e instanceof JObject l) || !l.has("input") || l.string("name").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Expands one {@code {name, count, input}} loop into the array of its inputs. */
    JNode expandLoop(JObject loop, Scope scope) {
        String name = loop.string("name").orElse(null);
        JNode countNode = loop.getOrNull("count");
        JNode count = countNode == null ? null : resolve(countNode, scope);
        if (count instanceof JUnknown u) {
            return new JUnknown("copy loop '" + name + "' has an unknown count: " + u.reason(), u.location());
        }
        if (!(count instanceof JNumber n)) {
            return unknown(scope, loop.location(), "copy loop '" + name + "' needs an integer count");
        }
        long c = n.value().longValue();
        if (c < 0 || c > MAX_COPY_COUNT) {
            return unknown(scope, loop.location(),
                    "copy loop '" + name + "' count " + c + " is outside 0.." + MAX_COPY_COUNT);
        }
        JNode input = loop.getOrNull("input");
        List<JNode> out = new ArrayList<>((int) c);
        EvaluationBudget budget = scope.template().budget();
        try {
            // Loops inside loops multiply: the product is bounded by the size of what they make, as it grows.
            long size = 2;
            for (int i = 0; i < c; i++) {
                budget.spend(EvaluationBudget.CALL);
                JNode element = input == null ? JNumber.of(i, loop.location())
                        : resolve(input, scope.withLoop(name, i, false));
                size += budget.size(element) + 1;
                EvaluationBudget.requireSize(size, () -> "copy loop '" + name + "'");
                out.add(element);
            }
            return new JArray(out, loop.location());
        } catch (ArmEvaluationException e) {
            return unknown(scope, loop.location(), e);
        }
    }

    /** Evaluates a string value: an expression is evaluated, {@code [[} escapes a literal bracket. */
    JNode evaluateString(JString s, Scope scope) {
        String v = s.value();
        if (v.isEmpty() || v.charAt(0) != '[') {
            return s;
        }
        if (v.startsWith("[[")) {
            return new JString(v.substring(1), s.location());
        }
        if (!ExpressionParser.isExpression(v)) {
            return s;
        }
        try {
            return eval(ExpressionParser.parse(v, s.location()), scope, s.location());
        } catch (ArmEvaluationException e) {
            return unknown(scope, s.location(), e);
        } catch (StackOverflowError e) {
            return unknown(scope, s.location(), "expression is nested too deeply");
        }
    }

    /** Unknown with a warning; once the work bound is spent, later expressions are Unknown without another. */
    private static JUnknown unknown(Scope scope, SourceLocation at, ArmEvaluationException e) {
        if (e.reported()) {
            return new JUnknown("cannot evaluate: " + e.getMessage(), at);
        }
        return unknown(scope, at, e.getMessage());
    }

    private static JUnknown unknown(Scope scope, SourceLocation at, String message) {
        scope.template().diagnostics().add(LoadDiagnostic.Level.WARNING, at, "cannot evaluate: " + message);
        return new JUnknown("cannot evaluate: " + message, at);
    }

    /** Evaluates one parsed expression. */
    JNode eval(Expr e, Scope scope, SourceLocation at) {
        if (e instanceof Expr.Literal lit) {
            return lit.value();
        }
        if (e instanceof Expr.Call call) {
            EvaluationBudget budget = scope.template().budget();
            budget.spend(EvaluationBudget.CALL);
            ArmFunction f = functions.lookup(call.name(), scope.template());
            return budget.requireWithinSize(f.call(new Invocation(call, scope, this, at)),
                    () -> "the value of " + call.name() + "()");
        }
        if (e instanceof Expr.Member m) {
            return member(eval(m.target(), scope, at), m.name());
        }
        Expr.Index ix = (Expr.Index) e;
        JNode target = eval(ix.target(), scope, at);
        JNode index = eval(ix.index(), scope, at);
        if (target instanceof JUnknown) {
            return target;
        }
        if (index instanceof JUnknown) {
            return index;
        }
        if (target instanceof JObject o && index instanceof JString key) {
            return member(o, key.value());
        }
        if (target instanceof JArray a) {
            long i = Values.integer(index, "an array index");
            if (i < 0 || i >= a.size()) {
                throw new ArmEvaluationException("index " + i + " is out of range of an array of " + a.size());
            }
            return a.get((int) i);
        }
        throw new ArmEvaluationException("cannot index a value of type " + target.typeName() + " with "
                + index.typeName());
    }

    private static JNode member(JNode target, String name) {
        if (target instanceof JUnknown) {
            return target;
        }
        if (target instanceof JObject o) {
            JNode v = o.getOrNull(name);
            if (v == null) {
                throw new ArmEvaluationException("the object has no property '" + name + "'");
            }
            return v;
        }
        throw new ArmEvaluationException("cannot read property '" + name + "' of a value of type " + target.typeName());
    }
}
