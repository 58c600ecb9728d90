package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.JsonReader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Evaluates expressions against a small template, for tests; values come back as compact JSON text. */
final class Eval {

    private final TemplateContext context;
    final Diagnostics diagnostics = new Diagnostics();

    Eval(String templateJson) {
        this(templateJson, Map.of());
    }

    Eval(String templateJson, Map<String, String> supplied) {
        JsonReader reader = new JsonReader();
        JObject template = (JObject) reader.parse(templateJson, "t.json");
        Map<String, Supplier<JNode>> values = new HashMap<>();
        supplied.forEach((k, v) -> values.put(k.toLowerCase(java.util.Locale.ROOT),
                () -> reader.parse(v, "p.json")));
        context = new TemplateContext("t.json", template, values, DeploymentTarget.SYMBOLIC,
                new Evaluator(FunctionTable.standard()), diagnostics, new EvaluationBudget());
    }

    static Eval empty() {
        return new Eval("{}");
    }

    JNode node(String expression) {
        return context.evaluator().resolve(new JsonReader().parse(quote(expression), "e.json"), Scope.of(context));
    }

    /** The value as compact JSON, or {@code unknown: reason}. */
    String of(String expression) {
        return text(node(expression));
    }

    static String text(JNode n) {
        if (n instanceof JUnknown u) {
            return "unknown: " + u.reason();
        }
        if (n instanceof JString || n instanceof JNumber || n instanceof JBool || n instanceof JNull
                || n instanceof JArray || n instanceof JObject) {
            if (n.containsUnknown()) {
                return "contains unknown";
            }
            StringBuilder sb = new StringBuilder();
            Values.json(n, sb);
            return sb.toString();
        }
        throw new IllegalStateException();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
