package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Walks a template's resources as Azure Resource Manager would deploy them: conditions, resource copy loops,
 * child resources, {@code existing} resources (languageVersion 2.0, skipped: they are not deployed), and
 * nested deployments with inner or outer expression scope. Only resources of the types the caller asks for
 * have their properties evaluated; every other resource costs no more than its type.
 */
public final class TemplateExpander {

    private static final String DEPLOYMENTS = "microsoft.resources/deployments";
    /** Nested deployments deeper than this are reported rather than followed (a guard against hostile input). */
    private static final int MAX_NESTING = 20;

    private final Evaluator evaluator = new Evaluator(FunctionTable.standard());
    private final Predicate<String> relevantType;

    /** Builds the function table every expander shares. */
    public static void prepare() {
        FunctionTable.standard();
    }

    /** @param relevantType decides, by lower-case full type, which resources the caller wants */
    public TemplateExpander(Predicate<String> relevantType) {
        this.relevantType = relevantType;
    }

    /**
     * Expands a template.
     *
     * @param file       how locations name the file
     * @param parameters values for the template's parameters (from a parameters file), by name; used as given
     */
    public ExpansionResult expand(String file, JObject template, Map<String, JNode> parameters) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Supplier<JNode>> supplied = new HashMap<>();
        parameters.forEach((k, v) -> supplied.put(k.toLowerCase(Locale.ROOT), () -> v));
        Run run = new Run(diagnostics);
        TemplateContext context = new TemplateContext(file, template, supplied, DeploymentTarget.SYMBOLIC, evaluator,
                diagnostics, new EvaluationBudget());
        for (String name : parameters.keySet()) {
            if (!context.parameterNames().contains(name.toLowerCase(Locale.ROOT))) {
                diagnostics.add(LoadDiagnostic.Level.WARNING, parameters.get(name).location(),
                        "the parameters file sets '" + name + "', which the template does not declare");
            }
        }
        run.template(template, Scope.of(context), DeploymentTarget.SYMBOLIC, Field.known(true), 0);
        if (run.tooLarge) {
            // Azure rejects the whole template, so it deploys nothing: there is nothing to judge but the error.
            return new ExpansionResult(List.of(), List.of(), diagnostics.all(), context.budget().work());
        }
        return new ExpansionResult(run.resources, run.gaps, diagnostics.all(), context.budget().work());
    }

    /** The state of one expansion. */
    private final class Run {
        private final Diagnostics diagnostics;
        private final List<ResourceInstance> resources = new ArrayList<>();
        private final List<ModelGap> gaps = new ArrayList<>();
        /**
         * The size of what the file's templates deploy so far, and what it may reach: Azure accepts a template of
         * at most 4 MB after expansion, and each nested template has its own. Past it Azure rejects the template,
         * so it is an error, like malformed JSON, and nothing more of it is evaluated.
         */
        /** Whether the template being expanded is read in its parent's pass (outer scope), innermost first. */
        private final java.util.ArrayDeque<Boolean> outerPass = new java.util.ArrayDeque<>();
        /** Per template being expanded (nested ones too): where each resource it deploys is, by lower-case ID. */
        private final java.util.ArrayDeque<Map<String, Integer>> definedHere = new java.util.ArrayDeque<>();
        private long deployedSize;
        private long deployableSize = EvaluationBudget.MAX_TEMPLATE_SIZE;
        private boolean tooLarge;

        Run(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        void template(JObject template, Scope scope, DeploymentTarget target, Field<Boolean> condition, int depth) {
            definedHere.push(new HashMap<>());
            try {
                resources(template, scope, target, condition, depth);
            } finally {
                definedHere.pop();
            }
        }

        private void resources(JObject template, Scope scope, DeploymentTarget target, Field<Boolean> condition,
                int depth) {
            JNode resources = template.getOrNull("resources");
            if (resources instanceof JArray list) {
                for (JNode r : list.elements()) {
                    declaration(r, scope, target, null, condition, depth);
                }
            } else if (resources instanceof JObject symbolic) {
                // languageVersion 2.0: resources keyed by symbolic name.
                for (JNode r : symbolic.members().values()) {
                    declaration(r, scope, target, null, condition, depth);
                }
            }
        }

        private void declaration(JNode node, Scope scope, DeploymentTarget target, Parent parent,
                Field<Boolean> condition, int depth) {
            if (!(node instanceof JObject decl)) {
                diagnostics.add(LoadDiagnostic.Level.WARNING, node.location(), "a resource must be an object");
                return;
            }
            if (decl.getOrNull("existing") instanceof JBool b && b.value()) {
                return;
            }
            JNode typeNode = evaluator.resolve(orNull(decl.getOrNull("type"), decl), scope);
            if (!(typeNode instanceof JString typeString)) {
                gaps.add(new ModelGap("", "resource type is not known: " + describe(typeNode), decl.location()));
                return;
            }
            String type = parent != null && typeString.value().indexOf('/') < 0
                    ? parent.type + "/" + typeString.value() : typeString.value();
            String typeKey = type.toLowerCase(Locale.ROOT);
            boolean wanted = typeKey.equals(DEPLOYMENTS) || relevantType.test(typeKey) || hasChildren(decl);
            if (!wanted) {
                return;
            }
            JNode copy = decl.getOrNull("copy");
            if (copy instanceof JObject loop) {
                String loopName = loop.string("name").orElse(null);
                JNode count = evaluator.resolve(orNull(loop.getOrNull("count"), loop), scope);
                if (count instanceof JUnknown u) {
                    gaps.add(new ModelGap(type, "copy loop '" + loopName + "' has an unknown count, so the "
                            + type + " resources it makes are not known: " + u.reason(), loop.location()));
                    return;
                }
                if (!(count instanceof JNumber n) || n.value().longValue() < 0
                        || n.value().longValue() > Evaluator.MAX_COPY_COUNT) {
                    diagnostics.add(LoadDiagnostic.Level.WARNING, loop.location(),
                            "copy loop '" + loopName + "' needs a count in 0.." + Evaluator.MAX_COPY_COUNT);
                    gaps.add(new ModelGap(type, "copy loop '" + loopName + "' has an invalid count",
                            loop.location()));
                    return;
                }
                for (int i = 0; i < n.value().longValue() && !tooLarge; i++) {
                    instance(decl, type, scope.withLoop(loopName, i, true), target, parent, condition, depth);
                }
            } else {
                instance(decl, type, scope, target, parent, condition, depth);
            }
        }

        private void instance(JObject decl, String type, Scope scope, DeploymentTarget target, Parent parent,
                Field<Boolean> inherited, int depth) {
            Field<Boolean> condition = inherited;
            JNode conditionNode = decl.getOrNull("condition");
            if (conditionNode != null) {
                JNode c = evaluator.resolve(conditionNode, scope);
                if (c instanceof JUnknown u) {
                    condition = inherited instanceof Field.Unknown ? inherited
                            : Field.unknown("condition is unknown: " + u.reason(), u.location());
                } else if (c instanceof JBool b) {
                    if (!b.value()) {
                        return;
                    }
                } else if (!(c instanceof JString s && s.value().equalsIgnoreCase("true"))) {
                    if (c instanceof JString s && s.value().equalsIgnoreCase("false")) {
                        return;
                    }
                    condition = Field.unknown("condition is not a boolean: " + describe(c), conditionNode.location());
                }
            }
            JNode nameNode = evaluator.resolve(orNull(decl.getOrNull("name"), decl), scope);
            // A name or scope built from a required parameter with no value is written as that parameter's
            // expression from here on: the model holds no symbol (OpaqueSymbols), and equal expressions are equal IDs.
            String ownName = nameNode instanceof JString s ? OpaqueSymbols.readable(s.value()) : "{unknown name}";
            String fullName = parent != null && type.startsWith(parent.type + "/") && !ownName.contains("/")
                    ? parent.name + "/" + ownName : ownName;
            JNode fullNameNode = nameNode instanceof JString s ? new JString(fullName, s.location()) : nameNode;
            String extended = OpaqueSymbols.readable(extendedResource(decl, scope, target));
            String id = OpaqueSymbols.readable(resourceId(target, type, fullName, extended, decl.location()));
            String typeKey = type.toLowerCase(Locale.ROOT);
            if (typeKey.equals(DEPLOYMENTS)) {
                nested(decl, scope, target, condition, depth);
                return;
            }
            if (relevantType.test(typeKey)) {
                if (tooLarge) {
                    return;
                }
                JNode properties = evaluator.resolve(orNull(decl.getOrNull("properties"), decl), scope);
                if (!deployable(properties, scope, decl.location())) {
                    return;
                }
                JNode sku = evaluator.resolve(orNull(decl.getOrNull("sku"), decl), scope);
                JNode region = evaluator.resolve(orNull(decl.getOrNull("location"), decl), scope);
                JNode metadata = evaluator.resolve(orNull(decl.getOrNull("metadata"), decl), scope);
                ResourceInstance made = new ResourceInstance(type, fullNameNode, id, extended, properties, sku, region,
                        metadata, new Deployment(Deployment.Origin.TEMPLATE, condition), decl.location());
                definedOnce(made, condition);
                resources.add(made);
            }
            JNode children = decl.getOrNull("resources");
            if (children instanceof JArray list) {
                Parent self = new Parent(type, fullName);
                for (JNode child : list.elements()) {
                    declaration(child, scope, target, self, condition, depth);
                }
            }
        }

        /**
         * A template that defines one resource twice is one Azure rejects ("defined multiple times"); a nested
         * deployment redeploying it is not, and is not checked here. Only certain deployments count (a condition
         * that is not known true may never deploy). The later one takes the resource's place; an earlier NSG stays
         * in the model under its own ID, so its rules are judged too and an insecure first copy is never hidden.
         */
        private void definedOnce(ResourceInstance made, Field<Boolean> condition) {
            if (!(condition instanceof Field.Known<Boolean> k && k.value()) || made.id().contains("{unknown")) {
                return;
            }
            Integer earlier = definedHere.peek().put(made.id().toLowerCase(Locale.ROOT), resources.size());
            if (earlier == null) {
                return;
            }
            ResourceInstance first = resources.get(earlier);
            boolean nsg = made.type().equalsIgnoreCase("Microsoft.Network/networkSecurityGroups");
            diagnostics.add(LoadDiagnostic.Level.ERROR, made.location(), made.type() + " '" + made.id()
                    + "' is defined twice in this template (also at " + first.location().display() + "): Azure"
                    + " rejects a template that defines a resource more than once"
                    + (nsg ? "; both are judged" : "; this later one is used"));
            if (nsg) {
                resources.set(earlier, first.withId(first.id() + "#" + first.location().line() + ":"
                        + first.location().column()));
            }
        }

        /** Counts a resource's evaluated properties against the 4 MB Azure accepts; false once past it. */
        private boolean deployable(JNode properties, Scope scope, SourceLocation at) {
            long size;
            try {
                size = scope.template().budget().size(properties);
            } catch (ArmEvaluationException e) {
                size = Long.MAX_VALUE;
            }
            deployedSize = size > Long.MAX_VALUE - deployedSize ? Long.MAX_VALUE : deployedSize + size;
            if (deployedSize <= deployableSize) {
                return true;
            }
            tooLarge = true;
            diagnostics.add(LoadDiagnostic.Level.ERROR, at, String.format(java.util.Locale.ROOT,
                    "the resources this template deploys reach %,d bytes here, past the %,d bytes Azure accepts for"
                    + " a template after its copy loops are expanded: Azure rejects the deployment, so nsglint"
                    + " judges none of its resources", Math.min(deployedSize, deployableSize + 1), deployableSize));
            return false;
        }

        /** The ID of the resource an extension resource ({@code scope} property) extends, or "". */
        private String extendedResource(JObject decl, Scope scope, DeploymentTarget target) {
            JNode scopeNode = decl.getOrNull("scope");
            if (scopeNode == null) {
                return "";
            }
            JNode value = evaluator.resolve(scopeNode, scope);
            if (!(value instanceof JString s)) {
                return "{unknown scope}";
            }
            String v = s.value();
            // Bicep writes the scope as a relative reference: "Microsoft.Network/bastionHosts/name".
            return v.startsWith("/") ? v : target.resourceGroupPrefix() + "/providers/" + v;
        }

        private String resourceId(DeploymentTarget target, String type, String fullName, String extended,
                SourceLocation at) {
            String prefix = extended.isEmpty() ? target.resourceGroupPrefix() : extended;
            try {
                return ResourceFunctions.build(prefix, type, List.of(fullName));
            } catch (ArmEvaluationException e) {
                if (!fullName.contains("{unknown")) {
                    diagnostics.add(LoadDiagnostic.Level.WARNING, at, "resource name '" + fullName
                            + "' does not fit type '" + type + "': " + e.getMessage());
                }
                return prefix + "/providers/" + type + "/" + fullName;
            }
        }

        private void nested(JObject decl, Scope scope, DeploymentTarget target, Field<Boolean> condition,
                int depth) {
            JNode propsNode = decl.getOrNull("properties");
            if (!(propsNode instanceof JObject props)) {
                return;
            }
            if (depth >= MAX_NESTING) {
                gaps.add(new ModelGap(DEPLOYMENTS, "nested deployments deeper than " + MAX_NESTING
                        + " are not followed", decl.location()));
                return;
            }
            DeploymentTarget inner = nestedTarget(decl, scope, target, evaluator);
            JNode templateNode = props.getOrNull("template");
            if (!(templateNode instanceof JObject template)) {
                if (props.has("templateLink")) {
                    JNode link = evaluator.resolve(props.getOrNull("templateLink"), scope);
                    gaps.add(new ModelGap(DEPLOYMENTS, "linked template is not followed: "
                            + describeLink(link) + "; lint that template file itself", decl.location()));
                }
                return;
            }
            boolean innerScope = innerScope(props, scope, evaluator);
            deployableSize += EvaluationBudget.MAX_TEMPLATE_SIZE; // a nested template has its own limit
            if (!innerScope) {
                // Outer scope: the nested template's expressions see the parent's parameters and variables, and
                // are evaluated in the parent's pass.
                outerPass.push(true);
                try {
                    template(template, scope, inner, condition, depth + 1);
                } finally {
                    outerPass.pop();
                }
                return;
            }
            if (Boolean.TRUE.equals(outerPass.peek())) {
                // Declared inside an outer-scope template: the parent's pass has already read this template's
                // strings once, turning an escaped "[[expr]" into "[expr]", which this deployment then evaluates.
                template = (JObject) unescapeOnce(template);
            }
            Map<String, Supplier<JNode>> supplied = new HashMap<>();
            props.object("parameters").ifPresent(ps -> ps.members().forEach((name, p) ->
                    supplied.put(name.toLowerCase(Locale.ROOT), memoize(() -> suppliedValue(name, p, scope, evaluator)))));
            TemplateContext context = new TemplateContext(scope.template().file(), template, supplied, inner,
                    evaluator, diagnostics, scope.template().budget());
            outerPass.push(false);
            try {
                template(template, Scope.of(context), inner, condition, depth + 1);
            } finally {
                outerPass.pop();
            }
        }

    }

    /** The tree with one {@code [} taken from every string (and property name) that starts with {@code [[}. */
    private static JNode unescapeOnce(JNode n) {
        if (n instanceof JString s) {
            return s.value().startsWith("[[") ? new JString(s.value().substring(1), s.location()) : s;
        }
        if (n instanceof JArray a) {
            List<JNode> out = new ArrayList<>(a.size());
            a.elements().forEach(e -> out.add(unescapeOnce(e)));
            return new JArray(out, a.location());
        }
        if (n instanceof JObject o) {
            Map<String, JNode> out = new java.util.LinkedHashMap<>();
            o.members().forEach((k, v) -> out.put(k.startsWith("[[") ? k.substring(1) : k, unescapeOnce(v)));
            return new JObject(out, o.location());
        }
        return n;
    }

    private static boolean hasChildren(JObject decl) {
        return decl.getOrNull("resources") instanceof JArray a && a.size() > 0;
    }

    private static String describeLink(JNode link) {
        if (link instanceof JObject o) {
            JNode uri = o.getOrNull("uri");
            JNode rel = o.getOrNull("relativePath");
            JNode id = o.getOrNull("id");
            JNode shown = rel != null ? rel : uri != null ? uri : id;
            return shown == null ? "templateLink" : describe(shown);
        }
        return describe(link);
    }

    private static String describe(JNode n) {
        if (n instanceof JString s) {
            return "'" + s.value() + "'";
        }
        if (n instanceof JUnknown u) {
            return "unknown (" + u.reason() + ")";
        }
        return n.typeName();
    }

    /** A parameter a nested deployment is given, evaluated in the caller's scope: its value, or Unknown. */
    static JNode suppliedValue(String name, JNode p, Scope outer, Evaluator evaluator) {
        // Bicep may write the entry as one expression yielding {"value": ...}, or build "value" with a
        // property copy loop; resolving the whole entry in the caller's scope covers both.
        JNode entry = evaluator.resolve(p, outer);
        if (entry instanceof JUnknown) {
            return entry;
        }
        if (entry instanceof JObject o) {
            if (o.has("value")) {
                return o.getOrNull("value");
            }
            if (o.has("reference")) {
                return new JUnknown("parameter '" + name + "' comes from a Key Vault reference", o.location());
            }
        }
        return new JUnknown("parameter '" + name + "' is passed without a value", p.location());
    }

    /** Where a nested deployment goes: its own resourceGroup and subscriptionId, else its parent's. */
    static DeploymentTarget nestedTarget(JObject decl, Scope scope, DeploymentTarget target, Evaluator evaluator) {
        String subscription = target.subscriptionId();
        String group = target.resourceGroupName();
        JNode rg = decl.getOrNull("resourceGroup");
        if (rg != null) {
            JNode v = evaluator.resolve(rg, scope);
            group = v instanceof JString s ? s.value() : "{unknown resource group}";
        }
        JNode sub = decl.getOrNull("subscriptionId");
        if (sub != null) {
            JNode v = evaluator.resolve(sub, scope);
            subscription = v instanceof JString s ? s.value() : "{unknown subscription}";
        }
        return new DeploymentTarget(subscription, group);
    }

    /** Whether a nested deployment evaluates its template in its own (inner) scope. */
    static boolean innerScope(JObject props, Scope scope, Evaluator evaluator) {
        return props.object("expressionEvaluationOptions")
                .map(o -> evaluator.resolve(orNull(o.getOrNull("scope"), o), scope))
                .filter(JString.class::isInstance)
                .map(v -> ((JString) v).value().equalsIgnoreCase("inner"))
                .orElse(false);
    }

    static JNode orNull(JNode n, JNode owner) {
        return n == null ? new JNull(owner.location()) : n;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /** The full type and name of the resource a child resource is declared in. */
    private record Parent(String type, String name) {
    }
}
