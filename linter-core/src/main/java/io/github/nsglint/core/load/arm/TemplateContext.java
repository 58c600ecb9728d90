package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.SourceLocation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One template being evaluated: its parameters (with the values supplied to it), variables and user-defined
 * functions, and the deployment it targets. Parameters and variables are evaluated lazily, on first use,
 * and cached; a variable that refers to itself is reported, not looped on.
 */
final class TemplateContext {

    private final String file;
    private final DeploymentTarget target;
    private final Evaluator evaluator;
    private final Diagnostics diagnostics;
    private final EvaluationBudget budget;
    /** The template's resources (an array, or an object by symbolic name), for references to its modules. */
    private final JNode resources;
    /** Modules whose outputs are being evaluated, so one that refers to itself is an error, not a loop. */
    private final Set<String> modulesEntered = new HashSet<>();
    private final Map<String, JObject> parameterDeclarations = new LinkedHashMap<>();
    private final Map<String, Supplier<JNode>> suppliedValues;
    private final Map<String, JNode> parameterCache = new HashMap<>();
    private final Map<String, JNode> variableDeclarations = new LinkedHashMap<>();
    private final Map<String, JNode> variableCache = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    /** Variables defined by a variable copy loop: their declaration is the loop object. */
    private final Set<String> variableLoops = new HashSet<>();
    private final Map<String, JObject> functions = new HashMap<>();
    /** languageVersion 2.0 type definitions, by name, for parameters that refer to them. */
    private final Map<String, JObject> definitions = new HashMap<>();

    /**
     * @param supplied parameter values given to this template (parameters file, nested deployment), by
     *                 lower-case name; already evaluated data, never evaluated again
     */
    TemplateContext(String file, JObject template, Map<String, Supplier<JNode>> supplied, DeploymentTarget target,
            Evaluator evaluator, Diagnostics diagnostics, EvaluationBudget budget) {
        this.file = file;
        this.budget = budget;
        this.resources = template.getOrNull("resources");
        this.target = target;
        this.evaluator = evaluator;
        this.diagnostics = diagnostics;
        this.suppliedValues = supplied;
        template.object("parameters").ifPresent(ps -> ps.members().forEach((name, decl) -> {
            if (decl instanceof JObject d) {
                parameterDeclarations.put(name.toLowerCase(Locale.ROOT), d);
            }
        }));
        template.object("variables").ifPresent(vs -> vs.members().forEach((name, value) -> {
            if (name.equalsIgnoreCase("copy") && value instanceof JArray loops) {
                registerVariableLoops(loops);
            } else {
                variableDeclarations.put(name.toLowerCase(Locale.ROOT), value);
            }
        }));
        template.get("functions").filter(JArray.class::isInstance).map(JArray.class::cast)
                .ifPresent(this::registerFunctions);
        template.object("definitions").ifPresent(ds -> ds.members().forEach((name, d) -> {
            if (d instanceof JObject o) {
                definitions.put(name, o);
            }
        }));
    }

    private void registerVariableLoops(JArray loops) {
        for (JNode loop : loops.elements()) {
            if (loop instanceof JObject l && l.string("name").isPresent()) {
                // A variable copy loop defines a variable holding the array of its inputs.
                variableDeclarations.put(l.string("name").get().toLowerCase(Locale.ROOT), l);
                variableLoops.add(l.string("name").get().toLowerCase(Locale.ROOT));
            }
        }
    }

    private void registerFunctions(JArray namespaces) {
        for (JNode ns : namespaces.elements()) {
            if (!(ns instanceof JObject nsObj)) {
                continue;
            }
            String namespace = nsObj.string("namespace").orElse("").toLowerCase(Locale.ROOT);
            nsObj.object("members").ifPresent(members -> members.members().forEach((name, def) -> {
                if (def instanceof JObject d) {
                    functions.put(namespace + "." + name.toLowerCase(Locale.ROOT), d);
                }
            }));
        }
    }

    String file() {
        return file;
    }

    DeploymentTarget target() {
        return target;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    JNode resources() {
        return resources;
    }

    boolean enterModule(String name) {
        return modulesEntered.add(name.toLowerCase(Locale.ROOT));
    }

    void leaveModule(String name) {
        modulesEntered.remove(name.toLowerCase(Locale.ROOT));
    }

    /** The file's evaluation budget, shared by the templates nested in it. */
    EvaluationBudget budget() {
        return budget;
    }

    JObject function(String qualifiedName) {
        return functions.get(qualifiedName);
    }

    /**
     * The value of parameter {@code name}: supplied, else its default, else null when nullable, else an opaque
     * symbol for a string ({@link OpaqueSymbols}), else Unknown.
     */
    JNode parameter(String name, SourceLocation at) {
        String key = name.toLowerCase(Locale.ROOT);
        JNode cached = parameterCache.get(key);
        if (cached != null) {
            return cached;
        }
        JObject decl = parameterDeclarations.get(key);
        if (decl == null) {
            throw new ArmEvaluationException("the template does not declare a parameter '" + name + "'");
        }
        if (!evaluating.add("p:" + key)) {
            throw new ArmEvaluationException("parameter '" + name + "' refers to itself");
        }
        try {
            JNode value;
            Supplier<JNode> supplied = suppliedValues.get(key);
            JNode given = supplied == null ? null : supplied.get();
            if (given != null && !(given instanceof JNull && decl.has("defaultValue"))) {
                value = given;
            } else if (decl.has("defaultValue")) {
                // Not supplied, or supplied as null (a module passing an optional value on): ARM takes the default.
                value = evaluator.resolve(decl.getOrNull("defaultValue"), Scope.of(this));
            } else if (nullable(decl)) {
                // languageVersion 2.0: a nullable parameter without a value is null, not unknown.
                value = new JNull(decl.location());
            } else if (decl.string("type").filter(t -> t.equalsIgnoreCase("string")).isPresent()) {
                // A required string that has no value: followed as a name (OpaqueSymbols), never read as one.
                budget.noteSymbols();
                value = new JString(OpaqueSymbols.of(name), decl.location());
            } else {
                value = new JUnknown("parameter '" + name + "' has no value: it has no default and none is supplied"
                        + " (give a parameters file or --parameters)", decl.location());
            }
            parameterCache.put(key, value);
            return value;
        } finally {
            evaluating.remove("p:" + key);
        }
    }

    /** The value of variable {@code name}, evaluated on first use. */
    JNode variable(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        JNode cached = variableCache.get(key);
        if (cached != null) {
            return cached;
        }
        JNode decl = variableDeclarations.get(key);
        if (decl == null) {
            throw new ArmEvaluationException("the template does not declare a variable '" + name + "'");
        }
        if (!evaluating.add("v:" + key)) {
            throw new ArmEvaluationException("variable '" + name + "' refers to itself");
        }
        try {
            JNode value = variableLoops.contains(key)
                    ? evaluator.expandLoop((JObject) decl, Scope.of(this))
                    : evaluator.resolve(decl, Scope.of(this));
            variableCache.put(key, value);
            return value;
        } finally {
            evaluating.remove("v:" + key);
        }
    }

    /**
     * Whether a parameter may be null (languageVersion 2.0): {@code "nullable": true} on it, or on the type it names
     * with {@code "$ref": "#/definitions/T"} (followed through further references, a few deep).
     */
    private boolean nullable(JObject decl) {
        JObject type = decl;
        for (int depth = 0; depth < 8 && type != null; depth++) {
            if (type.getOrNull("nullable") instanceof JBool b) {
                return b.value();
            }
            String ref = type.string("$ref").orElse(null);
            if (ref == null || !ref.startsWith("#/definitions/")) {
                return false;
            }
            type = definitions.get(ref.substring("#/definitions/".length()));
        }
        return false;
    }

    /** Names of the declared parameters, for messages and for the parameters-file check. */
    Set<String> parameterNames() {
        return parameterDeclarations.keySet();
    }
}
