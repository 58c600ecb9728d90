package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JUnknown;
import java.util.HashMap;
import java.util.Map;

/**
 * Every template function the evaluator knows, by lower-case name. Functions whose value exists only at
 * deployment ({@code reference}, {@code list*}, {@code newGuid}, ...) return Unknown; a function the
 * evaluator does not know is an error that makes the value Unknown, with a warning naming the function.
 */
final class FunctionTable {

    private final Map<String, ArmFunction> functions;

    private FunctionTable(Map<String, ArmFunction> functions) {
        this.functions = functions;
    }

    /** The built-in functions: one table for every evaluator, as they hold no state. */
    static FunctionTable standard() {
        return Standard.TABLE;
    }

    /** Built on first use (linking some 200 functions costs a cold start milliseconds), then shared. */
    private static final class Standard {
        static final FunctionTable TABLE = build();

        private static FunctionTable build() {
            FunctionTable t = new FunctionTable(new HashMap<>());
            StringFunctions.register(t);
            CollectionFunctions.register(t);
            LogicFunctions.register(t);
            DeploymentFunctions.register(t);
            ResourceFunctions.register(t);
            LambdaFunctions.register(t);
            CidrFunctions.register(t);
            return new FunctionTable(Map.copyOf(t.functions));
        }
    }

    void register(String name, ArmFunction f) {
        functions.put(name, f);
    }

    /** A function whose result only exists once Azure has deployed something. */
    void registerDeploymentTime(String name, String why) {
        functions.put(name, inv -> new JUnknown(name + "() " + why, inv.at()));
    }

    ArmFunction lookup(String name, TemplateContext template) {
        ArmFunction f = functions.get(name);
        if (f != null) {
            return f;
        }
        if (name.startsWith("list")) {
            return inv -> new JUnknown(name + "() reads a deployed resource's secrets or state; its value is known"
                    + " only at deployment", inv.at());
        }
        if (name.indexOf('.') > 0 && template.function(name) != null) {
            return UserFunctions.call(template.function(name));
        }
        return inv -> {
            throw new ArmEvaluationException(name.indexOf('.') > 0
                    ? "the template defines no function '" + name + "'"
                    : "unsupported template function '" + name + "'");
        };
    }
}
