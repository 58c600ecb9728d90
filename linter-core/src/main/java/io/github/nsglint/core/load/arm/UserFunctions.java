package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** User-defined functions ({@code functions} section, emitted by Bicep for {@code func} declarations). */
final class UserFunctions {

    private UserFunctions() {
    }

    static ArmFunction call(JObject definition) {
        return inv -> {
            JArray params = definition.get("parameters").filter(JArray.class::isInstance).map(JArray.class::cast)
                    .orElse(new JArray(java.util.List.of(), definition.location()));
            inv.arity(params.size(), params.size());
            Map<String, JNode> bound = new LinkedHashMap<>();
            for (int i = 0; i < params.size(); i++) {
                JObject p = Values.object(params.get(i), "a function parameter declaration");
                bound.put(p.string("name").orElseThrow(() -> new ArmEvaluationException("function parameter has no name")),
                        inv.arg(i));
            }
            JObject output = definition.object("output")
                    .orElseThrow(() -> new ArmEvaluationException("function '" + inv.name() + "' has no output"));
            JNode value = output.getOrNull("value");
            if (value == null) {
                throw new ArmEvaluationException("function '" + inv.name() + "' has no output value");
            }
            return inv.evaluator().resolve(value, inv.scope().forFunction(bound));
        };
    }
}
