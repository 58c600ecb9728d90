package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an expression can see besides its template: the current copy-loop indexes, the variables of
 * enclosing lambdas, and, inside a user-defined function, that function's parameters. Immutable; the
 * {@code with...} methods return a new scope.
 */
final class Scope {

    private final TemplateContext template;
    private final Map<String, Integer> loops;
    private final Integer defaultLoopIndex;
    private final Map<String, JNode> lambdaVariables;
    private final Map<String, JNode> functionParameters;

    private Scope(TemplateContext template, Map<String, Integer> loops, Integer defaultLoopIndex,
            Map<String, JNode> lambdaVariables, Map<String, JNode> functionParameters) {
        this.template = template;
        this.loops = loops;
        this.defaultLoopIndex = defaultLoopIndex;
        this.lambdaVariables = lambdaVariables;
        this.functionParameters = functionParameters;
    }

    static Scope of(TemplateContext template) {
        return new Scope(template, Map.of(), null, Map.of(), null);
    }

    TemplateContext template() {
        return template;
    }

    /** Inside an iteration of the copy loop {@code name}; unnamed {@code copyIndex()} sees it when {@code isDefault}. */
    Scope withLoop(String name, int index, boolean isDefault) {
        Map<String, Integer> next = new HashMap<>(loops);
        if (name != null) {
            next.put(name.toLowerCase(Locale.ROOT), index);
        }
        return new Scope(template, next, isDefault ? Integer.valueOf(index) : defaultLoopIndex, lambdaVariables,
                functionParameters);
    }

    Scope withLambdaVariables(Map<String, JNode> bindings) {
        Map<String, JNode> next = new HashMap<>(lambdaVariables);
        bindings.forEach((k, v) -> next.put(k.toLowerCase(Locale.ROOT), v));
        return new Scope(template, loops, defaultLoopIndex, next, functionParameters);
    }

    /** The scope of a user-defined function body: only its own parameters, no loops, no lambdas. */
    Scope forFunction(Map<String, JNode> parameters) {
        Map<String, JNode> params = new HashMap<>();
        parameters.forEach((k, v) -> params.put(k.toLowerCase(Locale.ROOT), v));
        return new Scope(template, Map.of(), null, Map.of(), params);
    }

    Integer loopIndex(String name) {
        return name == null ? defaultLoopIndex : loops.get(name.toLowerCase(Locale.ROOT));
    }

    JNode lambdaVariable(String name) {
        return lambdaVariables.get(name.toLowerCase(Locale.ROOT));
    }

    boolean inFunction() {
        return functionParameters != null;
    }

    JNode functionParameter(String name) {
        return functionParameters.get(name.toLowerCase(Locale.ROOT));
    }
}
