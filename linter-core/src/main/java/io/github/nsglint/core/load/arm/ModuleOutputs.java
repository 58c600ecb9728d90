package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.SourceLocation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code reference()} of a nested deployment the same template declares: what Bicep writes for one module's output
 * handed to another ({@code reference(resourceId('Microsoft.Resources/deployments', 'hub')).outputs.vnetId.value},
 * or {@code reference('hub')} with symbolic names). Its outputs are evaluated in the deployment's own scope (its
 * parameters, inner or outer, its copy index), so an output that is plain {@code resourceId(...)} of a parameter
 * is known before deployment, as ARM will compute it. What needs a deployed resource stays Unknown, with a reason
 * naming the output. A deployment whose condition is false has no outputs: ARM fails the reference.
 */
final class ModuleOutputs {

    private static final String DEPLOYMENTS = "microsoft.resources/deployments";

    private ModuleOutputs() {
    }

    /** The deployment's {@code reference()} value ({@code {"outputs": {...}}}), or empty when it is not one here. */
    static Optional<JNode> reference(String idOrSymbol, Invocation inv) {
        TemplateContext ctx = inv.scope().template();
        JNode resources = ctx.resources();
        if (resources instanceof JObject symbolic) {
            JNode decl = symbolic.getOrNull(idOrSymbol);
            if (decl instanceof JObject d && isDeployment(d)) {
                return Optional.of(outputs(d, idOrSymbol, Scope.of(ctx), inv));
            }
        }
        Iterable<JNode> all = resources instanceof JArray a ? a.elements()
                : resources instanceof JObject o ? o.members().values() : java.util.List.of();
        String wanted = idOrSymbol.toLowerCase(Locale.ROOT);
        for (JNode r : all) {
            if (!(r instanceof JObject d) || !isDeployment(d)) {
                continue;
            }
            JObject loop = d.getOrNull("copy") instanceof JObject l ? l : null;
            long count = 1;
            if (loop != null) {
                JNode c = inv.evaluator().resolve(TemplateExpander.orNull(loop.getOrNull("count"), loop), Scope.of(ctx));
                if (!(c instanceof JNumber n)) {
                    continue;
                }
                count = Math.min(n.value().longValue(), Evaluator.MAX_COPY_COUNT);
            }
            for (int i = 0; i < count; i++) {
                Scope at = loop == null ? Scope.of(ctx)
                        : Scope.of(ctx).withLoop(loop.string("name").orElse(null), i, true);
                JNode name = inv.evaluator().resolve(TemplateExpander.orNull(d.getOrNull("name"), d), at);
                if (!(name instanceof JString s)) {
                    continue;
                }
                DeploymentTarget where = TemplateExpander.nestedTarget(d, at, ctx.target(), inv.evaluator());
                String id = where.resourceGroupPrefix() + "/providers/Microsoft.Resources/deployments/" + s.value();
                String subscriptionLevel = where.subscriptionPrefix() + "/providers/Microsoft.Resources/deployments/"
                        + s.value();
                if (id.toLowerCase(Locale.ROOT).equals(wanted) || subscriptionLevel.toLowerCase(Locale.ROOT).equals(wanted)
                        || s.value().equalsIgnoreCase(idOrSymbol)) {
                    return Optional.of(outputs(d, s.value(), at, inv));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDeployment(JObject d) {
        return d.getOrNull("type") instanceof JString t && t.value().toLowerCase(Locale.ROOT).equals(DEPLOYMENTS)
                && !(d.getOrNull("existing") instanceof JBool b && b.value());
    }

    /** {@code {"outputs": {NAME: {"type": ..., "value": ...}}}} of the deployment, evaluated in its own scope. */
    private static JNode outputs(JObject d, String name, Scope declaring, Invocation inv) {
        SourceLocation at = inv.at();
        JNode condition = d.getOrNull("condition");
        if (condition != null) {
            JNode c = inv.evaluator().resolve(condition, declaring);
            if (c instanceof JUnknown u) {
                return new JUnknown("whether module '" + name + "' is deployed is not known: " + u.reason(), at);
            }
            if (c instanceof JBool b && !b.value()) {
                throw new ArmEvaluationException("module '" + name + "' is not deployed (its condition is false), so"
                        + " it has no outputs and ARM fails the reference");
            }
        }
        if (!(d.getOrNull("properties") instanceof JObject props) || !(props.getOrNull("template") instanceof JObject t)) {
            return new JUnknown("module '" + name + "' is a linked template; its outputs are not read", at);
        }
        if (!inv.scope().template().enterModule(name)) {
            throw new ArmEvaluationException("module '" + name + "' refers to its own outputs");
        }
        try {
            boolean innerScope = TemplateExpander.innerScope(props, declaring, inv.evaluator());
            Scope scope = declaring;
            if (innerScope) {
                Map<String, Supplier<JNode>> supplied = new HashMap<>();
                props.object("parameters").ifPresent(ps -> ps.members().forEach((k, p) ->
                        supplied.put(k.toLowerCase(Locale.ROOT),
                                () -> TemplateExpander.suppliedValue(k, p, declaring, inv.evaluator()))));
                TemplateContext parent = declaring.template();
                TemplateContext ctx = new TemplateContext(parent.file(), t, supplied,
                        TemplateExpander.nestedTarget(d, declaring, parent.target(), inv.evaluator()), inv.evaluator(),
                        parent.diagnostics(), parent.budget());
                scope = Scope.of(ctx);
            }
            Map<String, JNode> out = new LinkedHashMap<>();
            JObject outputs = t.object("outputs").orElse(null);
            if (outputs != null) {
                for (Map.Entry<String, JNode> o : outputs.members().entrySet()) {
                    if (o.getValue() instanceof JObject decl) {
                        out.put(o.getKey(), output(name, o.getKey(), decl, scope, inv));
                    }
                }
            }
            Map<String, JNode> reference = new LinkedHashMap<>();
            reference.put("outputs", new JObject(out, at));
            return new JObject(reference, at);
        } finally {
            inv.scope().template().leaveModule(name);
        }
    }

    private static JNode output(String module, String output, JObject decl, Scope scope, Invocation inv) {
        JNode value;
        if (decl.getOrNull("copy") instanceof JObject loop) {
            value = inv.evaluator().expandLoop(loop, scope);
        } else {
            value = inv.evaluator().resolve(TemplateExpander.orNull(decl.getOrNull("value"), decl), scope);
        }
        if (value instanceof JUnknown u) {
            value = new JUnknown("output '" + output + "' of module '" + module + "' is not known before deployment: "
                    + u.reason(), u.location());
        }
        Map<String, JNode> o = new LinkedHashMap<>();
        decl.get("type").ifPresent(type -> o.put("type", type));
        o.put("value", value);
        return new JObject(o, decl.location());
    }
}
