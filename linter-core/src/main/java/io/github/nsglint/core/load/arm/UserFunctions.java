package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JUnknown;
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
                JNode value = inv.arg(i);
                if (value instanceof JUnknown) {
                    // Taken as the function's value without running its body: a function that calls itself
                    // twice with an Unknown would otherwise still run exponentially many times. A function
                    // whose result ignores an Unknown argument is rare and only loses precision here.
                    return value;
                }
                bound.put(p.string("name").orElseThrow(() -> new ArmEvaluationException("function parameter has no name")),
                        value);
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
